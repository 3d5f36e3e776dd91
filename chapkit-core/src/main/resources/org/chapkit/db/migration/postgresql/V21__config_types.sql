-- Several config types per service (issue 21). Keep in step with ../h2/V21__config_types.sql.
-- Each config belongs to one config type; the configs that exist already are the service's default type, which is
-- what /api/v1/configs serves, so chap-core sees no change. Other types are served under
-- /api/v1/config-types/{type}/configs.
ALTER TABLE configs ADD COLUMN config_type VARCHAR(64) DEFAULT 'default' NOT NULL;

CREATE INDEX ix_configs_type ON configs (config_type, id);
