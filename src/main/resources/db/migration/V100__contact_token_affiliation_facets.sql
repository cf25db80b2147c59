-- People search filtered by the type or stage of the people's organizations ("ines" among the
-- people of trade unions) checked each word match's affiliations and organization by index:
-- 17,000 look-ups of each for a common first name at 1,000,000 people. The token rows now carry
-- those facets, so that the filter is part of the token index range:
--   one row per token and per (organization type, stage) that the person is affiliated with,
--   with the latest end date of those affiliations (NULL while one of them is open-ended);
--   one row per token with '' / '' when the person has no affiliation.
-- A filtered word is then  token LIKE 'ines%' AND organization_type = 'TRADE_UNION'
-- AND (affiliated_until IS NULL OR affiliated_until >= CURRENT_DATE), read from the index alone.
-- A person with one affiliation (nearly everyone) has as many rows as before.
-- The table is rebuilt rather than altered: its primary key changes, and one set-based copy in
-- key order is the cheapest way to rewrite millions of rows on both databases.
CREATE TABLE contact_search_facet_token (
    token VARCHAR(64) NOT NULL,
    contact_id BIGINT NOT NULL,
    organization_type VARCHAR(32) NOT NULL,
    organization_stage VARCHAR(16) NOT NULL,
    affiliated_until DATE,
    PRIMARY KEY (token, contact_id, organization_type, organization_stage),
    CONSTRAINT fk_contact_facet_token_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO contact_search_facet_token (token, contact_id, organization_type, organization_stage, affiliated_until)
SELECT t.token, t.contact_id, f.organization_type, f.organization_stage, f.affiliated_until
FROM contact_search_token t
JOIN (SELECT a.contact_id, o.type AS organization_type, o.stage AS organization_stage,
             CASE WHEN COUNT(*) > COUNT(a.end_date) THEN NULL ELSE MAX(a.end_date) END AS affiliated_until
      FROM affiliation a JOIN organization o ON o.id = a.organization_id
      GROUP BY a.contact_id, o.type, o.stage) f ON f.contact_id = t.contact_id
ORDER BY t.token, t.contact_id, f.organization_type, f.organization_stage;

INSERT INTO contact_search_facet_token (token, contact_id, organization_type, organization_stage, affiliated_until)
SELECT t.token, t.contact_id, '', '', NULL
FROM contact_search_token t
WHERE NOT EXISTS (SELECT 1 FROM affiliation a WHERE a.contact_id = t.contact_id)
ORDER BY t.token, t.contact_id;

DROP TABLE contact_search_token;

-- the index on contact_id (for rewriting a person's rows) is the one both databases create for
-- the foreign key
ALTER TABLE contact_search_facet_token RENAME TO contact_search_token;
