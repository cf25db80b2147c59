-- Failed logins counted in the database, so that every instance behind a load balancer sees
-- the same counts (they were in each instance's memory: N instances allowed N times the
-- attempts). One row per counted key: an account and address pair, an address, an account,
-- and an address an account logged in from (KNOWN). key_hash is the SHA-256 of kind and
-- subject, so that a subject of any length (a guessed user name is untrusted input) makes
-- a key of fixed size; subject keeps the first 190 characters for reading. Rows are read
-- only before expires_at; expired rows, and the soonest to expire past
-- crm.accounts.login-throttle.max-rows, are deleted by LoginThrottle's purge.
CREATE TABLE login_throttle (
    key_hash CHAR(64) NOT NULL PRIMARY KEY,
    kind VARCHAR(8) NOT NULL,
    subject VARCHAR(190) NOT NULL,
    failures INT NOT NULL,
    last_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_login_throttle_expires ON login_throttle (expires_at);
CREATE INDEX ix_login_throttle_kind ON login_throttle (kind, subject);
