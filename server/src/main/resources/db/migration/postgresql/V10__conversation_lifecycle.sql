-- Conversation lifecycle (docs/adr/0019, PostgreSQL). last_active_at: when a message was last sent or
-- answered in the conversation, from which its status (active, idle, expired) follows; renaming,
-- pinning or editing the context are not activity. Existing conversations start from updated_at.
ALTER TABLE conversations ADD COLUMN last_active_at TIMESTAMP(6);
UPDATE conversations SET last_active_at = updated_at;
ALTER TABLE conversations ALTER COLUMN last_active_at SET NOT NULL;
-- The status sweep and retention find their batches through it.
CREATE INDEX conversations_lifecycle ON conversations (status, last_active_at);

-- ShedLock's lock of each scheduled job, so that one instance of a cluster runs it at a time
-- (lock_until and locked_at in the database's clock).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
