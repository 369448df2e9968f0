-- A simulation runs one pinned snapshot through two versions of a service: the second version's
-- catalogue entry (NULL for a plain run). Its phases are rows of their own (LAG_WAIT_CANDIDATE, ...).
ALTER TABLE OFFSTREAM_RUN ADD COLUMN CANDIDATE_SERVICE VARCHAR(100);
