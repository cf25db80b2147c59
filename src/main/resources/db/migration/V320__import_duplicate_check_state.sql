-- The duplicate check after an import runs after the run is COMPLETED (issue 18/19): the
-- run's page says "checking for duplicates" while it runs, an instance that stops during it
-- resumes it, and an undo cancels it. CHECKING, DONE, FAILED or CANCELLED; NULL for dry runs,
-- failed runs and runs finished before the check existed.
ALTER TABLE import_run ADD COLUMN duplicate_check VARCHAR(16);

UPDATE import_run SET duplicate_check = 'DONE' WHERE possible_duplicates IS NOT NULL;
