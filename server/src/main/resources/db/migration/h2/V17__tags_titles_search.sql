-- Tags on conversations, where a conversation's title came from, and search (docs/adr/0026, H2).
-- A tag belongs to one owner; name_key is its name in lower case (Locale.ROOT, computed by the
-- application), which makes names unique per owner ignoring case on every database alike.
CREATE TABLE tags (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    name_key   VARCHAR(200) NOT NULL,
    color      VARCHAR(7),
    created_at TIMESTAMP(6) NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT tags_owner_name_unique UNIQUE (owner_id, name_key)
);

CREATE TABLE conversation_tags (
    conversation_id CHAR(36) NOT NULL,
    tag_id          CHAR(36) NOT NULL,
    PRIMARY KEY (conversation_id, tag_id),
    CONSTRAINT conversation_tags_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT conversation_tags_tag_fk FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
);

CREATE INDEX conversation_tags_tag ON conversation_tags (tag_id, conversation_id);

-- user: set by the owner (never replaced); generated: by a model after the first exchange;
-- derived: from the first user message. Existing titles count as the owner's.
ALTER TABLE conversations ADD COLUMN title_source VARCHAR(16);
UPDATE conversations SET title_source = 'user' WHERE title IS NOT NULL;
ALTER TABLE conversations ADD CONSTRAINT conversations_title_source_check
    CHECK (title_source IN ('user', 'generated', 'derived'));

-- Search scans the owner's messages (H2 has no substring index; measured in docs/PERFORMANCE.md).
