-- Conversations and their messages (H2). Ids are lowercase UUIDv7 text; timestamps are UTC.
CREATE TABLE conversations (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    owner_id        VARCHAR(64)  NOT NULL,
    title           VARCHAR(200),
    agent_id        CHAR(36),
    system_prompt   CHARACTER LARGE OBJECT,
    preset_messages CHARACTER LARGE OBJECT,
    context_start   TIMESTAMP(6),
    pinned          BOOLEAN      DEFAULT FALSE NOT NULL,
    archived        BOOLEAN      DEFAULT FALSE NOT NULL,
    status          VARCHAR(16)  DEFAULT 'active' NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT conversations_status_check CHECK (status IN ('active', 'idle', 'expired'))
);

CREATE INDEX conversations_owner_list ON conversations (owner_id, archived, pinned, updated_at, id);

CREATE TABLE messages (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    conversation_id   CHAR(36)     NOT NULL,
    parent_id         CHAR(36),
    role              VARCHAR(16)  NOT NULL,
    content           CHARACTER LARGE OBJECT NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    model             VARCHAR(200),
    provider          VARCHAR(100),
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    finish_reason     VARCHAR(64),
    instance_id       VARCHAR(100),
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT messages_role_check CHECK (role IN ('system', 'user', 'assistant', 'agent', 'tool')),
    CONSTRAINT messages_status_check CHECK (status IN ('complete', 'streaming', 'stopped', 'interrupted', 'failed'))
);

CREATE INDEX messages_history ON messages (conversation_id, id);
CREATE INDEX messages_status ON messages (status, updated_at);
