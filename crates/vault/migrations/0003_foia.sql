-- FOIA requests, their productions and linked events. Released: never edit
-- this file; add a new migration instead.

-- A request as the JSON of `testimonio_foia::FoiaRequestParts` (inside the
-- encrypted database like everything else): the crate validates it on
-- every read and write, so the format can grow without schema changes.
CREATE TABLE foia_requests (
    id         TEXT PRIMARY KEY,
    parts      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT
) STRICT;

-- Documents produced in answer to a request, with their Bates range.
CREATE TABLE foia_productions (
    request_id  TEXT NOT NULL REFERENCES foia_requests(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id),
    bates_first TEXT,
    bates_last  TEXT,
    received_on TEXT,
    PRIMARY KEY (request_id, document_id)
) STRICT;

CREATE TABLE foia_events (
    request_id TEXT NOT NULL REFERENCES foia_requests(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, event_id)
) STRICT;
