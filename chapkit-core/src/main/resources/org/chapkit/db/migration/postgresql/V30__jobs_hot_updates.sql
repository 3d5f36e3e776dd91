-- Job status updates in place (issue 23). A job's row changes status twice (pending -> running -> an end); with
-- status in an index, neither update could be HOT (heap-only): each wrote a new version of the row and a new entry
-- in every index of the table. Unfinished jobs are found by "finished_at IS NULL" (every end sets finished_at and
-- nothing else does), so the claim (pending -> running) touches no indexed column and stays on the row's page;
-- fillfactor 70 leaves the room on the page that such an update needs. The purge of finished jobs uses the index
-- on finished_at alone.
DROP INDEX jobs_status_finished_at_idx;
CREATE INDEX jobs_finished_at_idx ON jobs (finished_at);
ALTER TABLE jobs SET (fillfactor = 70);
