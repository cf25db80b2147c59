-- Reports: schedules, runs (on demand and scheduled), delivery attempts by email, and
-- ShedLock's table that makes a scheduled run fire once across application instances.
-- Portable between H2 (MySQL mode) and MySQL 8 / MariaDB 10.6+.

CREATE TABLE report_schedule (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    report_type VARCHAR(32) NOT NULL,
    -- LAST_WEEK, LAST_MONTH or QUARTER, counted back from the day the run fires
    period VARCHAR(16) NOT NULL,
    -- comma-separated ISO alpha-2 codes; empty = every country of the owner's scope
    countries VARCHAR(1000) NOT NULL,
    campaign_id BIGINT,
    -- Spring cron (6 fields) evaluated in time_zone; the friendly picker is kept beside it
    cron VARCHAR(120) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    frequency VARCHAR(16) NOT NULL,
    day_of_week VARCHAR(16),
    day_of_month INT,
    time_of_day VARCHAR(5),
    -- comma-separated email addresses
    recipients VARCHAR(2000) NOT NULL,
    skip_when_empty BOOLEAN NOT NULL,
    enabled BOOLEAN NOT NULL,
    owner_id BIGINT NOT NULL,
    locale VARCHAR(16) NOT NULL,
    -- the last slot the scheduler looked at: slots after it are due when their time comes
    checked_until DATETIME(6) NOT NULL,
    last_outcome VARCHAR(2000),
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_run (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_type VARCHAR(32) NOT NULL,
    period_from DATE NOT NULL,
    -- inclusive
    period_to DATE NOT NULL,
    countries VARCHAR(1000) NOT NULL,
    campaign_id BIGINT,
    -- the country scope captured when the run was requested (or the schedule owner's)
    scope_all BOOLEAN NOT NULL,
    scope_countries VARCHAR(1000) NOT NULL,
    locale VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    file_name VARCHAR(200),
    message VARCHAR(2000),
    requested_by VARCHAR(100) NOT NULL,
    schedule_id BIGINT,
    -- the cron slot a scheduled run belongs to; (schedule_id, slot) is unique
    slot DATETIME(6),
    skip_when_empty BOOLEAN NOT NULL,
    recipients VARCHAR(2000),
    -- NONE, PENDING, SENT, FAILED (after the last attempt)
    delivery_status VARCHAR(16) NOT NULL,
    delivery_attempts INT NOT NULL,
    next_delivery_at DATETIME(6),
    created_at DATETIME(6) NOT NULL,
    started_at DATETIME(6),
    finished_at DATETIME(6),
    CONSTRAINT uk_report_run_slot UNIQUE (schedule_id, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_report_run_created ON report_run (created_at);
CREATE INDEX ix_report_run_delivery ON report_run (delivery_status, next_delivery_at);

CREATE TABLE report_delivery (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    attempt INT NOT NULL,
    recipients VARCHAR(2000) NOT NULL,
    succeeded BOOLEAN NOT NULL,
    error VARCHAR(2000),
    attempted_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_report_delivery_run FOREIGN KEY (run_id) REFERENCES report_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_report_delivery_run ON report_delivery (run_id, attempt);

-- ShedLock (net.javacrumbs.shedlock, JDBC provider): one row per lock name
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at TIMESTAMP(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
