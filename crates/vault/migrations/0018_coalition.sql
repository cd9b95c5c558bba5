-- Coalitions (issue 16). Two roles a vault can take, each in its own
-- tables; secrets live only here, inside the encrypted database.
--
-- A member group: the coalition it joined, the hub's age recipient its
-- bundles are encrypted to, its Ed25519 signing key (the seed), the
-- secret its pseudonymous ids are keyed with, the key custodian it asks
-- for match tokens (address, pinned public key, bearer token), and the
-- number of its last bundle.
CREATE TABLE coalition_membership (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    coalition_id          TEXT NOT NULL,
    hub_recipient         TEXT NOT NULL,
    member_key            BLOB NOT NULL CHECK (length(member_key) = 32),
    pseudonym_key         BLOB NOT NULL CHECK (length(pseudonym_key) = 32),
    custodian_url         TEXT,
    custodian_public_key  TEXT,
    custodian_token       TEXT,
    last_number           INTEGER NOT NULL DEFAULT 0,
    joined_at             TEXT NOT NULL,
    joined_by             TEXT NOT NULL
) STRICT;

-- A key custodian: the coalition's OPRF key (its 32-byte seed), the
-- members it serves (bearer tokens kept as SHA-256 only, a daily budget
-- of evaluations) and how many evaluations each member used per UTC day.
-- Counts only: no input, no output is ever stored.
CREATE TABLE custodian_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seed        BLOB NOT NULL CHECK (length(seed) = 32),
    public_key  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

CREATE TABLE custodian_members (
    name          TEXT PRIMARY KEY,
    token_sha256  TEXT NOT NULL UNIQUE,
    daily_budget  INTEGER NOT NULL CHECK (daily_budget > 0),
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
) STRICT;

CREATE TABLE custodian_usage (
    member       TEXT NOT NULL REFERENCES custodian_members (name),
    day          TEXT NOT NULL,
    evaluations  INTEGER NOT NULL,
    refused      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (member, day)
) STRICT;
