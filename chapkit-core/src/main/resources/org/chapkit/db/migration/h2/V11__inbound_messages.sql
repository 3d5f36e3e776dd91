-- Inbound commands (issue 20): one row per accepted $train/$predict/$execute message, keyed by the channel (broker and
-- queue or topic) and the broker's message id, written in the transaction that submits the message's job, so that a
-- redelivered message runs nothing. job_id is filled in the same transaction.
CREATE TABLE inbound_messages (
    channel     VARCHAR(200)             NOT NULL,
    message_id  VARCHAR(200)             NOT NULL,
    command     VARCHAR(20)              NOT NULL,
    job_id      VARCHAR(26),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel, message_id)
);
CREATE INDEX inbound_messages_received_at ON inbound_messages (received_at);
