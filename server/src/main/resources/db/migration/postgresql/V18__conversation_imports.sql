-- Conversations brought in by an import (docs/adr/0025, PostgreSQL): one row per conversation of a
-- file, keyed by its owner, the source format and the conversation's id in that file, so that the
-- same file imported twice writes nothing the second time. Written in the transaction that writes
-- the conversation; deleting the conversation deletes the row, so a deleted one can be imported
-- again. Source ids are compared bytewise (COLLATE "C").
CREATE TABLE conversation_imports (
    owner_id        VARCHAR(64)  NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    source_id       VARCHAR(200) COLLATE "C" NOT NULL,
    conversation_id CHAR(36) COLLATE "C" NOT NULL,
    imported_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT conversation_imports_pk PRIMARY KEY (owner_id, source, source_id),
    CONSTRAINT conversation_imports_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);

CREATE INDEX conversation_imports_conversation ON conversation_imports (conversation_id);
