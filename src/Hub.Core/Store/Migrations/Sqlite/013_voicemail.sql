-- Voicemail and call recordings. A queue may send its callers to voicemail after a maximum wait (0 = never) and
-- may record its connected calls.
ALTER TABLE queues ADD COLUMN voicemail_after_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE queues ADD COLUMN record_calls INTEGER NOT NULL DEFAULT 0;

-- NULL: no voicemail; 'offered': the caller heard the prompt; 'left': a message was recorded (never abandoned).
ALTER TABLE calls ADD COLUMN voicemail TEXT NULL;

-- One row per provider recording of a call (a voicemail or a recorded conversation). Callbacks retry and arrive out
-- of order, so the status only moves forward and a transcription may come before the recording's own callback.
CREATE TABLE call_recordings (
    recording_sid TEXT PRIMARY KEY,
    call_sid TEXT NOT NULL REFERENCES calls(call_sid),
    interaction_id INTEGER NOT NULL REFERENCES interactions(id),
    source TEXT NULL,
    status TEXT NULL,
    status_rank INTEGER NOT NULL,
    duration_seconds INTEGER NULL,
    provider_url TEXT NULL,
    transcription_status TEXT NULL,
    transcription_text TEXT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_call_recordings_interaction ON call_recordings(interaction_id);
