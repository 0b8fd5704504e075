-- Conversations brought in by an import (docs/adr/0025, MariaDB): one row per conversation of a
-- file, keyed by its owner, the source format and the conversation's id in that file, so that the
-- same file imported twice writes nothing the second time. Written in the transaction that writes
-- the conversation; deleting the conversation deletes the row, so a deleted one can be imported
-- again. Source ids are compared bytewise (utf8mb4_bin), not ignoring case.
CREATE TABLE conversation_imports (
    owner_id        VARCHAR(64)  NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    source_id       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    conversation_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    imported_at     DATETIME(6)  NOT NULL,
    CONSTRAINT conversation_imports_pk PRIMARY KEY (owner_id, source, source_id),
    CONSTRAINT conversation_imports_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    INDEX conversation_imports_conversation (conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
