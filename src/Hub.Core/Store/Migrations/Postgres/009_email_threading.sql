-- A queue may answer e-mail from its own address (billing@..., "Acme Billing"); NULL = the hub's Email:Smtp:From.
ALTER TABLE queues ADD COLUMN email_from TEXT NULL;
ALTER TABLE queues ADD COLUMN email_from_name TEXT NULL;

-- Keys the hub generates once and every node shares (the e-mail conversation-token key when none is configured).
CREATE TABLE hub_secrets (
    name TEXT PRIMARY KEY,
    value BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
