-- What happened to a conversation besides messages: assignments with their reason, transfers with notes,
-- take-backs. Supervisors read it to answer "why did this go to her?".
CREATE TABLE conversation_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    kind TEXT NOT NULL,
    agent_id INTEGER NULL,
    data_json TEXT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_conversation_events_conversation ON conversation_events(conversation_id, id);
