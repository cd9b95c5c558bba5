-- Cases: a legal or advocacy file around one person or one group, and the
-- records it links to. Released: never edit this file; add a new migration
-- instead.

CREATE TABLE cases (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    person_id  TEXT REFERENCES people(id),
    group_id   TEXT REFERENCES groups(id),
    attorney   TEXT,
    opened_on  TEXT,
    closed_on  TEXT,
    -- Sensitive text (strategy, what the person told their attorney): read
    -- only by roles that see identities, each read audited.
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT,
    CHECK ((person_id IS NULL) <> (group_id IS NULL))
) STRICT;

CREATE INDEX cases_person ON cases(person_id);
CREATE INDEX cases_group ON cases(group_id);

-- What a case links to: kind is event, document, excerpt, foia or
-- testimony; the application checks that the target exists before the
-- link is stored. `position` keeps the order links were added in.
CREATE TABLE case_links (
    case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    target_id TEXT NOT NULL,
    position  INTEGER NOT NULL,
    added_at  TEXT NOT NULL,
    added_by  TEXT,
    PRIMARY KEY (case_id, kind, target_id)
) STRICT;
