-- The provider's original bytes of an interaction (an e-mail's RFC 5322 source): kept so nothing a customer sent
-- is lost to parsing, and so a reply can quote the exact headers it answers.
CREATE TABLE interaction_sources (
    interaction_id BIGINT PRIMARY KEY REFERENCES interactions(id),
    content BYTEA NOT NULL
);
