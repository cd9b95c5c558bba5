-- Testimonies: a person's first-person account, who took it, when, where,
-- in which language, with the consent given for this account, the events
-- it tells of and the documents attached. The account is sensitive text:
-- it lives only in this encrypted database and is read through an audited
-- call (`testimony_read`). The review mark (who, when) says a coordinator
-- or an administrator read the account for publication; a changed account
-- clears it.
CREATE TABLE testimonies (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people(id),
    interviewer TEXT NOT NULL,
    date        TEXT NOT NULL,
    -- The first day the date may be (YYYY-MM-DD), for ordering.
    date_sort   TEXT NOT NULL,
    place       TEXT NOT NULL,
    language    TEXT NOT NULL,
    account     TEXT NOT NULL,
    consent     TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX testimonies_person ON testimonies(person_id);

CREATE TABLE testimony_events (
    testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL REFERENCES events(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (testimony_id, event_id)
) STRICT;
CREATE INDEX testimony_events_event ON testimony_events(event_id);

CREATE TABLE testimony_documents (
    testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE,
    document_id  TEXT NOT NULL REFERENCES documents(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (testimony_id, document_id)
) STRICT;
CREATE INDEX testimony_documents_document ON testimony_documents(document_id);
