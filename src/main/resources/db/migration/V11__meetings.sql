-- International coordination meetings, the people invited (each for the organization they
-- represent) and the EVENT interaction logged per organization when attendance is recorded.
-- Contact, organization, user and interaction ids are references into other modules,
-- checked through their services, so there are no foreign keys to their tables.

CREATE TABLE meeting (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title VARCHAR(300) NOT NULL,
    purpose TEXT,
    -- UTC instants plus the zone the meeting is planned in
    starts_at DATETIME(6) NOT NULL,
    ends_at DATETIME(6) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    place VARCHAR(500),
    online_link VARCHAR(1000),
    organizer_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_meeting_starts ON meeting (starts_at);

CREATE TABLE invitation (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    -- the organization the person represents at this meeting
    organization_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    version BIGINT NOT NULL,
    CONSTRAINT uk_invitation_meeting_contact UNIQUE (meeting_id, contact_id),
    CONSTRAINT fk_invitation_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- delegation of a meeting by organization and status
CREATE INDEX ix_invitation_meeting_org ON invitation (meeting_id, organization_id, status);
-- timelines of a person and of an organization
CREATE INDEX ix_invitation_contact ON invitation (contact_id, meeting_id);
CREATE INDEX ix_invitation_org ON invitation (organization_id, meeting_id);

-- One EVENT interaction per organization and meeting: the primary key makes recording
-- attendance twice (or concurrently) unable to log a second one.
CREATE TABLE meeting_interaction (
    meeting_id BIGINT NOT NULL,
    organization_id BIGINT NOT NULL,
    interaction_id BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, organization_id),
    CONSTRAINT fk_meeting_interaction_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
