-- The countries an erased person belonged to when erased (their country and their
-- organizations' countries, comma-separated), so that an admin limited to some countries
-- sees only the erasures in them. Rows logged before stay NULL: shown to unscoped admins
-- and to whoever erased them.
ALTER TABLE person_erasure ADD COLUMN countries VARCHAR(1000) NULL;
