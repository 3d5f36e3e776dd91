-- Which instance holds a service's chap-core registration, and until when (judged by the database clock).
CREATE TABLE registration_leases (
    name       VARCHAR(200)             NOT NULL PRIMARY KEY,
    holder     VARCHAR(200)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
