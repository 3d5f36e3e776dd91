-- db-scheduler's execution table (db-scheduler 16.7.1 schema, H2 types): claims, heartbeats, dead detection.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(250)             NOT NULL,
    task_instance        VARCHAR(250)             NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(250),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- chapkit's job records: what the REST API shows and what survives the execution.
CREATE TABLE jobs (
    id                   VARCHAR(26)              NOT NULL PRIMARY KEY,
    type                 VARCHAR(200)             NOT NULL,
    status               VARCHAR(16)              NOT NULL,
    payload              CLOB,
    submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    error                CLOB,
    error_traceback      CLOB,
    reserved_artifact_id VARCHAR(26),
    artifact_id          VARCHAR(26),
    progress             DOUBLE PRECISION,
    progress_message     CLOB,
    owner                VARCHAR(200),
    -- status is one of pending, running, completed, failed, canceled. No CHECK constraint here: H2 2.4 reports
    -- "Check constraint invalid" for it once a second connection pool opens the same in-memory database.
    attempts             INT                      DEFAULT 0 NOT NULL
);
CREATE INDEX jobs_submitted_at_idx ON jobs (submitted_at);
CREATE INDEX jobs_status_finished_at_idx ON jobs (status, finished_at);
