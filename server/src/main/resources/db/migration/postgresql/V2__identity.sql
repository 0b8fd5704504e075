-- Accounts, login sessions with their rotating refresh tokens, personal API keys and the
-- audit log of administrators' actions (PostgreSQL).
CREATE TABLE users (
    id                       CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    email                    VARCHAR(254) NOT NULL,
    display_name             VARCHAR(100) NOT NULL,
    password_hash            VARCHAR(255) NOT NULL,
    role                     VARCHAR(16)  NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    password_change_required BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMP(6) NOT NULL,
    updated_at               TIMESTAMP(6) NOT NULL,
    last_login_at            TIMESTAMP(6),
    CONSTRAINT users_email_unique UNIQUE (email),
    CONSTRAINT users_role_check CHECK (role IN ('admin', 'agent', 'user')),
    CONSTRAINT users_status_check CHECK (status IN ('active', 'disabled'))
);

CREATE TABLE sessions (
    id         CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    user_id    CHAR(36) COLLATE "C" NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    revoked_at TIMESTAMP(6),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE refresh_tokens (
    token_hash CHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    session_id CHAR(36) COLLATE "C" NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    used_at    TIMESTAMP(6),
    CONSTRAINT refresh_tokens_session_fk FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE api_keys (
    id           CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    user_id      CHAR(36) COLLATE "C" NOT NULL,
    name         VARCHAR(100) NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    key_hash     CHAR(64) COLLATE "C" NOT NULL,
    scopes       VARCHAR(500) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    expires_at   TIMESTAMP(6),
    last_used_at TIMESTAMP(6),
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash),
    CONSTRAINT api_keys_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX api_keys_user ON api_keys (user_id, id);

CREATE TABLE audit_log (
    id          CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    actor_id    VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target_type VARCHAR(32)  NOT NULL,
    target_id   VARCHAR(64),
    details     TEXT,
    created_at  TIMESTAMP(6) NOT NULL
);
