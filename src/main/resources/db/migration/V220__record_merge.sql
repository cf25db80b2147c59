-- Merges of duplicate organizations and people, and what each moved, so that a merge can be
-- undone exactly. The merged record's row is deleted by the merge (Envers keeps its last
-- values, merged_snapshot keeps the whole row with its tags, e-mails and phones) and inserted
-- again with the same id by an undo. kept_snapshot holds the kept record's values before the
-- merge, kept_version the kept record's version right after it: an undo restores the kept
-- record only while nobody changed it since.
CREATE TABLE record_merge (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- ORGANIZATION or CONTACT
    kind VARCHAR(16) NOT NULL,
    kept_id BIGINT NOT NULL,
    merged_id BIGINT NOT NULL,
    -- the merged record's name, for the kept record's history and the redirect message
    merged_name VARCHAR(300) NOT NULL,
    kept_snapshot TEXT NOT NULL,
    merged_snapshot TEXT NOT NULL,
    kept_version BIGINT NOT NULL,
    merged_by VARCHAR(100) NOT NULL,
    merged_at DATETIME(6) NOT NULL,
    -- NULL while the merge stands
    undone_by VARCHAR(100),
    undone_at DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "where did this id go": the merges that took a record, standing ones first
CREATE INDEX ix_record_merge_merged ON record_merge (kind, merged_id, undone_at);
-- a record's history lists the merges into it
CREATE INDEX ix_record_merge_kept ON record_merge (kind, kept_id);

-- One row per row a merge moved (or folded into one the kept record already had), written by
-- the module that owns the row (directory, outreach, meetings, imports): what names the kind
-- of row, row_id (and row_ref for two-part keys) names the row, detail keeps what an undo
-- needs besides moving it back (a folded row's values, a flag the merge changed).
CREATE TABLE record_merge_move (
    merge_id BIGINT NOT NULL,
    seq INT NOT NULL,
    what VARCHAR(40) NOT NULL,
    row_id BIGINT NOT NULL,
    row_ref BIGINT,
    detail TEXT,
    PRIMARY KEY (merge_id, seq),
    CONSTRAINT fk_record_merge_move_merge FOREIGN KEY (merge_id) REFERENCES record_merge (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
