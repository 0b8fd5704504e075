-- The old systems' session ids (docs/adr/0027, H2): a client's free-form session id (seed 004's
-- session_id, seed 000's conversation_id) names one Parley conversation of its user, made on first
-- use; the primary key makes two concurrent first uses one conversation. stream_reply_id is the
-- reply a POST .../stream started that no event stream (GET .../stream) has taken yet, since
-- stream_reply_at; the GET that takes it clears it in one UPDATE, so each reply goes to one stream.
CREATE TABLE compat_sessions (
    owner_id        VARCHAR(64)  NOT NULL,
    session_id      VARCHAR(128) NOT NULL,
    conversation_id CHAR(36)     NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    stream_reply_id CHAR(36),
    stream_reply_at TIMESTAMP(6),
    PRIMARY KEY (owner_id, session_id),
    CONSTRAINT compat_sessions_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);

CREATE INDEX compat_sessions_conversation ON compat_sessions (conversation_id);
CREATE INDEX compat_sessions_owner_created ON compat_sessions (owner_id, created_at, session_id);
