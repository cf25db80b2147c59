-- The country scope of the user who started an import, captured when it was submitted or
-- started, so that a resumed job applies the same scope: NULL = all countries, otherwise the
-- alpha-2 codes separated by commas (empty = no country at all).
ALTER TABLE import_run ADD COLUMN country_scope VARCHAR(2000);
