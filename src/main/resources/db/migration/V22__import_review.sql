-- Imports started from the screens wait for the admin to review the column mapping before the
-- job runs: such a run is QUEUED with awaiting_review set, and the worker does not pick it up
-- (not even when resuming after a restart) until the admin starts it.
ALTER TABLE import_run ADD COLUMN awaiting_review BOOLEAN DEFAULT FALSE NOT NULL;

-- The number of data rows when the format is read whole (XLS, ODS), so that the progress bar
-- can estimate the time left; unknown (NULL) for streamed formats.
ALTER TABLE import_run ADD COLUMN rows_total BIGINT;
