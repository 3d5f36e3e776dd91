-- Pluggable artifact content storage (issue 19): which backend holds a content row's bytes (database chunks, a
-- filesystem directory, S3) and their SHA-256. Rows written before keep their bytes in the database.
ALTER TABLE artifact_contents ADD COLUMN storage VARCHAR(32) DEFAULT 'database' NOT NULL;
ALTER TABLE artifact_contents ADD COLUMN sha256 VARCHAR(64) NULL;
