-- Conversation lifecycle (docs/adr/0019, MySQL and MariaDB). last_active_at: when a message was
-- last sent or answered in the conversation, from which its status (active, idle, expired)
-- follows; renaming, pinning or editing the context are not activity. Existing conversations
-- start from updated_at.
ALTER TABLE conversations ADD COLUMN last_active_at DATETIME(6) NULL;
UPDATE conversations SET last_active_at = updated_at;
ALTER TABLE conversations MODIFY last_active_at DATETIME(6) NOT NULL;
-- The status sweep and retention find their batches through it.
CREATE INDEX conversations_lifecycle ON conversations (status, last_active_at);

-- ShedLock's lock of each scheduled job, so that one instance of a cluster runs it at a time
-- (lock_until and locked_at in the database's clock, UTC_TIMESTAMP). DATETIME rather than
-- TIMESTAMP: no session time zone conversion, and no implicit ON UPDATE CURRENT_TIMESTAMP.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
