-- The log of erasures: who erased which person's data and when; never the erased data.
CREATE TABLE person_erasure (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id BIGINT NOT NULL,
    erased_by VARCHAR(100) NOT NULL,
    erased_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_person_erasure_contact ON person_erasure (contact_id);
