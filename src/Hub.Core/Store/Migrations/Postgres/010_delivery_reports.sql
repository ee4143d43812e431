-- Why an outbound failed, in words (a bounce's Diagnostic-Code, an SMTP rejection's text), next to its code.
ALTER TABLE interactions ADD COLUMN error_reason TEXT NULL;

-- Delivery reports about our outbound messages (e-mail bounces): kept whole, attached to the message they concern
-- instead of opening a conversation. (channel, external_id) is the report's own id, so a re-fetch applies once.
CREATE TABLE delivery_reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interaction_id BIGINT NOT NULL REFERENCES interactions(id),
    channel TEXT NOT NULL,
    external_id TEXT NOT NULL,
    action TEXT NOT NULL,
    recipient TEXT NULL,
    status_code TEXT NULL,
    reason TEXT NULL,
    content BYTEA NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (channel, external_id)
);
CREATE INDEX ix_delivery_reports_interaction ON delivery_reports(interaction_id);

-- The last automatic reply per customer address: at most one per window, whatever conversation or node sends it.
CREATE TABLE automatic_replies (
    namespace TEXT NOT NULL,
    address TEXT NOT NULL,
    last_sent_at BIGINT NOT NULL,
    PRIMARY KEY (namespace, address)
);
