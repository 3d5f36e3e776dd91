-- The event log (chapkit's transactional outbox): events are appended in the transaction of the state change.
-- event_log_head holds the last position; appending transactions lock it, so positions commit in order.
CREATE TABLE event_log_head (
    id       INT    NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL
);
INSERT INTO event_log_head (id, position) VALUES (1, 0);

-- The last sequence number of each subject (events of one subject are numbered 1, 2, 3, ...).
CREATE TABLE event_subjects (
    subject  VARCHAR(300) NOT NULL PRIMARY KEY,
    sequence BIGINT       NOT NULL
);

CREATE TABLE events (
    position    BIGINT       NOT NULL PRIMARY KEY,
    id          VARCHAR(26)  NOT NULL,
    type        VARCHAR(200) NOT NULL,
    source      VARCHAR(300) NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    sequence    BIGINT       NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data        CLOB NOT NULL,
    CONSTRAINT events_id_key UNIQUE (id)
);
CREATE INDEX events_subject_idx ON events (subject, position);
CREATE INDEX events_type_idx ON events (type, position);
CREATE INDEX events_occurred_at_idx ON events (occurred_at);

-- Where each destination's delivery stands: its cursor, its retry state and its lease.
CREATE TABLE event_deliveries (
    destination     VARCHAR(200) NOT NULL PRIMARY KEY,
    position        BIGINT       NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    failing_since   TIMESTAMP WITH TIME ZONE,
    last_error      CLOB,
    owner           VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    delivered       BIGINT       NOT NULL DEFAULT 0,
    dead_lettered   BIGINT       NOT NULL DEFAULT 0
);

-- Events a destination gave up on after its policy's attempts; replayable from the API.
CREATE TABLE event_dead_letters (
    id          VARCHAR(26)  NOT NULL PRIMARY KEY,
    destination VARCHAR(200) NOT NULL,
    position    BIGINT       NOT NULL,
    attempts    INT          NOT NULL,
    error       CLOB,
    dead_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_dead_letters_destination_idx ON event_dead_letters (destination, dead_at);
