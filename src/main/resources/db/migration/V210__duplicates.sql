-- Duplicate finding: pairs proposed for review, and the state of full scans.
-- A pair is stored once per kind with first_id < second_id; a DISMISSED pair stays, so
-- that neither a scan nor the check on save ever proposes it again.
CREATE TABLE duplicate_pair (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    first_id BIGINT NOT NULL,
    second_id BIGINT NOT NULL,
    score DECIMAL(4, 3) NOT NULL,
    reasons VARCHAR(400) NOT NULL,
    status VARCHAR(16) NOT NULL,
    found_at DATETIME(6) NOT NULL,
    decided_by VARCHAR(100),
    decided_at DATETIME(6),
    CONSTRAINT uq_duplicate_pair UNIQUE (kind, first_id, second_id),
    CONSTRAINT ck_duplicate_pair_order CHECK (first_id < second_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_duplicate_pair_queue ON duplicate_pair (kind, status, score);
CREATE INDEX ix_duplicate_pair_second ON duplicate_pair (kind, second_id);

-- A full scan. active_kind holds the kind while the scan is QUEUED or RUNNING and is NULL
-- afterwards: its unique index lets only one scan of a kind be active in the whole cluster.
CREATE TABLE duplicate_scan (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    active_kind VARCHAR(16),
    pairs_found INT NOT NULL,
    message VARCHAR(500),
    requested_by VARCHAR(100),
    job_execution_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    started_at DATETIME(6),
    finished_at DATETIME(6),
    CONSTRAINT uq_duplicate_scan_active UNIQUE (active_kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The blocking keys of every record (rebuilt by a full scan, kept current on every save):
-- records sharing a key are compared; candidate pairs come from one self-join.
CREATE TABLE duplicate_key (
    kind VARCHAR(16) NOT NULL,
    block_key VARCHAR(190) NOT NULL,
    record_id BIGINT NOT NULL,
    PRIMARY KEY (kind, block_key, record_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_duplicate_key_record ON duplicate_key (kind, record_id);
