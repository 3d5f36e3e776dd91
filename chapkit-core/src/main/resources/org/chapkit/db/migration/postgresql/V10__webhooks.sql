-- Webhook endpoints (issue 20). Each is an event destination 'webhook:<id>' with its row in event_deliveries;
-- its dead letters are in event_dead_letters. The secret is the HMAC-SHA256 key, so it is kept as given.
CREATE TABLE webhook_endpoints (
    id           VARCHAR(26)              NOT NULL PRIMARY KEY,
    url          VARCHAR(2000)            NOT NULL,
    secret       VARCHAR(200)             NOT NULL,
    types        TEXT,
    enabled      BOOLEAN                  NOT NULL,
    max_attempts INT                      NOT NULL,
    timeout_ms   BIGINT                   NOT NULL,
    description  VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
