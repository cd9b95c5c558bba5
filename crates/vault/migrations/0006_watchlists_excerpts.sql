-- Watchlists (saved queries re-run after every ingest, their hits queued
-- for review) and excerpts (exact passages of a page, tagged and linked to
-- events and people). Released: never edit this file; add a new
-- migration instead.

CREATE TABLE watchlists (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    query       TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    owner       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    last_run_at TEXT
) STRICT;

CREATE TABLE watchlist_hits (
    id           INTEGER PRIMARY KEY,
    watchlist_id TEXT NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    -- page: a document page; event: an event narrative.
    kind         TEXT NOT NULL CHECK (kind IN ('page', 'event')),
    ref          TEXT NOT NULL,
    page         INTEGER NOT NULL DEFAULT 0,
    -- The snippet with the match marked «like this».
    snippet      TEXT NOT NULL,
    -- Byte range of the first match in the page text.
    match_start  INTEGER,
    match_end    INTEGER,
    found_at     TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'dismissed')),
    reviewed_by  TEXT,
    reviewed_at  TEXT,
    excerpt_id   TEXT REFERENCES excerpts(id),
    UNIQUE (watchlist_id, kind, ref, page)
) STRICT;
CREATE INDEX watchlist_hits_status ON watchlist_hits(status, watchlist_id);

CREATE TABLE excerpts (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id),
    page            INTEGER NOT NULL CHECK (page >= 1),
    -- Character (not byte) offsets in the page text, end exclusive.
    char_start      INTEGER NOT NULL CHECK (char_start >= 0),
    char_end        INTEGER NOT NULL CHECK (char_end > char_start),
    quote           TEXT NOT NULL,
    -- The original's SHA-256 when the excerpt was taken.
    document_sha256 TEXT NOT NULL,
    note            TEXT,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX excerpts_document ON excerpts(document_id, page);

CREATE TABLE excerpt_tags (
    excerpt_id TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (excerpt_id, tag)
) STRICT;
CREATE INDEX excerpt_tags_tag ON excerpt_tags(tag);

CREATE TABLE excerpt_events (
    excerpt_id TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, event_id)
) STRICT;
CREATE INDEX excerpt_events_event ON excerpt_events(event_id);

CREATE TABLE excerpt_people (
    excerpt_id TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (excerpt_id, person_id)
) STRICT;
CREATE INDEX excerpt_people_person ON excerpt_people(person_id);
