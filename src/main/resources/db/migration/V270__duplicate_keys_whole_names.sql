-- Blocking keys now describe whole names (issue 18: keys per word made blocks of every
-- record with a common word). Keys of the old form never meet keys of the new one, so
-- they are dropped; the next full scan of each kind builds the new ones.
DELETE FROM duplicate_key;
