-- The model registry (issue 21). Keep in step with ../postgresql/V14__model_registry.sql.
-- A model's versions are successful training artifacts, numbered per model from next_version (the row lock of
-- "UPDATE ml_models SET next_version = next_version + 1" serialises concurrent registrations and alias moves).
-- A version goes with its artifact (ON DELETE CASCADE): there is never a version without its artifact.
CREATE TABLE ml_models (
    name         VARCHAR(100)             NOT NULL PRIMARY KEY,
    next_version INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ml_model_versions (
    model       VARCHAR(100)             NOT NULL REFERENCES ml_models (name) ON DELETE CASCADE,
    version     INTEGER                  NOT NULL,
    artifact_id VARCHAR(26)              NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
    status      VARCHAR(16)              NOT NULL,
    lineage     CHARACTER LARGE OBJECT   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NULL,
    PRIMARY KEY (model, version),
    CONSTRAINT uq_ml_model_versions_artifact UNIQUE (artifact_id)
);

-- An alias names one version of its model; moving it is an UPDATE under the model's row lock, recorded in
-- ml_model_alias_moves (to_version NULL: the alias was deleted).
CREATE TABLE ml_model_aliases (
    model      VARCHAR(100)             NOT NULL,
    alias      VARCHAR(100)             NOT NULL,
    version    INTEGER                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (model, alias),
    FOREIGN KEY (model, version) REFERENCES ml_model_versions (model, version) ON DELETE CASCADE
);

CREATE TABLE ml_model_alias_moves (
    id           VARCHAR(26)              NOT NULL PRIMARY KEY,
    model        VARCHAR(100)             NOT NULL REFERENCES ml_models (name) ON DELETE CASCADE,
    alias        VARCHAR(100)             NOT NULL,
    from_version INTEGER                  NULL,
    to_version   INTEGER                  NULL,
    moved_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ml_model_alias_moves_model ON ml_model_alias_moves (model, alias);
