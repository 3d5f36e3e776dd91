-- db-scheduler's execution table (schema of db-scheduler 16.7.1 for PostgreSQL): claims, heartbeats, dead detection.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
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
    payload              TEXT,
    submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    error                TEXT,
    error_traceback      TEXT,
    reserved_artifact_id VARCHAR(26),
    artifact_id          VARCHAR(26),
    progress             DOUBLE PRECISION,
    progress_message     TEXT,
    owner                VARCHAR(200),
    attempts             INT                      NOT NULL DEFAULT 0,
    CONSTRAINT jobs_status_check CHECK (status IN ('pending', 'running', 'completed', 'failed', 'canceled'))
);
CREATE INDEX jobs_submitted_at_idx ON jobs (submitted_at);
CREATE INDEX jobs_status_finished_at_idx ON jobs (status, finished_at);
