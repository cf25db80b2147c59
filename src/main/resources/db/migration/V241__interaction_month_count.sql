-- Monthly rows beside the daily ones in interaction_day_count (V240), so that a report over
-- many months reads one row per month, country, campaign and type or staff member for its
-- whole months and daily rows only for the partial months at its ends:
--   dimension 'M': as 'T' (item: interaction type), occurred_on the first day of the UTC month
--   dimension 'N': as 'S' (item: staff member's id), occurred_on the first day of the UTC month
-- (A daily staff row per country and campaign is nearly one row per interaction at 2,000
-- interactions a day: 24 staff x 19 countries; the month folds 30 of them into one.)
INSERT INTO interaction_day_count (dimension, occurred_on, country, campaign_id, item, interactions)
SELECT CASE d.dimension WHEN 'T' THEN 'M' ELSE 'N' END,
       CAST(CONCAT(SUBSTRING(CAST(d.occurred_on AS CHAR(10)), 1, 8), '01') AS DATE),
       d.country, d.campaign_id, d.item, SUM(d.interactions)
  FROM interaction_day_count d
 WHERE d.dimension IN ('T', 'S')
 GROUP BY CASE d.dimension WHEN 'T' THEN 'M' ELSE 'N' END,
          CAST(CONCAT(SUBSTRING(CAST(d.occurred_on AS CHAR(10)), 1, 8), '01') AS DATE),
          d.country, d.campaign_id, d.item;
