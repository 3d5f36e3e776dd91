-- Configs, artifacts and the links between them (H2). Keep in step with ../postgresql/V1__configs_and_artifacts.sql.
-- JSON values (data, tags) are stored as text so that key order and unknown keys survive unchanged.
-- version is the optimistic-locking counter behind ETag / If-Match.

CREATE TABLE configs (
    id         VARCHAR(26)              NOT NULL PRIMARY KEY,
    name       VARCHAR(4000)            NOT NULL,
    data       CHARACTER LARGE OBJECT   NOT NULL,
    tags       VARCHAR(8000)            NOT NULL DEFAULT '[]',
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_configs_name ON configs (name);

CREATE TABLE artifacts (
    id         VARCHAR(26)              NOT NULL PRIMARY KEY,
    parent_id  VARCHAR(26)              NULL REFERENCES artifacts (id) ON DELETE SET NULL,
    level      INTEGER                  NOT NULL,
    data       CHARACTER LARGE OBJECT   NOT NULL,
    tags       VARCHAR(8000)            NOT NULL DEFAULT '[]',
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_artifacts_parent_id ON artifacts (parent_id);
CREATE INDEX ix_artifacts_level ON artifacts (level);

-- An artifact's binary content, apart from its JSON data: one row per upload (head = its first 200 bytes, for
-- the console's bytes stub), its bytes in 1 MiB chunks so that
-- content of any size is written and read in a streaming fashion on every database.
CREATE TABLE artifact_contents (
    id          VARCHAR(26)              NOT NULL PRIMARY KEY,
    artifact_id VARCHAR(26)              NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
    size        BIGINT                   NOT NULL,
    chunks      INTEGER                  NOT NULL,
    head        VARBINARY(200)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_artifact_contents_artifact_id ON artifact_contents (artifact_id);

CREATE TABLE artifact_content_chunks (
    content_id VARCHAR(26) NOT NULL REFERENCES artifact_contents (id) ON DELETE CASCADE,
    seq        INTEGER     NOT NULL,
    bytes      BLOB        NOT NULL,
    PRIMARY KEY (content_id, seq)
);

CREATE TABLE config_artifacts (
    config_id   VARCHAR(26) NOT NULL REFERENCES configs (id) ON DELETE CASCADE,
    artifact_id VARCHAR(26) NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
    PRIMARY KEY (config_id, artifact_id),
    CONSTRAINT uq_config_artifacts_artifact_id UNIQUE (artifact_id)
);
