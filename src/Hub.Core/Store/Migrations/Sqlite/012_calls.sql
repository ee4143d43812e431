-- One row per phone call, beside its interaction: the lifecycle the provider reports (out of order, so the rank and
-- the provider's sequence number only move forward) and the times the call-centre metrics need.
CREATE TABLE calls (
    call_sid TEXT PRIMARY KEY,
    interaction_id BIGINT NOT NULL REFERENCES interactions(id),
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    status TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL,
    queue_result TEXT NULL,
    queue_seconds INTEGER NULL,
    talk_seconds INTEGER NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT NULL
);
CREATE UNIQUE INDEX ux_calls_interaction ON calls(interaction_id);
