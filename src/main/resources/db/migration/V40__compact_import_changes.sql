-- An import's undo log keeps the records it created as ranges of consecutive ids (bulk inserts
-- take their ids by block): one row with record_id = first id and record_count = how many,
-- instead of one row per created record. Changed fields stay one row each (record_count 1).
ALTER TABLE import_change ADD COLUMN record_count INT DEFAULT 1 NOT NULL;
