-- Gateway (/v1) requests and tokens per API key and UTC day, readable by the key's owner.
CREATE TABLE api_key_usage (
    api_key_id        CHAR(36) NOT NULL,
    usage_day         DATE     NOT NULL,
    requests          BIGINT   NOT NULL,
    prompt_tokens     BIGINT   NOT NULL,
    completion_tokens BIGINT   NOT NULL,
    PRIMARY KEY (api_key_id, usage_day),
    CONSTRAINT api_key_usage_key_fk FOREIGN KEY (api_key_id) REFERENCES api_keys (id) ON DELETE CASCADE
);
