-- A coalition hub (issue 16): the coalition it coordinates with its age
-- identity (members' bundles are encrypted to it), the members admitted
-- by their Ed25519 public keys with the number of their last bundle, and
-- every bundle received (its de-identified body as the member signed
-- it, numbered), so each member's history is kept and the newest is
-- their current picture. Refused bundles leave nothing here.
CREATE TABLE hub_coalition (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    coalition_id  TEXT NOT NULL,
    age_identity  TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) STRICT;

CREATE TABLE hub_members (
    name         TEXT PRIMARY KEY,
    member_key   TEXT NOT NULL UNIQUE,
    admitted_at  TEXT NOT NULL,
    last_number  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE hub_bundles (
    member       TEXT NOT NULL REFERENCES hub_members (name),
    number       INTEGER NOT NULL,
    received_at  TEXT NOT NULL,
    people       INTEGER NOT NULL,
    events       INTEGER NOT NULL,
    body         BLOB NOT NULL,
    PRIMARY KEY (member, number)
) STRICT;
