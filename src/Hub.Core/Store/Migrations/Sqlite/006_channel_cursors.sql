-- How far a channel has consumed its provider's feed (an IMAP folder's UID, a getUpdates offset), so a
-- restart resumes where it stopped.
CREATE TABLE channel_cursors (
    cursor_key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
