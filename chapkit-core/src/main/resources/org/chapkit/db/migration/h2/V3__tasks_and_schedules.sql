-- Tasks and schedules (issue 6). Task code lives in the application; the database only remembers which task
-- names it has seen (to detect orphans after a deploy) and whether each is enabled.
CREATE TABLE task_state (
    name VARCHAR(200) NOT NULL PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per schedule. Exactly one of cron, interval_ms and run_at is set. A firing claims its tick with a
-- compare-and-set on next_run_at (UPDATE ... WHERE id = ? AND next_run_at = ?) in the transaction that submits
-- the job, so each tick runs once however many instances poll. declared_by holds the task name for schedules
-- declared in code with @Task (at most one per task), null for schedules created through the API.
CREATE TABLE schedules (
    id VARCHAR(26) NOT NULL PRIMARY KEY,
    task VARCHAR(200) NOT NULL,
    params CLOB NOT NULL,
    cron VARCHAR(200),
    interval_ms BIGINT,
    run_at TIMESTAMP WITH TIME ZONE,
    time_zone VARCHAR(64) NOT NULL,
    enabled BOOLEAN NOT NULL,
    missed_run_policy VARCHAR(16) NOT NULL,
    missed_run_cap INTEGER NOT NULL,
    next_run_at TIMESTAMP WITH TIME ZONE,
    last_run_at TIMESTAMP WITH TIME ZONE,
    last_job_id VARCHAR(26),
    declared_by VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schedules_declared_by_uk UNIQUE (declared_by)
);

CREATE INDEX schedules_due_idx ON schedules (enabled, next_run_at);
CREATE INDEX schedules_task_idx ON schedules (task);
