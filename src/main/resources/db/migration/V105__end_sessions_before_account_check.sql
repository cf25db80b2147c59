-- Page sessions are held to the account as it is now on every request (SessionAccountCheck),
-- which needs the password stamp a login now keeps with it. Sessions made before that have no
-- stamp and would escape the check, so they end here, once: everyone logs in again after this
-- upgrade. The attributes go with their session (ON DELETE CASCADE).
DELETE FROM SPRING_SESSION;
