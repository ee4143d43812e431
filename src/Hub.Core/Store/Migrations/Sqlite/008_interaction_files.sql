-- Files of an interaction (e-mail attachments and inline images, files an agent attached to a reply), written in the
-- same transaction as the interaction. A file over the size limit has no row: it is listed as too large in the
-- interaction's attachments and its bytes stay in interaction_sources.
CREATE TABLE interaction_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    interaction_id INTEGER NOT NULL REFERENCES interactions(id),
    ordinal INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content_id TEXT NULL,
    is_inline INTEGER NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (interaction_id, ordinal)
);
