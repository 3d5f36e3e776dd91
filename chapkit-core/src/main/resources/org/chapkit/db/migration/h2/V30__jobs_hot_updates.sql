-- Job status updates in place (issue 23): see the PostgreSQL migration of the same number. Unfinished jobs are
-- found by "finished_at IS NULL" (every end sets finished_at and nothing else does); the purge of finished jobs
-- uses the index on finished_at alone.
DROP INDEX jobs_status_finished_at_idx;
CREATE INDEX jobs_finished_at_idx ON jobs (finished_at);
