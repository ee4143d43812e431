-- When the customer last edited an inbound message (Telegram's edited_message): the text is replaced and the console
-- marks it "edited". NULL: never edited.
ALTER TABLE interactions ADD COLUMN edited_at INTEGER NULL;
