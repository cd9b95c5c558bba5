-- Web sessions kept in the vault (a restart logs nobody out; a password
-- change, a disable or a lock ends them, from any process), known login
-- devices, throttles on failed second-factor codes per account, the last
-- TOTP step used, and an expiry on every API token. Released: never edit
-- this file; add a new migration instead.

-- One row per session. The cookie value itself is never stored: rows are
-- keyed by its SHA-256. The CSRF token and an unconfirmed TOTP secret are
-- secrets, kept here only because the database is encrypted.
CREATE TABLE web_sessions (
    token_hash            TEXT PRIMARY KEY,
    user_id               INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf                  TEXT NOT NULL,
    -- Password accepted, TOTP code still to come: not logged in yet.
    second_factor_pending INTEGER NOT NULL,
    enrolling_totp_secret TEXT,
    created_at            TEXT NOT NULL,
    last_seen             TEXT NOT NULL,
    -- The absolute timeout: created_at plus the server's limit.
    expires_at            TEXT NOT NULL
) STRICT;
CREATE INDEX web_sessions_user ON web_sessions(user_id);

-- Browsers that logged in to an account before (a cookie, kept by its
-- SHA-256): their password attempts are counted on their own, so that
-- someone guessing from elsewhere, who keeps the account in its delay,
-- does not keep its owner out.
CREATE TABLE login_devices (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    failures   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_used  TEXT NOT NULL
) STRICT;
CREATE INDEX login_devices_user ON login_devices(user_id);

-- Wrong second-factor codes in a row, the time before which no code is
-- evaluated, and the last TOTP step accepted (a code works once).
ALTER TABLE users ADD COLUMN totp_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_locked_until TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- Every token expires; tokens issued before this migration get 90 days
-- from their creation.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked_at TEXT;
UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+90 days');
