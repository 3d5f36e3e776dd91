-- Config versioning (issue 21). Keep in step with ../h2/V15__config_versions.sql.
-- Every state a config has had, by its optimistic-locking version: written with each insert and update of configs
-- (same transaction), so the previous versions survive updates and a rollback can restore one as a new version.
CREATE TABLE config_versions (
    config_id  VARCHAR(26)              NOT NULL REFERENCES configs (id) ON DELETE CASCADE,
    version    BIGINT                   NOT NULL,
    name       VARCHAR(4000)            NOT NULL,
    data       TEXT                     NOT NULL,
    tags       VARCHAR(8000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (config_id, version)
);

-- The configs that exist already start their history at their current version.
INSERT INTO config_versions (config_id, version, name, data, tags, created_at)
SELECT id, version, name, data, tags, updated_at FROM configs;
