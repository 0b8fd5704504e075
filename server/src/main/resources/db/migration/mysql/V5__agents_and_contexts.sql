-- Agents (presets a conversation starts from) and users' saved contexts (named system prompts)
-- (MySQL 8 and MariaDB 10.11). JSON columns hold fixed shapes written by
-- dev.parley.agent.AgentJson. Agent names are unique ignoring case (the gateway takes them as
-- model names): the table's utf8mb4_unicode_ci collation compares them so.
CREATE TABLE agents (
    id                  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    owner_id            VARCHAR(64),
    name                VARCHAR(100)  NOT NULL,
    description         VARCHAR(1000),
    avatar_url          VARCHAR(500),
    route               MEDIUMTEXT    NOT NULL,
    params              MEDIUMTEXT    NOT NULL,
    system_prompt       MEDIUMTEXT,
    preset_messages     MEDIUMTEXT    NOT NULL,
    greetings           MEDIUMTEXT    NOT NULL,
    suggested_questions MEDIUMTEXT    NOT NULL,
    visibility          VARCHAR(16)   NOT NULL,
    visible_roles       VARCHAR(64),
    cache_enabled       BOOLEAN       NOT NULL DEFAULT FALSE,
    is_default          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT agents_name_unique UNIQUE (name),
    CONSTRAINT agents_visibility_check CHECK (visibility IN ('public', 'roles', 'private')),
    INDEX agents_owner (owner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conversation_contexts (
    id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    system_prompt MEDIUMTEXT   NOT NULL,
    is_default    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT conversation_contexts_name_unique UNIQUE (owner_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
