-- Artifacts a job produced (issue 15): they cannot be replaced through the API, and the digest of their binary
-- content, recorded when the job stored it, is checked before the content is run (a shell runner's training
-- workspace). Deleting the artifact deletes its seal.
CREATE TABLE artifact_seals (
    artifact_id    VARCHAR(26)              NOT NULL PRIMARY KEY REFERENCES artifacts (id) ON DELETE CASCADE,
    job_id         VARCHAR(26),
    content_sha256 VARCHAR(64),
    sealed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
