-- "My organizations going cold" on the staff home page (ColdOrganizations.mine) reads the
-- organizations a staff member logged interactions with: this index answers it from the
-- index alone instead of visiting each of their interactions' rows (tens of thousands at
-- the benchmark's full size).
CREATE INDEX ix_interaction_staff_org ON interaction (staff_id, organization_id);
