-- People filtered by their organizations' type or stage check each matching person's current
-- affiliations: with end_date and organization_id in the index that check reads no table rows
-- (at 1,000,000 people: 0.25 s -> 0.11 s for a common first name among NGOs). It also serves
-- everything the single-column index served (its first column is the same), so that one goes,
-- and imports keep one index less to write.
CREATE INDEX ix_affiliation_contact_current ON affiliation (contact_id, end_date, organization_id);
DROP INDEX ix_affiliation_contact ON affiliation;
