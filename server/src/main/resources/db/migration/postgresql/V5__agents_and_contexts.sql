-- Agents (presets a conversation starts from) and users' saved contexts (named system prompts)
-- (PostgreSQL). JSON columns hold fixed shapes written by dev.parley.agent.AgentJson. Agent
-- names are unique ignoring case (the gateway takes them as model names).
CREATE TABLE agents (
    id                  CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    owner_id            VARCHAR(64),
    name                VARCHAR(100)  NOT NULL,
    description         VARCHAR(1000),
    avatar_url          VARCHAR(500),
    route               TEXT          NOT NULL,
    params              TEXT          NOT NULL,
    system_prompt       TEXT,
    preset_messages     TEXT          NOT NULL,
    greetings           TEXT          NOT NULL,
    suggested_questions TEXT          NOT NULL,
    visibility          VARCHAR(16)   NOT NULL,
    visible_roles       VARCHAR(64),
    cache_enabled       BOOLEAN       NOT NULL DEFAULT FALSE,
    is_default          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    CONSTRAINT agents_visibility_check CHECK (visibility IN ('public', 'roles', 'private'))
);

CREATE UNIQUE INDEX agents_name_unique ON agents (LOWER(name));
CREATE INDEX agents_owner ON agents (owner_id);

CREATE TABLE conversation_contexts (
    id            CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    system_prompt TEXT         NOT NULL,
    is_default    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP(6) NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT conversation_contexts_name_unique UNIQUE (owner_id, name)
);
