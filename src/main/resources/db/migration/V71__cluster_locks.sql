-- ShedLock's table: cluster-wide locks so that scheduled work and each import run happen on
-- one application instance at a time. Lock times come from the database clock (usingDbTime),
-- so instances with skewed clocks still agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
