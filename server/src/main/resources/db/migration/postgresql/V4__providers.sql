-- LLM providers managed at run time through the admin API, and their API keys encrypted
-- with the master key (AES-256-GCM, "v1:" + base64(nonce || ciphertext || tag)) (PostgreSQL).
-- name_key is the lower-case name: names are unique regardless of case.
CREATE TABLE providers (
    id                     CHAR(36) COLLATE "C" NOT NULL PRIMARY KEY,
    name                   VARCHAR(100) NOT NULL,
    name_key               VARCHAR(100) COLLATE "C" NOT NULL,
    protocol               VARCHAR(16)  NOT NULL,
    base_url               VARCHAR(500) NOT NULL,
    api_version            VARCHAR(50),
    models                 TEXT         NOT NULL,
    connect_timeout_ms     INTEGER      NOT NULL,
    first_token_timeout_ms INTEGER      NOT NULL,
    idle_timeout_ms        INTEGER      NOT NULL,
    request_timeout_ms     INTEGER      NOT NULL,
    max_concurrency        INTEGER,
    enabled                BOOLEAN      NOT NULL,
    created_at             TIMESTAMP(6) NOT NULL,
    updated_at             TIMESTAMP(6) NOT NULL,
    CONSTRAINT providers_name_unique UNIQUE (name_key),
    CONSTRAINT providers_protocol_check CHECK (protocol IN ('openai', 'anthropic'))
);

CREATE TABLE provider_keys (
    provider_id     CHAR(36) COLLATE "C" NOT NULL,
    position        INTEGER  NOT NULL,
    ciphertext      TEXT     NOT NULL,
    hint            VARCHAR(16) NOT NULL,
    rejected_reason VARCHAR(500),
    rejected_at     TIMESTAMP(6),
    PRIMARY KEY (provider_id, position),
    CONSTRAINT provider_keys_provider_fk FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE CASCADE
);
