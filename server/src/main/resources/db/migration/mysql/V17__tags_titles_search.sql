-- Tags on conversations, where a conversation's title came from, and search (docs/adr/0026,
-- MySQL and MariaDB). A tag belongs to one owner; name_key is its name in lower case
-- (Locale.ROOT, computed by the application) compared bytewise, which makes names unique per
-- owner ignoring case on every database alike (utf8mb4_unicode_ci would also equate accents).
CREATE TABLE tags (
    id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    name_key   VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    color      VARCHAR(7),
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT tags_owner_name_unique UNIQUE (owner_id, name_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conversation_tags (
    conversation_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    tag_id          CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (conversation_id, tag_id),
    CONSTRAINT conversation_tags_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT conversation_tags_tag_fk FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE,
    INDEX conversation_tags_tag (tag_id, conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- user: set by the owner (never replaced); generated: by a model after the first exchange;
-- derived: from the first user message. Existing titles count as the owner's.
ALTER TABLE conversations ADD COLUMN title_source VARCHAR(16) NULL;
UPDATE conversations SET title_source = 'user' WHERE title IS NOT NULL;
ALTER TABLE conversations ADD CONSTRAINT conversations_title_source_check
    CHECK (title_source IN ('user', 'generated', 'derived'));

-- Search scans the owner's messages: MariaDB's InnoDB has no full-text parser that finds
-- substrings of Chinese text (MySQL's ngram parser is not in MariaDB; measured in
-- docs/PERFORMANCE.md).
