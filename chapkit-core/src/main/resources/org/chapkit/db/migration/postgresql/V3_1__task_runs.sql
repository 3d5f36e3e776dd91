-- Task runs on the job system (issue 6, phase 2). One row per job that runs a task attempt: the history of
-- attempts (retries are new jobs with attempt + 1, scheduled_for = when the backoff lets them run), the
-- cluster-wide concurrency slots (status 'running'), result caching (params_hash of completed runs) and the
-- schedule tick a run belongs to.
CREATE TABLE task_runs (
    job_id VARCHAR(26) NOT NULL PRIMARY KEY,
    task_name VARCHAR(200) NOT NULL,
    first_job_id VARCHAR(26) NOT NULL,
    attempt INTEGER NOT NULL,
    params_hash VARCHAR(64) NOT NULL,
    artifact_id VARCHAR(26),
    schedule_id VARCHAR(26),
    tick TIMESTAMP WITH TIME ZONE,
    status VARCHAR(16) NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_for TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    error TEXT
);

CREATE INDEX task_runs_slots_idx ON task_runs (task_name, status);
CREATE INDEX task_runs_cache_idx ON task_runs (task_name, params_hash, finished_at);
CREATE INDEX task_runs_first_idx ON task_runs (first_job_id);
CREATE INDEX task_runs_schedule_idx ON task_runs (schedule_id, tick);
