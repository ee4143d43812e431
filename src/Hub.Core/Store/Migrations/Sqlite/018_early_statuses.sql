-- A provider's status callback can arrive before the send's API response has given us the provider's id for the
-- message. Such a status waits here and is applied when the id is recorded, instead of being dropped.
CREATE TABLE early_statuses (
    channel TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    status TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    error_code TEXT NULL,
    error_reason TEXT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (channel, provider_id)
);
CREATE INDEX ix_early_statuses_received ON early_statuses(received_at);
