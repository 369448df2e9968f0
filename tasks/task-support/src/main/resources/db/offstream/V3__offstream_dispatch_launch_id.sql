-- The argument value marking a child's latest launch (--offstream.dispatch.launch-id=...): a
-- dispatcher that died between SCDF's answer and the ledger write finds the execution by it.
ALTER TABLE OFFSTREAM_DISPATCH_CHILD ADD COLUMN LAUNCH_ID VARCHAR(64);
