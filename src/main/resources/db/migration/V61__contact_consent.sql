-- Consent of each person: status (NULL = unknown, so that an import may fill it), since
-- when, how it reached us (FORM, IMPORT, MEETING) with a detail (the import's file name,
-- the meeting) and for what purpose.
ALTER TABLE contact ADD COLUMN consent_status VARCHAR(16);
ALTER TABLE contact ADD COLUMN consent_date DATE;
ALTER TABLE contact ADD COLUMN consent_source VARCHAR(16);
ALTER TABLE contact ADD COLUMN consent_source_detail VARCHAR(500);
ALTER TABLE contact ADD COLUMN consent_purpose VARCHAR(500);
