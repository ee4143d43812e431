CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    display_name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE channel_identities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    namespace TEXT NOT NULL,
    address TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (namespace, address)
);
CREATE INDEX ix_channel_identities_contact ON channel_identities(contact_id);

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    channel TEXT NOT NULL,
    state TEXT NOT NULL,
    queue TEXT NOT NULL,
    assignee_id INTEGER NULL,
    created_at INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL
);
-- At most one unresolved conversation per contact and channel: the race of two first messages meets here.
CREATE UNIQUE INDEX ux_conversations_open ON conversations(contact_id, channel) WHERE state <> 'resolved';
CREATE INDEX ix_conversations_assignee ON conversations(assignee_id, state);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    external_id TEXT NULL,
    text TEXT NULL,
    attachments_json TEXT NULL,
    status TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    error_code TEXT NULL,
    author_agent_id INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_interactions_external ON interactions(channel, external_id);
CREATE INDEX ix_interactions_contact ON interactions(contact_id, id);
CREATE INDEX ix_interactions_conversation ON interactions(conversation_id, id);

CREATE TABLE outbox (
    interaction_id INTEGER PRIMARY KEY REFERENCES interactions(id),
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NULL
);
CREATE INDEX ix_outbox_due ON outbox(state, next_attempt_at);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
