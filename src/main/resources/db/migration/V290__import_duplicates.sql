-- The duplicate check after an import (issue 18): the pairs an import run found, so that its
-- page lists them and the review queue can be filtered to them. A pair can be found by more
-- than one run; removing a pair removes its links.
CREATE TABLE duplicate_pair_import (
    import_id BIGINT NOT NULL,
    pair_id BIGINT NOT NULL,
    PRIMARY KEY (import_id, pair_id),
    CONSTRAINT fk_duplicate_pair_import_pair FOREIGN KEY (pair_id) REFERENCES duplicate_pair (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_duplicate_pair_import_pair ON duplicate_pair_import (pair_id);

-- How many possible duplicates a finished run found; NULL for dry runs, failed runs and runs
-- finished before the check existed.
ALTER TABLE import_run ADD COLUMN possible_duplicates INT;
