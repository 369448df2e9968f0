-- Single writer per phase of a run: the execution that runs a phase holds its row's lease (its owner,
-- and until when it holds it, renewed while it runs). Another execution may start the phase only once
-- the lease is released, has expired, or its owner is known to be dead.
ALTER TABLE OFFSTREAM_PHASE ADD COLUMN LEASE_OWNER VARCHAR(200);
ALTER TABLE OFFSTREAM_PHASE ADD COLUMN LEASE_EXPIRES_AT TIMESTAMP;
