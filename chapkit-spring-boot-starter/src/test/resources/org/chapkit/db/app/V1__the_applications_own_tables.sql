-- One file for H2 and PostgreSQL: ${blob} is BLOB or BYTEA (a Flyway placeholder set by the test).
-- The application's own tables, in the default schema, with the names chapkit uses in its own schema:
-- its own job table and its own db-scheduler.
CREATE TABLE jobs (
    id    INT          PRIMARY KEY,
    title VARCHAR(100) NOT NULL
);
INSERT INTO jobs (id, title) VALUES (1, 'the application''s own job');

CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(250)             NOT NULL,
    task_instance        VARCHAR(250)             NOT NULL,
    task_data            ${blob},
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
