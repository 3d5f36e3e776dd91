-- A/B routing per model (issue 21). Keep in step with ../h2/V16__model_routes.sql.
-- rule is the JSON of a RoutingRule: {"splits": [{"alias": "champion", "weight": 90}, …], "shadow": "challenger"}.
CREATE TABLE ml_model_routes (
    model      VARCHAR(100)             NOT NULL PRIMARY KEY REFERENCES ml_models (name) ON DELETE CASCADE,
    rule       TEXT                     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
