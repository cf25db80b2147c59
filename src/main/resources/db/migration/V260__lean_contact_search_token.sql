-- People's search tokens back to (token, contact_id): V100 put the facets of a person's
-- affiliations (organization type, stage and the latest end date) into every token row and its
-- primary key, so that a filtered word was one index range. It made each row ~250 bytes with
-- the secondary index on contact_id, which repeats the whole key: 3.7 M rows and ~900 MB at
-- 1,000,000 people, seven times a stock InnoDB buffer pool (128 MB), and every keystroke read
-- its token range from disk (docs/benchmarks.md, "Lean search tokens").
-- Now the facets are one small row per person and (organization type, stage) in
-- contact_search_facet, checked by primary key for the matches of a filtered search only;
-- a token row is ~35 bytes and its contact_id index entry ~20.
-- Both tables are rebuilt by set-based copies in primary-key order, the cheapest way to write
-- millions of rows on both databases.
CREATE TABLE contact_search_facet (
    contact_id BIGINT NOT NULL,
    organization_type VARCHAR(32) NOT NULL,
    organization_stage VARCHAR(16) NOT NULL,
    -- the latest end date of those affiliations; NULL while one of them is open-ended
    affiliated_until DATE,
    PRIMARY KEY (contact_id, organization_type, organization_stage),
    CONSTRAINT fk_contact_search_facet_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- from the affiliations themselves (what SearchIndex writes), not from the token rows
INSERT INTO contact_search_facet (contact_id, organization_type, organization_stage, affiliated_until)
SELECT a.contact_id, o.type, o.stage,
       CASE WHEN COUNT(*) > COUNT(a.end_date) THEN NULL ELSE MAX(a.end_date) END
FROM affiliation a JOIN organization o ON o.id = a.organization_id
GROUP BY a.contact_id, o.type, o.stage
ORDER BY a.contact_id, o.type, o.stage;

CREATE TABLE contact_search_word (
    token VARCHAR(64) NOT NULL,
    contact_id BIGINT NOT NULL,
    PRIMARY KEY (token, contact_id),
    -- its index on contact_id (both databases create one for the foreign key) serves
    -- rewriting a person's tokens
    CONSTRAINT fk_contact_search_word_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- the old rows are in (token, contact_id, ...) order: a person's rows of one token are adjacent
INSERT INTO contact_search_word (token, contact_id)
SELECT token, contact_id FROM contact_search_token
GROUP BY token, contact_id
ORDER BY token, contact_id;

DROP TABLE contact_search_token;

ALTER TABLE contact_search_word RENAME TO contact_search_token;
