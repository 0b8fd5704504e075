-- One row per model call that was charged (docs/adr/0020): chat replies and gateway calls, written
-- in the transaction that charges the call (H2). No foreign keys: a record outlives its
-- conversation, agent and API key, and is deleted by the retention job (parley.usage.retention).
CREATE TABLE usage_records (
    id                CHAR(36) NOT NULL PRIMARY KEY,
    created_at        TIMESTAMP(6) NOT NULL,
    user_id           VARCHAR(64) NOT NULL,
    api_key_id        CHAR(36),
    source            VARCHAR(16)  NOT NULL,
    conversation_id   CHAR(36),
    agent_id          CHAR(36),
    model             VARCHAR(200) NOT NULL,
    provider          VARCHAR(100) NOT NULL,
    prompt_tokens     INTEGER      NOT NULL,
    completion_tokens INTEGER      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    cached            BOOLEAN      NOT NULL,
    ttft_ms           INTEGER,
    failovers         INTEGER      NOT NULL,
    duration_ms       INTEGER      NOT NULL,
    CONSTRAINT usage_records_source_check CHECK (source IN ('chat', 'gateway'))
);

CREATE INDEX usage_records_created ON usage_records (created_at);
CREATE INDEX usage_records_user_created ON usage_records (user_id, created_at);
