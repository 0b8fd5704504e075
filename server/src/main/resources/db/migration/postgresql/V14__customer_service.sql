-- Customer service (docs/adr/0022, H2): inboxes with their website channel, teams, staff
-- availability, contacts and their visitors, the support state of a conversation (status,
-- priority, assignee, who answers: the bot or humans), labels, activity and private notes, and
-- canned responses. A support conversation is an ordinary conversation (messages, replies,
-- streams) owned by its contact ("contact:<id>"), plus one support_conversations row. In it,
-- handler says who answers now (the bot or humans; the reply gate's atomic claim reads it),
-- bot_started whether the bot answered first, handed_off_at when humans became responsible
-- (created_at for a conversation humans answer from the start), first_reply_at the first human
-- reply, waiting_since the oldest customer message no human has answered yet.
CREATE TABLE support_inboxes (
    id                  CHAR(36) COLLATE "C"      NOT NULL PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL,
    agent_id            CHAR(36) COLLATE "C",
    greeting            VARCHAR(2000),
    handoff_message     VARCHAR(2000),
    handoff_keywords    VARCHAR(2000) NOT NULL,
    handoff_after_failures INTEGER    NOT NULL,
    business_hours      TEXT,
    time_zone           VARCHAR(64)   NOT NULL,
    identity_required   BOOLEAN       NOT NULL,
    hmac_secret         VARCHAR(100)  NOT NULL,
    auto_assign         BOOLEAN       NOT NULL,
    agent_capacity      INTEGER       NOT NULL,
    allowed_origins     VARCHAR(2000) NOT NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL
);

CREATE TABLE support_inbox_members (
    inbox_id CHAR(36) COLLATE "C" NOT NULL,
    user_id  CHAR(36) COLLATE "C" NOT NULL,
    PRIMARY KEY (inbox_id, user_id),
    CONSTRAINT support_inbox_members_inbox_fk FOREIGN KEY (inbox_id) REFERENCES support_inboxes (id) ON DELETE CASCADE
);

CREATE TABLE support_teams (
    id         CHAR(36) COLLATE "C"     NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL
);

CREATE UNIQUE INDEX support_teams_name ON support_teams (name);

CREATE TABLE support_team_members (
    team_id CHAR(36) COLLATE "C" NOT NULL,
    user_id CHAR(36) COLLATE "C" NOT NULL,
    PRIMARY KEY (team_id, user_id),
    CONSTRAINT support_team_members_team_fk FOREIGN KEY (team_id) REFERENCES support_teams (id) ON DELETE CASCADE
);

CREATE TABLE support_agent_presence (
    user_id      CHAR(36) COLLATE "C"     NOT NULL PRIMARY KEY,
    availability VARCHAR(16)  NOT NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT support_agent_presence_check CHECK (availability IN ('online', 'busy', 'offline'))
);

CREATE TABLE support_contacts (
    id          CHAR(36) COLLATE "C"      NOT NULL PRIMARY KEY,
    name        VARCHAR(200),
    email       VARCHAR(254),
    phone       VARCHAR(64),
    identifier  VARCHAR(200),
    attributes  TEXT NOT NULL,
    merged_into CHAR(36) COLLATE "C",
    created_at  TIMESTAMP(6)  NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL
);

CREATE UNIQUE INDEX support_contacts_identifier ON support_contacts (identifier);
CREATE INDEX support_contacts_recent ON support_contacts (updated_at, id);

CREATE TABLE support_visitors (
    id           CHAR(36) COLLATE "C"     NOT NULL PRIMARY KEY,
    inbox_id     CHAR(36) COLLATE "C"     NOT NULL,
    contact_id   CHAR(36) COLLATE "C"     NOT NULL,
    verified     BOOLEAN      NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    last_seen_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT support_visitors_inbox_fk FOREIGN KEY (inbox_id) REFERENCES support_inboxes (id) ON DELETE CASCADE
);

CREATE INDEX support_visitors_contact ON support_visitors (contact_id);

CREATE TABLE support_conversations (
    conversation_id CHAR(36) COLLATE "C"     NOT NULL PRIMARY KEY,
    inbox_id        CHAR(36) COLLATE "C"     NOT NULL,
    contact_id      CHAR(36) COLLATE "C"     NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    priority        VARCHAR(16)  NOT NULL,
    handler         VARCHAR(8)   NOT NULL,
    bot_started     BOOLEAN      NOT NULL,
    assignee_id     CHAR(36) COLLATE "C",
    team_id         CHAR(36) COLLATE "C",
    snoozed_until   TIMESTAMP(6),
    waiting_since   TIMESTAMP(6),
    first_reply_at  TIMESTAMP(6),
    handed_off_at   TIMESTAMP(6),
    resolved_at     TIMESTAMP(6),
    bot_replies     INTEGER      NOT NULL,
    bot_failures    INTEGER      NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT support_conversations_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT support_conversations_status_check CHECK (status IN ('open', 'pending', 'resolved', 'snoozed')),
    CONSTRAINT support_conversations_priority_check CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    CONSTRAINT support_conversations_handler_check CHECK (handler IN ('bot', 'human'))
);

CREATE INDEX support_conversations_inbox_list ON support_conversations (status, updated_at, conversation_id);
CREATE INDEX support_conversations_assignee ON support_conversations (assignee_id, status);
CREATE INDEX support_conversations_contact ON support_conversations (contact_id);
CREATE INDEX support_conversations_snoozed ON support_conversations (status, snoozed_until);

CREATE TABLE support_labels (
    conversation_id CHAR(36) COLLATE "C"    NOT NULL,
    label           VARCHAR(50) NOT NULL,
    PRIMARY KEY (conversation_id, label),
    CONSTRAINT support_labels_fk FOREIGN KEY (conversation_id) REFERENCES support_conversations (conversation_id) ON DELETE CASCADE
);

CREATE INDEX support_labels_label ON support_labels (label);

-- What happened in a conversation besides its messages: activity (handoffs, assignments, status
-- changes; public ones are shown to the customer too) and private notes (never shown to them).
CREATE TABLE support_activities (
    id              CHAR(36) COLLATE "C"     NOT NULL PRIMARY KEY,
    conversation_id CHAR(36) COLLATE "C"     NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    event           VARCHAR(32)  NOT NULL,
    visible_to_customer BOOLEAN  NOT NULL,
    actor_id        VARCHAR(64),
    content         TEXT NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT support_activities_fk FOREIGN KEY (conversation_id) REFERENCES support_conversations (conversation_id) ON DELETE CASCADE,
    CONSTRAINT support_activities_kind_check CHECK (kind IN ('activity', 'note'))
);

CREATE INDEX support_activities_timeline ON support_activities (conversation_id, id);

-- Who wrote each human agent's reply (a message with role 'agent').
CREATE TABLE support_message_authors (
    message_id      CHAR(36) COLLATE "C"  NOT NULL PRIMARY KEY,
    conversation_id CHAR(36) COLLATE "C"  NOT NULL,
    user_id         CHAR(36) COLLATE "C"  NOT NULL,
    CONSTRAINT support_message_authors_fk FOREIGN KEY (conversation_id) REFERENCES support_conversations (conversation_id) ON DELETE CASCADE
);

CREATE TABLE support_canned_responses (
    id         CHAR(36) COLLATE "C"      NOT NULL PRIMARY KEY,
    short_code VARCHAR(50)   NOT NULL,
    content    VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP(6)  NOT NULL,
    updated_at TIMESTAMP(6)  NOT NULL
);

CREATE UNIQUE INDEX support_canned_short_code ON support_canned_responses (short_code);
