-- WhatsApp template messages waiting in (or sent from) the outbox: which approved template, in which language, with
-- which {{n}} parameters. The interaction's text is the rendered body, kept for the timeline; the sender needs these.
CREATE TABLE outbound_templates (
    interaction_id BIGINT PRIMARY KEY REFERENCES interactions(id),
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    parameters_json TEXT NOT NULL
);
