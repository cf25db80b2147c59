-- A completed run keeps the figures it computed (JSON of its figures, tables and charts)
-- and when: its page and mail show that run, not a new count of today's data.
ALTER TABLE report_run ADD COLUMN result LONGTEXT;
ALTER TABLE report_run ADD COLUMN computed_at DATETIME(6);
