-- Agents (presets a conversation starts from) and users' saved contexts (named system prompts)
-- (H2). JSON columns hold fixed shapes written by dev.parley.agent.AgentJson. Agent names are
-- unique ignoring case (the gateway takes them as model names): name_key is their lower case.
CREATE TABLE agents (
    id                  CHAR(36)      NOT NULL PRIMARY KEY,
    owner_id            VARCHAR(64),
    name                VARCHAR(100)  NOT NULL,
    name_key            VARCHAR(100)  GENERATED ALWAYS AS (LOWER(name)),
    description         VARCHAR(1000),
    avatar_url          VARCHAR(500),
    route               CHARACTER LARGE OBJECT NOT NULL,
    params              CHARACTER LARGE OBJECT NOT NULL,
    system_prompt       CHARACTER LARGE OBJECT,
    preset_messages     CHARACTER LARGE OBJECT NOT NULL,
    greetings           CHARACTER LARGE OBJECT NOT NULL,
    suggested_questions CHARACTER LARGE OBJECT NOT NULL,
    visibility          VARCHAR(16)   NOT NULL,
    visible_roles       VARCHAR(64),
    cache_enabled       BOOLEAN       DEFAULT FALSE NOT NULL,
    is_default          BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    CONSTRAINT agents_name_unique UNIQUE (name_key),
    CONSTRAINT agents_visibility_check CHECK (visibility IN ('public', 'roles', 'private'))
);

CREATE INDEX agents_owner ON agents (owner_id);

CREATE TABLE conversation_contexts (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    system_prompt CHARACTER LARGE OBJECT NOT NULL,
    is_default    BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT conversation_contexts_name_unique UNIQUE (owner_id, name)
);
