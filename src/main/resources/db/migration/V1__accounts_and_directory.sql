-- Users, roles and country scopes; the partner directory (organizations, contacts, affiliations)
-- with its search tokens. Portable between H2 (MySQL mode) and MySQL 8 / MariaDB 10.6+.
-- Text columns are utf8mb4 on MySQL through the table options (H2 ignores them).

CREATE TABLE id_sequence (
    seq_name VARCHAR(64) NOT NULL PRIMARY KEY,
    next_val BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO id_sequence (seq_name, next_val) VALUES ('organization', 1);
INSERT INTO id_sequence (seq_name, next_val) VALUES ('contact', 1);
INSERT INTO id_sequence (seq_name, next_val) VALUES ('affiliation', 1);

CREATE TABLE app_user (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email VARCHAR(320),
    enabled BOOLEAN NOT NULL,
    password_change_required BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT NOT NULL,
    role VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_country (
    user_id BIGINT NOT NULL,
    country CHAR(2) NOT NULL,
    PRIMARY KEY (user_id, country),
    CONSTRAINT fk_app_user_country_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE organization (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(300) NOT NULL,
    -- TextFolding.key(name): identity and accent-free sorting
    name_key VARCHAR(300) NOT NULL,
    type VARCHAR(32) NOT NULL,
    country CHAR(2),
    city VARCHAR(200),
    website VARCHAR(500),
    email VARCHAR(320),
    phone VARCHAR(64),
    languages VARCHAR(200),
    description TEXT,
    stage VARCHAR(16) NOT NULL,
    owner_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL,
    CONSTRAINT fk_organization_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_organization_name_key ON organization (name_key);
CREATE INDEX ix_organization_country_name ON organization (country, name_key);
CREATE INDEX ix_organization_type_name ON organization (type, name_key);
CREATE INDEX ix_organization_stage_name ON organization (stage, name_key);
CREATE INDEX ix_organization_updated ON organization (updated_at);

CREATE TABLE organization_tag (
    organization_id BIGINT NOT NULL,
    tag VARCHAR(64) NOT NULL,
    PRIMARY KEY (organization_id, tag),
    CONSTRAINT fk_organization_tag_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_organization_tag_tag ON organization_tag (tag, organization_id);

-- One row per folded word of name, city, email, website and tags: prefix search by index range.
CREATE TABLE organization_search_token (
    token VARCHAR(64) NOT NULL,
    organization_id BIGINT NOT NULL,
    PRIMARY KEY (token, organization_id),
    CONSTRAINT fk_org_token_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_org_token_org ON organization_search_token (organization_id);

CREATE TABLE contact (
    id BIGINT NOT NULL PRIMARY KEY,
    given_name VARCHAR(200),
    family_name VARCHAR(200),
    display_name VARCHAR(300) NOT NULL,
    name_key VARCHAR(300) NOT NULL,
    preferred_language VARCHAR(16),
    country CHAR(2),
    notes TEXT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_contact_name_key ON contact (name_key);
CREATE INDEX ix_contact_country_name ON contact (country, name_key);

CREATE TABLE contact_email (
    contact_id BIGINT NOT NULL,
    position INT NOT NULL,
    -- trimmed and lower-cased: the identity of a person in imports
    email VARCHAR(320) NOT NULL,
    PRIMARY KEY (contact_id, position),
    CONSTRAINT fk_contact_email_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_contact_email_email ON contact_email (email);

CREATE TABLE contact_phone (
    contact_id BIGINT NOT NULL,
    position INT NOT NULL,
    -- E.164 when the number could be normalized, otherwise as typed
    phone VARCHAR(64) NOT NULL,
    PRIMARY KEY (contact_id, position),
    CONSTRAINT fk_contact_phone_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contact_tag (
    contact_id BIGINT NOT NULL,
    tag VARCHAR(64) NOT NULL,
    PRIMARY KEY (contact_id, tag),
    CONSTRAINT fk_contact_tag_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_contact_tag_tag ON contact_tag (tag, contact_id);

CREATE TABLE contact_search_token (
    token VARCHAR(64) NOT NULL,
    contact_id BIGINT NOT NULL,
    PRIMARY KEY (token, contact_id),
    CONSTRAINT fk_contact_token_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_contact_token_contact ON contact_search_token (contact_id);

CREATE TABLE affiliation (
    id BIGINT NOT NULL PRIMARY KEY,
    contact_id BIGINT NOT NULL,
    organization_id BIGINT NOT NULL,
    role VARCHAR(200),
    primary_affiliation BOOLEAN NOT NULL,
    start_date DATE,
    end_date DATE,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL,
    CONSTRAINT fk_affiliation_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE,
    CONSTRAINT fk_affiliation_org FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_affiliation_contact ON affiliation (contact_id);
CREATE INDEX ix_affiliation_org ON affiliation (organization_id);
