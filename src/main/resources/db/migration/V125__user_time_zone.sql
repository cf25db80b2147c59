-- The zone a user reads times in (IANA id such as Europe/Warsaw); set from the browser's
-- zone on the first page the user opens, changed on "My account". NULL until then.
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);
