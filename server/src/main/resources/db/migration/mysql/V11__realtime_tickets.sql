-- One-time tickets that open a WebSocket (docs/adr/0018): only the SHA-256 of a ticket is kept,
-- with who it stands for (a login session or an API key of the user) and until when it is
-- valid. Redeeming deletes the row (the one DELETE that removes it wins), so a ticket opens one
-- socket in the whole cluster; expired rows are deleted in passing.
CREATE TABLE realtime_tickets (
    digest     CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    user_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    session_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    api_key_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT realtime_tickets_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX realtime_tickets_expires ON realtime_tickets (expires_at);
