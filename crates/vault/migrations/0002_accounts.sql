-- Accounts for the web app, and who created which record. Released:
-- never edit this file; add a new migration instead.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret   TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- People a documenter is assigned to: they see those identities.
CREATE TABLE user_assignments (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, person_id)
) STRICT;

-- The actor that created each record (`web:ana`, `cli:root@host`).
ALTER TABLE people ADD COLUMN created_by TEXT;
ALTER TABLE events ADD COLUMN created_by TEXT;
CREATE INDEX people_created_by ON people(created_by);

-- API tokens: only a SHA-256 of each token is kept.
CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    label       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    last_used   TEXT,
    revoked     INTEGER NOT NULL DEFAULT 0
) STRICT;
