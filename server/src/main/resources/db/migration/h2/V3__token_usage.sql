-- LLM tokens (prompt + completion) each user used per UTC day, for the daily token quota.
-- The column is usage_day, not day: DAY is a reserved word in H2, kept alike on every vendor.
CREATE TABLE token_usage (
    user_id   VARCHAR(64) NOT NULL,
    usage_day DATE        NOT NULL,
    tokens    BIGINT      NOT NULL,
    PRIMARY KEY (user_id, usage_day)
);
