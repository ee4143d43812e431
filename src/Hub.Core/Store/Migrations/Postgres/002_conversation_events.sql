-- What happened to a conversation besides messages: assignments with their reason, transfers with notes,
-- take-backs. Supervisors read it to answer "why did this go to her?".
CREATE TABLE conversation_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    kind TEXT NOT NULL,
    agent_id BIGINT NULL,
    data_json TEXT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_conversation_events_conversation ON conversation_events(conversation_id, id);
