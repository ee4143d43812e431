-- Threaded channels (e-mail) keep several open conversations per customer, one per thread; chat-like channels
-- use the empty thread key and so keep exactly one open conversation per customer and channel.
ALTER TABLE conversations ADD COLUMN thread_key TEXT NOT NULL DEFAULT '';
DROP INDEX ux_conversations_open;
CREATE UNIQUE INDEX ux_conversations_open ON conversations(contact_id, channel, thread_key) WHERE state <> 'resolved';
