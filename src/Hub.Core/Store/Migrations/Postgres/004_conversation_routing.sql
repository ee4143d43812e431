-- The routing decision made when a conversation opened, so a rebuilt router queues it exactly as before.
ALTER TABLE conversations ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN required_skills_json TEXT NULL;
ALTER TABLE conversations ADD COLUMN rule TEXT NULL;
