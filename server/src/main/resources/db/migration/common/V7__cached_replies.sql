-- Replies served from the response cache are marked, so users and operators can tell.
ALTER TABLE messages ADD COLUMN cached BOOLEAN NOT NULL DEFAULT FALSE;
