-- Cluster membership and leadership (issue 19). Each instance registers and heartbeats in cluster_members; the
-- others declare it DEAD when it misses heartbeats. cluster_lock is Spring Integration's JDBC lock table (INT_LOCK
-- with prefix cluster_), on which the leader is elected; cluster_epoch holds the current epoch (fencing token) in one
-- row, cluster_leadership one row per term.
CREATE TABLE cluster_members (
    instance_id    VARCHAR(200)             NOT NULL PRIMARY KEY,
    host           VARCHAR(255)             NOT NULL,
    port           INTEGER                  NOT NULL,
    version        VARCHAR(100)             NOT NULL,
    roles          VARCHAR(200)             NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_heartbeat TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cluster_epoch (
    id        INTEGER                  NOT NULL PRIMARY KEY,
    epoch     BIGINT                   NOT NULL,
    leader_id VARCHAR(200)             NULL,
    since     TIMESTAMP WITH TIME ZONE NULL
);
INSERT INTO cluster_epoch (id, epoch) VALUES (1, 0);

CREATE TABLE cluster_leadership (
    epoch       BIGINT                   NOT NULL PRIMARY KEY,
    leader_id   VARCHAR(200)             NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE NULL
);

CREATE TABLE cluster_lock (
    lock_key      CHAR(36)     NOT NULL,
    region        VARCHAR(100) NOT NULL,
    client_id     CHAR(36),
    created_date  TIMESTAMP    NOT NULL,
    expired_after TIMESTAMP    NOT NULL,
    CONSTRAINT cluster_lock_pk PRIMARY KEY (lock_key, region)
);
