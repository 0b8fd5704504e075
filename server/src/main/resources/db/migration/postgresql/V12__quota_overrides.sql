-- Quota overrides (per role, per user) that replace parley.limits.user-tokens-per-day and
-- user-requests-per-minute; a NULL field inherits (user -> role -> configuration), 0 is unlimited.
-- And two indexes for the administrators' conversation browsing, most recently active first.
CREATE TABLE quota_role_overrides (
    role                VARCHAR(16)  NOT NULL PRIMARY KEY,
    tokens_per_day      BIGINT,
    requests_per_minute BIGINT,
    updated_at          TIMESTAMP(6) NOT NULL,
    CONSTRAINT quota_role_overrides_role_check CHECK (role IN ('admin', 'agent', 'user'))
);

CREATE TABLE quota_user_overrides (
    user_id             CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    tokens_per_day      BIGINT,
    requests_per_minute BIGINT,
    updated_at          TIMESTAMP(6) NOT NULL,
    CONSTRAINT quota_user_overrides_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX conversations_recent ON conversations (last_active_at, id);

CREATE INDEX conversations_owner_recent ON conversations (owner_id, last_active_at, id);
