-- Outreach work: interactions (with their contacts and tags), follow-ups, partnership stage
-- history, campaigns and their targets, and the outreach module's own record of each
-- organization's activity (for "going cold" lists). Portable between H2 (MySQL mode) and
-- MySQL 8 / MariaDB 10.6+. Organization, contact and user ids are references into other
-- modules, checked through their services, so there are no foreign keys to their tables.

-- Interactions will be written in bulk (imports): ids come in blocks from id_sequence.
INSERT INTO id_sequence (seq_name, next_val) VALUES ('interaction', 1);

CREATE TABLE interaction (
    id BIGINT NOT NULL PRIMARY KEY,
    organization_id BIGINT NOT NULL,
    -- the organization's country when the interaction was logged: reports group by it
    country CHAR(2),
    type VARCHAR(24) NOT NULL,
    -- UTC instant, plus the zone the person meant when they typed a local time
    occurred_at DATETIME(6) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    direction VARCHAR(8) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    summary TEXT,
    outcome VARCHAR(2000),
    staff_id BIGINT NOT NULL,
    campaign_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- timeline of an organization, newest first; also "last interaction" per organization
CREATE INDEX ix_interaction_org_time ON interaction (organization_id, occurred_at, id);
-- campaign progress
CREATE INDEX ix_interaction_campaign ON interaction (campaign_id, organization_id);
-- reports over periods, by staff member and by country (2M+ rows)
CREATE INDEX ix_interaction_time ON interaction (occurred_at, type);
CREATE INDEX ix_interaction_staff_time ON interaction (staff_id, occurred_at);
CREATE INDEX ix_interaction_country_time ON interaction (country, occurred_at);

CREATE TABLE interaction_contact (
    interaction_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    PRIMARY KEY (interaction_id, contact_id),
    CONSTRAINT fk_interaction_contact_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- timeline of a contact
CREATE INDEX ix_interaction_contact_contact ON interaction_contact (contact_id, interaction_id);

CREATE TABLE interaction_tag (
    interaction_id BIGINT NOT NULL,
    tag VARCHAR(64) NOT NULL,
    PRIMARY KEY (interaction_id, tag),
    CONSTRAINT fk_interaction_tag_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_interaction_tag_tag ON interaction_tag (tag, interaction_id);

CREATE TABLE follow_up (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    interaction_id BIGINT NOT NULL,
    organization_id BIGINT NOT NULL,
    -- the organization's country when the follow-up was set: managers filter by it
    country CHAR(2),
    due_on DATE NOT NULL,
    assignee_id BIGINT NOT NULL,
    note VARCHAR(2000),
    -- NULL while open
    completed_at DATETIME(6),
    completed_by BIGINT,
    completion_interaction_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL,
    CONSTRAINT fk_follow_up_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "my follow-ups": open ones (completed_at IS NULL) of one assignee by due date
CREATE INDEX ix_follow_up_assignee_open_due ON follow_up (assignee_id, completed_at, due_on);
-- everyone's open follow-ups by due date, optionally by country
CREATE INDEX ix_follow_up_open_due ON follow_up (completed_at, due_on);
CREATE INDEX ix_follow_up_country_open_due ON follow_up (country, completed_at, due_on);
CREATE INDEX ix_follow_up_org_time ON follow_up (organization_id, created_at);
CREATE INDEX ix_follow_up_interaction ON follow_up (interaction_id);

CREATE TABLE stage_change (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id BIGINT NOT NULL,
    -- NULL: the stage the organization was created with
    from_stage VARCHAR(16),
    to_stage VARCHAR(16) NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    changed_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_stage_change_org_time ON stage_change (organization_id, changed_at);

-- One row per organization the outreach module has heard of (from the directory's stage
-- events): since when it is known and when it was last contacted, so that "going cold"
-- is an index range read instead of grouping every interaction.
CREATE TABLE outreach_organization (
    organization_id BIGINT NOT NULL PRIMARY KEY,
    known_since DATETIME(6) NOT NULL,
    last_interaction_at DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outreach_org_last ON outreach_organization (last_interaction_at);
CREATE INDEX ix_outreach_org_known ON outreach_organization (known_since);

-- One-time backfill for organizations created before this module existed; from now on the
-- directory's OrganizationStageChanged events keep the table current.
INSERT INTO outreach_organization (organization_id, known_since, last_interaction_at)
SELECT id, created_at, NULL FROM organization;

CREATE TABLE campaign (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(300) NOT NULL,
    description TEXT,
    starts_on DATE NOT NULL,
    ends_on DATE,
    owner_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_campaign_status_start ON campaign (status, starts_on);

CREATE TABLE campaign_target (
    campaign_id BIGINT NOT NULL,
    organization_id BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, organization_id),
    CONSTRAINT fk_campaign_target_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_campaign_target_org ON campaign_target (organization_id);
