-- Import messages as a message bundle key and its arguments (a JSON array of strings), so
-- that pages, the API and the rejection report show them in the reader's language. The
-- message column keeps the English sentence: rows written before have only that, and
-- anyone reading the tables directly still finds a sentence.
ALTER TABLE import_run ADD COLUMN message_code VARCHAR(100);
ALTER TABLE import_run ADD COLUMN message_args TEXT;
ALTER TABLE import_problem ADD COLUMN message_code VARCHAR(100);
ALTER TABLE import_problem ADD COLUMN message_args TEXT;
