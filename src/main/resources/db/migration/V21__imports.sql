-- Spreadsheet imports: each run, what it changed (for undo), its rejected and warned rows, and
-- saved column mappings.

CREATE TABLE import_run (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name VARCHAR(500) NOT NULL,
    stored_file VARCHAR(100) NOT NULL,
    source VARCHAR(10) NOT NULL,
    format VARCHAR(10),
    sheet_name VARCHAR(200),
    header_row INT,
    mode VARCHAR(20) NOT NULL,
    dry_run BOOLEAN NOT NULL,
    date_order VARCHAR(10) NOT NULL,
    mapping_template VARCHAR(100),
    mapping TEXT,
    status VARCHAR(12) NOT NULL,
    message VARCHAR(2000),
    rows_read BIGINT NOT NULL,
    rows_imported BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    rows_skipped BIGINT NOT NULL,
    warnings BIGINT NOT NULL,
    organizations_created BIGINT NOT NULL,
    organizations_updated BIGINT NOT NULL,
    contacts_created BIGINT NOT NULL,
    contacts_updated BIGINT NOT NULL,
    affiliations_created BIGINT NOT NULL,
    job_execution_id BIGINT,
    created_by VARCHAR(100) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    started_at DATETIME(6),
    finished_at DATETIME(6),
    undone_by VARCHAR(100),
    undone_at DATETIME(6),
    undo_report TEXT,
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_import_run_created ON import_run (created_at);
CREATE INDEX ix_import_run_status ON import_run (status);

CREATE TABLE import_change (
    import_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    record_id BIGINT NOT NULL,
    field VARCHAR(64),
    old_value TEXT,
    new_value TEXT,
    PRIMARY KEY (import_id, seq),
    CONSTRAINT fk_import_change_run FOREIGN KEY (import_id) REFERENCES import_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE import_problem (
    import_id BIGINT NOT NULL,
    row_no BIGINT NOT NULL,
    seq INT NOT NULL,
    severity VARCHAR(10) NOT NULL,
    column_name VARCHAR(200),
    message VARCHAR(1000) NOT NULL,
    -- the row's original cells as JSON, so that the rejection report shows them as they were
    raw_cells TEXT,
    PRIMARY KEY (import_id, row_no, seq),
    CONSTRAINT fk_import_problem_run FOREIGN KEY (import_id) REFERENCES import_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE import_mapping_template (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    -- folded header names, in order: files of the same shape match the template
    header_signature VARCHAR(2000) NOT NULL,
    mapping TEXT NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uk_import_mapping_template_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
