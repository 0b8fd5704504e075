-- One-time tickets that open a WebSocket (docs/adr/0018): only the SHA-256 of a ticket is kept,
-- with who it stands for (a login session or an API key of the user) and until when it is
-- valid. Redeeming deletes the row (the one DELETE that removes it wins), so a ticket opens one
-- socket in the whole cluster; expired rows are deleted in passing.
CREATE TABLE realtime_tickets (
    digest     CHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    user_id    CHAR(36) COLLATE "C" NOT NULL,
    session_id CHAR(36) COLLATE "C",
    api_key_id CHAR(36) COLLATE "C",
    expires_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT realtime_tickets_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX realtime_tickets_expires ON realtime_tickets (expires_at);
