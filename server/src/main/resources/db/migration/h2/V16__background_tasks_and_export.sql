-- Background tasks (docs/adr/0024, H2): work that outlives a request (exports, imports),
-- run by whichever instance claims it first. status: queued, running, succeeded, failed,
-- cancelled. A running task is held by lease_owner (an instance) until lease_until, renewed while
-- it runs; one whose lease ran out (its instance died) is claimed again and run from the start
-- (attempts counts the claims, and each outcome is written only under the claim that ran it).
-- active_slot is "kind:owner" while the task is queued or running and NULL afterwards: its
-- unique index lets at most one task per owner and kind be queued or running, whichever
-- instance accepts it. file_path is the produced file's name in the tasks directory until it
-- expires (expires_at) or the task fails; file_name the name a download is offered under.
CREATE TABLE background_tasks (
    id               CHAR(36) NOT NULL PRIMARY KEY,
    kind             VARCHAR(32)  NOT NULL,
    owner_id         VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    active_slot      VARCHAR(100),
    params           CHARACTER LARGE OBJECT         NOT NULL,
    progress_done    BIGINT       DEFAULT 0 NOT NULL,
    progress_total   BIGINT,
    result           CHARACTER LARGE OBJECT,
    error_code       VARCHAR(64),
    error_detail     VARCHAR(1000),
    file_name        VARCHAR(255),
    file_path        VARCHAR(255),
    file_size        BIGINT,
    attempts         INTEGER      DEFAULT 0 NOT NULL,
    lease_owner      VARCHAR(255),
    lease_until      TIMESTAMP(6),
    cancel_requested BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    started_at       TIMESTAMP(6),
    finished_at      TIMESTAMP(6),
    expires_at       TIMESTAMP(6),
    CONSTRAINT background_tasks_status_check
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);

CREATE UNIQUE INDEX background_tasks_active_slot ON background_tasks (active_slot);
-- the workers' scan for queued tasks and expired leases
CREATE INDEX background_tasks_claimable ON background_tasks (status, lease_until);
-- an owner's list, newest first
CREATE INDEX background_tasks_owner ON background_tasks (owner_id, kind, id);
-- the expiry job's scan
CREATE INDEX background_tasks_expiry ON background_tasks (expires_at);

-- Export (docs/EXPORT-FORMAT.md) reads an owner's conversations in id order, and for an
-- incremental export the messages of a conversation changed since a cursor, without reading
-- the others.
CREATE INDEX conversations_owner_id ON conversations (owner_id, id);
CREATE INDEX messages_changes ON messages (conversation_id, updated_at);
