-- Blocking keys stored as a 64-bit hash of the key text (BlockingKeys.hash) instead of the
-- text in a VARCHAR(190) utf8mb4 column, and clustered by record instead of by key (issue 18).
-- A scan writes keys in record order: the rows now append to the clustered index, and only
-- the narrow key index (kind, hash, record) takes random inserts; at full size (seven million
-- keys) the text rows were four times the 128 MB buffer pool, and inserting 6.2 million of
-- them took 441 of a people scan's 547 s. Records sharing a key share its hash; two keys
-- sharing a hash (about one chance in a million among ten million keys) only make one block
-- larger.
-- The keys are dropped: the first start-up scans each kind again (scan-on-start-up), as
-- after V270.
DROP TABLE duplicate_key;

CREATE TABLE duplicate_key (
    kind VARCHAR(16) NOT NULL,
    key_hash BIGINT NOT NULL,
    record_id BIGINT NOT NULL,
    PRIMARY KEY (kind, record_id, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- blocks: the records of a key (InnoDB appends the primary key: the index covers them)
CREATE INDEX ix_duplicate_key_hash ON duplicate_key (kind, key_hash, record_id);
