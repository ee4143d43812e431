-- Addresses a customer typed about themselves (the e-mail of a web chat pre-chat or leave-a-message form). Nobody
-- proved they own it, so it never links them to the contact that does: it is kept here, beside their contact, for
-- merge suggestions an agent confirms.
CREATE TABLE typed_addresses (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id BIGINT NOT NULL REFERENCES contacts(id),
    namespace TEXT NOT NULL,
    address TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (contact_id, namespace, address)
);
CREATE INDEX ix_typed_addresses_address ON typed_addresses(namespace, address);
