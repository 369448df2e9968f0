-- A dispatch may need more than one task slot (a composed run holds its runner and one child
-- task at a time), and a dispatch whose launch failed on a region must not go back there.

ALTER TABLE dispatch_queue ADD COLUMN slots INT DEFAULT 1 NOT NULL;

-- Comma-separated region names this dispatch is not placed on again (its launch failed there).
ALTER TABLE dispatch_queue ADD COLUMN avoid_regions VARCHAR(2000);
