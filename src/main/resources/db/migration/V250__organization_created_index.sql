-- Organizations created in a period (the activity report's and the managers' home page's
-- "new organizations", this period and the one before) were counted by reading every
-- organization: nothing indexed created_at. With the country beside it the count is read
-- from the index alone, for every country or a manager's few.
CREATE INDEX ix_organization_created_country ON organization (created_at, country);
