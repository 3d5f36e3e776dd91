-- Security (issue 16). API keys made through /api/v1/keys: only the SHA-256 of the secret is stored (the secret
-- is shown once, at creation); every instance reads this table, so a revocation reaches the whole cluster.
CREATE TABLE security_api_keys (
    id VARCHAR(26) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    role VARCHAR(16) NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    prefix VARCHAR(7) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX security_api_keys_hash_idx ON security_api_keys (key_hash);

-- The audit trail: every state-changing request and every denied request.
CREATE TABLE security_audit (
    id VARCHAR(26) NOT NULL PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    subject VARCHAR(200),
    key_prefix VARCHAR(7),
    role VARCHAR(16),
    method VARCHAR(16) NOT NULL,
    path VARCHAR(2000) NOT NULL,
    resource_id VARCHAR(200),
    status INTEGER NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    request_id VARCHAR(64)
);

CREATE INDEX security_audit_at_idx ON security_audit (at);
CREATE INDEX security_audit_subject_idx ON security_audit (subject, at);

-- Rate-limit buckets shared by all instances (Bucket4j's PostgreSQL proxy: id, serialized state, expiry in ms).
CREATE TABLE security_rate_limit_buckets (
    id VARCHAR(200) NOT NULL PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);
