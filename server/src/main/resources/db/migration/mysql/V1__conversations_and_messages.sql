-- Conversations and their messages (MySQL 8 and MariaDB 10.11; MariaDB reads this folder
-- through dev.parley.platform.persistence.MigrationLocations). Ids are lowercase UUIDv7
-- ASCII text compared bytewise; timestamps are UTC DATETIME(6).
CREATE TABLE conversations (
    id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    owner_id        VARCHAR(64)  NOT NULL,
    title           VARCHAR(200),
    agent_id        CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    system_prompt   MEDIUMTEXT,
    preset_messages MEDIUMTEXT,
    context_start   DATETIME(6),
    pinned          BOOLEAN      NOT NULL DEFAULT FALSE,
    archived        BOOLEAN      NOT NULL DEFAULT FALSE,
    status          VARCHAR(16)  NOT NULL DEFAULT 'active',
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT conversations_status_check CHECK (status IN ('active', 'idle', 'expired')),
    INDEX conversations_owner_list (owner_id, archived, pinned, updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE messages (
    id                CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    conversation_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    parent_id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    role              VARCHAR(16)  NOT NULL,
    content           LONGTEXT     NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    model             VARCHAR(200),
    provider          VARCHAR(100),
    prompt_tokens     INT,
    completion_tokens INT,
    finish_reason     VARCHAR(64),
    instance_id       VARCHAR(100),
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT messages_role_check CHECK (role IN ('system', 'user', 'assistant', 'agent', 'tool')),
    CONSTRAINT messages_status_check CHECK (status IN ('complete', 'streaming', 'stopped', 'interrupted', 'failed')),
    INDEX messages_history (conversation_id, id),
    INDEX messages_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
