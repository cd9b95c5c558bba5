-- Testimonio vault schema, version 1. Released: never edit this file; add
-- a new migration instead (a test freezes its hash).

CREATE TABLE groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    state       TEXT,
    city        TEXT,
    record_hash TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    pseudonym   TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Identity fields apart from the pseudonymous record, so that no query
-- reads them by accident: each read of this table is an audited act.
CREATE TABLE person_identity (
    person_id          TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    legal_name         TEXT,
    aliases            TEXT NOT NULL DEFAULT '[]',
    contact            TEXT,
    a_number           TEXT,
    immigration_status TEXT,
    address            TEXT,
    birth_year         INTEGER
) STRICT;

CREATE TABLE person_groups (
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    group_id  TEXT NOT NULL REFERENCES groups(id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (person_id, group_id)
) STRICT;
CREATE INDEX person_groups_group ON person_groups(group_id);

CREATE TABLE consents (
    person_id    TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    level        TEXT NOT NULL,
    given_on     TEXT,
    withdrawn_on TEXT,
    note         TEXT,
    PRIMARY KEY (person_id, position)
) STRICT;

CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    date         TEXT NOT NULL,
    date_start   TEXT NOT NULL,
    date_end     TEXT NOT NULL,
    end_date     TEXT,
    state        TEXT,
    city         TEXT,
    facility     TEXT,
    agency       TEXT,
    field_office TEXT,
    narrative    TEXT,
    verification TEXT NOT NULL,
    record_hash  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX events_date ON events(date_start, id);
CREATE INDEX events_kind ON events(kind, date_start);
CREATE INDEX events_state ON events(state);
CREATE INDEX events_field_office ON events(field_office);

CREATE TABLE event_people (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id),
    role      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, person_id)
) STRICT;
CREATE INDEX event_people_person ON event_people(person_id);

CREATE TABLE event_groups (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, group_id)
) STRICT;
CREATE INDEX event_groups_group ON event_groups(group_id);

-- Original files: the plaintext SHA-256 recorded at intake; the blob's
-- name is derived from it with a key.
CREATE TABLE documents (
    id         TEXT PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    blob_name  TEXT NOT NULL UNIQUE,
    size       INTEGER NOT NULL,
    file_name  TEXT,
    media_type TEXT,
    added_at   TEXT NOT NULL,
    added_by   TEXT NOT NULL
) STRICT;

CREATE TABLE custody_events (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    source_path TEXT,
    host        TEXT,
    detail      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX custody_events_document ON custody_events(document_id);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
