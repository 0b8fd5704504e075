-- The old systems' session ids (docs/adr/0027, MySQL/MariaDB): a client's free-form session id
-- (seed 004's session_id, seed 000's conversation_id) names one Parley conversation of its user,
-- made on first use; the primary key makes two concurrent first uses one conversation.
-- stream_reply_id is the reply a POST .../stream started that no event stream (GET .../stream) has
-- taken yet, since stream_reply_at; the GET that takes it clears it in one UPDATE, so each reply
-- goes to one stream. Session ids compare byte for byte (utf8mb4_bin): they are case-sensitive.
CREATE TABLE compat_sessions (
    owner_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    session_id      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    conversation_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    stream_reply_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin,
    stream_reply_at DATETIME(6),
    PRIMARY KEY (owner_id, session_id),
    INDEX compat_sessions_conversation (conversation_id),
    INDEX compat_sessions_owner_created (owner_id, created_at, session_id),
    CONSTRAINT compat_sessions_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
