-- Interactions counted per UTC day, so that the outreach activity report reads thousands of
-- rows instead of every interaction of its period (issue 20). One row per day, dimension,
-- country snapshot and campaign:
--   dimension 'T': item is the interaction type (totals, countries, campaigns, types, days)
--   dimension 'S': item is the staff member's id in decimal (interactions by staff)
-- Organization types are not a dimension: an organization's type changes (and organizations
-- are deleted) without the interaction changing, so that breakdown still counts the rows.
-- country '' stands for an interaction without a country, campaign_id 0 for one without a
-- campaign (key columns cannot be NULL). A count may reach 0 (an interaction edited or
-- removed) and the row stays; readers skip zeros. Kept exact by the outreach module on every
-- write of an interaction, in the writing transaction (outreach.InteractionDayCounts);
-- interaction.occurred_at is UTC, so the day is the UTC day reports count.
CREATE TABLE interaction_day_count (
    dimension CHAR(1) NOT NULL,
    occurred_on DATE NOT NULL,
    country CHAR(2) NOT NULL,
    campaign_id BIGINT NOT NULL,
    item VARCHAR(24) NOT NULL,
    interactions BIGINT NOT NULL,
    PRIMARY KEY (dimension, occurred_on, country, campaign_id, item)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO interaction_day_count (dimension, occurred_on, country, campaign_id, item, interactions)
SELECT 'T', CAST(i.occurred_at AS DATE), COALESCE(i.country, ''), COALESCE(i.campaign_id, 0), i.type, COUNT(*)
  FROM interaction i
 GROUP BY CAST(i.occurred_at AS DATE), COALESCE(i.country, ''), COALESCE(i.campaign_id, 0), i.type;

INSERT INTO interaction_day_count (dimension, occurred_on, country, campaign_id, item, interactions)
SELECT 'S', CAST(i.occurred_at AS DATE), COALESCE(i.country, ''), COALESCE(i.campaign_id, 0),
       CONCAT('', i.staff_id), COUNT(*)
  FROM interaction i
 GROUP BY CAST(i.occurred_at AS DATE), COALESCE(i.country, ''), COALESCE(i.campaign_id, 0), i.staff_id;
