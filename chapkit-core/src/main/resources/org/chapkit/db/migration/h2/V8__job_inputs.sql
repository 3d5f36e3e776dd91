-- The inputs of a job, stored once next to it instead of inside jobs.payload (issue 14): the ML jobs keep their
-- request's DataFrames here, gzip-compressed JSON, and their payload carries only ids. Deleted by the handler when
-- the job ends, and with the job record otherwise.
CREATE TABLE job_inputs (
    job_id     VARCHAR(26)              NOT NULL PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    content    BLOB                     NOT NULL,
    size       BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
