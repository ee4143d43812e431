-- A contact merged into another keeps its row (so old links still resolve) but owns nothing any more: identities,
-- conversations and interactions move to the survivor it names.
ALTER TABLE contacts ADD COLUMN merged_into INTEGER NULL REFERENCES contacts(id);
CREATE INDEX ix_contacts_name ON contacts(lower(display_name));
-- Matches weaker than a provider-verified phone (the same name, an e-mail typed into a form) are only suggested; an
-- agent decides. One row per pair, the older contact first.
CREATE TABLE contact_merge_suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    candidate_id INTEGER NOT NULL REFERENCES contacts(id),
    reason TEXT NOT NULL,
    state TEXT NOT NULL,
    decided_by TEXT NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER NULL,
    UNIQUE (contact_id, candidate_id)
);
CREATE INDEX ix_contact_merge_suggestions_candidate ON contact_merge_suggestions(candidate_id);
-- The address the customer wrote from, so a reply goes back there even when their merged contact has several
-- numbers or addresses on the channel.
ALTER TABLE conversations ADD COLUMN customer_address TEXT NULL;
