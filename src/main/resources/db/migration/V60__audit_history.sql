-- Audit history (Hibernate Envers): one row per revision (a transaction that changed audited
-- records) with who, when and from where, and one _aud table per audited table holding each
-- record's values at each revision (revtype 0 = created, 1 = changed, 2 = deleted; deleted
-- rows keep their last values). Column names and shapes are Envers' defaults; Hibernate's
-- schema validation at start-up checks that they match the entities.

CREATE TABLE audit_revision (
    rev BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- epoch milliseconds, from the application's clock
    revtstmp BIGINT NOT NULL,
    username VARCHAR(100) NOT NULL,
    -- WEB, API, IMPORT, IMPORT_UNDO, ERASURE, SYSTEM
    source VARCHAR(20) NOT NULL,
    -- e.g. the import's id
    source_ref VARCHAR(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_revision_time ON audit_revision (revtstmp);
CREATE INDEX ix_audit_revision_user ON audit_revision (username, revtstmp);

CREATE TABLE organization_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    name VARCHAR(300),
    name_key VARCHAR(300),
    type VARCHAR(32),
    country CHAR(2),
    city VARCHAR(200),
    website VARCHAR(500),
    email VARCHAR(320),
    phone VARCHAR(64),
    languages VARCHAR(200),
    description TEXT,
    stage VARCHAR(16),
    owner_id BIGINT,
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_organization_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_organization_aud_rev ON organization_aud (rev);

CREATE TABLE organization_tag_aud (
    rev BIGINT NOT NULL,
    organization_id BIGINT NOT NULL,
    tag VARCHAR(64) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (organization_id, rev, tag),
    CONSTRAINT fk_organization_tag_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contact_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    given_name VARCHAR(200),
    family_name VARCHAR(200),
    display_name VARCHAR(300),
    name_key VARCHAR(300),
    preferred_language VARCHAR(16),
    country CHAR(2),
    notes TEXT,
    consent_status VARCHAR(16),
    consent_date DATE,
    consent_source VARCHAR(16),
    consent_source_detail VARCHAR(500),
    consent_purpose VARCHAR(500),
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_contact_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_contact_aud_rev ON contact_aud (rev);

CREATE TABLE contact_email_aud (
    rev BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    position INT NOT NULL,
    email VARCHAR(320) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (contact_id, rev, position, email),
    CONSTRAINT fk_contact_email_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contact_phone_aud (
    rev BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    position INT NOT NULL,
    phone VARCHAR(64) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (contact_id, rev, position, phone),
    CONSTRAINT fk_contact_phone_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contact_tag_aud (
    rev BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    tag VARCHAR(64) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (contact_id, rev, tag),
    CONSTRAINT fk_contact_tag_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE affiliation_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    contact_id BIGINT,
    organization_id BIGINT,
    role VARCHAR(200),
    primary_affiliation BOOLEAN,
    start_date DATE,
    end_date DATE,
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_affiliation_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_affiliation_aud_contact ON affiliation_aud (contact_id);
CREATE INDEX ix_affiliation_aud_org ON affiliation_aud (organization_id);
CREATE INDEX ix_affiliation_aud_rev ON affiliation_aud (rev);

CREATE TABLE interaction_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    organization_id BIGINT,
    country CHAR(2),
    type VARCHAR(24),
    occurred_at DATETIME(6),
    time_zone VARCHAR(64),
    direction VARCHAR(8),
    subject VARCHAR(300),
    summary TEXT,
    outcome VARCHAR(2000),
    staff_id BIGINT,
    campaign_id BIGINT,
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_interaction_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_interaction_aud_org ON interaction_aud (organization_id);
CREATE INDEX ix_interaction_aud_rev ON interaction_aud (rev);

CREATE TABLE interaction_contact_aud (
    rev BIGINT NOT NULL,
    interaction_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (interaction_id, rev, contact_id),
    CONSTRAINT fk_interaction_contact_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_interaction_contact_aud_contact ON interaction_contact_aud (contact_id);

CREATE TABLE interaction_tag_aud (
    rev BIGINT NOT NULL,
    interaction_id BIGINT NOT NULL,
    tag VARCHAR(64) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (interaction_id, rev, tag),
    CONSTRAINT fk_interaction_tag_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE follow_up_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    interaction_id BIGINT,
    organization_id BIGINT,
    country CHAR(2),
    due_on DATE,
    assignee_id BIGINT,
    note VARCHAR(2000),
    completed_at DATETIME(6),
    completed_by BIGINT,
    completion_interaction_id BIGINT,
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_follow_up_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_follow_up_aud_org ON follow_up_aud (organization_id);
CREATE INDEX ix_follow_up_aud_interaction ON follow_up_aud (interaction_id);
CREATE INDEX ix_follow_up_aud_rev ON follow_up_aud (rev);

CREATE TABLE campaign_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    name VARCHAR(300),
    description TEXT,
    starts_on DATE,
    ends_on DATE,
    owner_id BIGINT,
    status VARCHAR(16),
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_campaign_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_campaign_aud_rev ON campaign_aud (rev);

CREATE TABLE campaign_target_aud (
    rev BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    organization_id BIGINT NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (campaign_id, rev, organization_id),
    CONSTRAINT fk_campaign_target_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meeting_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    title VARCHAR(300),
    purpose TEXT,
    starts_at DATETIME(6),
    ends_at DATETIME(6),
    time_zone VARCHAR(64),
    place VARCHAR(500),
    online_link VARCHAR(1000),
    organizer_id BIGINT,
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_meeting_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_meeting_aud_rev ON meeting_aud (rev);

CREATE TABLE invitation_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    meeting_id BIGINT,
    contact_id BIGINT,
    organization_id BIGINT,
    status VARCHAR(16),
    created_at DATETIME(6),
    created_by VARCHAR(100),
    updated_at DATETIME(6),
    updated_by VARCHAR(100),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_invitation_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_invitation_aud_meeting ON invitation_aud (meeting_id);
CREATE INDEX ix_invitation_aud_contact ON invitation_aud (contact_id);
CREATE INDEX ix_invitation_aud_rev ON invitation_aud (rev);

-- users: never the password hash (@NotAudited)
CREATE TABLE app_user_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype TINYINT,
    username VARCHAR(100),
    display_name VARCHAR(200),
    email VARCHAR(320),
    enabled BOOLEAN,
    password_change_required BOOLEAN,
    created_at DATETIME(6),
    updated_at DATETIME(6),
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_app_user_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_app_user_aud_rev ON app_user_aud (rev);

CREATE TABLE app_user_role_aud (
    rev BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    role VARCHAR(20) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (user_id, rev, role),
    CONSTRAINT fk_app_user_role_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_country_aud (
    rev BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    country CHAR(2) NOT NULL,
    revtype TINYINT,
    PRIMARY KEY (user_id, rev, country),
    CONSTRAINT fk_app_user_country_aud_rev FOREIGN KEY (rev) REFERENCES audit_revision (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
