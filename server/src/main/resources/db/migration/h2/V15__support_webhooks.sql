-- Outgoing webhooks of customer service (docs/adr/0023, H2). A webhook is a receiver's URL, the
-- events it subscribes to (a comma list of SupportEvent types, empty for all) and the secret
-- its deliveries are signed with. A delivery is one event for one webhook, written in the
-- transaction of the change that made the event (the outbox), then sent by whichever instance
-- claims it first: locked_until is the claim's lease, next_attempt_at when a pending delivery is
-- due. Ids are UUIDv7, so they sort by creation (the log's pages, the retention's boundary).
-- No foreign key from deliveries to webhooks: a delivery recorded by an instance that has not yet
-- seen its webhook deleted must not fail the customer's change; the sender skips such rows and
-- deleting a webhook deletes its deliveries.
CREATE TABLE support_webhooks (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    description VARCHAR(500),
    events      VARCHAR(1000) NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL
);

CREATE TABLE support_webhook_deliveries (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    webhook_id       CHAR(36)     NOT NULL,
    event            VARCHAR(64)  NOT NULL,
    payload          CHARACTER LARGE OBJECT NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP(6),
    locked_until     TIMESTAMP(6),
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP(6) NOT NULL,
    delivered_at     TIMESTAMP(6),
    CONSTRAINT support_webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed'))
);

-- the sender's scan: due pending deliveries
CREATE INDEX support_webhook_deliveries_due ON support_webhook_deliveries (status, next_attempt_at);
-- a webhook's delivery log, newest first
CREATE INDEX support_webhook_deliveries_log ON support_webhook_deliveries (webhook_id, id);
-- the support reports select conversations by their creation time
CREATE INDEX support_conversations_created ON support_conversations (created_at);
