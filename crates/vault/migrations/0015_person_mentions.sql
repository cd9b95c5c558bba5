-- Testimonio vault schema, version 15: people mentioned in evidence.
-- Released: never edit this file; add a new migration instead.

-- What the mention scan has still to read: a page that was written (every
-- watched person against it) or a person whose legal name, aliases or
-- A-number were written (that person against every page). Filled by
-- triggers in the transaction of the change; rows the scan has read are
-- deleted with the hits it found, in one transaction.
CREATE TABLE mention_queue (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    target TEXT NOT NULL CHECK (target IN ('page', 'person')),
    ref    TEXT NOT NULL,
    page   INTEGER
) STRICT;

CREATE TRIGGER mention_page_insert AFTER INSERT ON document_pages BEGIN
    INSERT INTO mention_queue (target, ref, page) VALUES ('page', NEW.document_id, NEW.page);
END;
CREATE TRIGGER mention_page_update AFTER UPDATE OF text ON document_pages BEGIN
    INSERT INTO mention_queue (target, ref, page) VALUES ('page', NEW.document_id, NEW.page);
END;
CREATE TRIGGER mention_identity_insert AFTER INSERT ON person_identity BEGIN
    INSERT INTO mention_queue (target, ref) VALUES ('person', NEW.person_id);
END;
CREATE TRIGGER mention_identity_update AFTER UPDATE OF legal_name, aliases, a_number ON person_identity
WHEN OLD.legal_name IS NOT NEW.legal_name OR OLD.aliases IS NOT NEW.aliases OR OLD.a_number IS NOT NEW.a_number
BEGIN
    INSERT INTO mention_queue (target, ref) VALUES ('person', NEW.person_id);
END;

-- A page on which a person's legal name, an alias or the A-number was
-- found. Never the text that matched: which kind of variant matched, and
-- where. Read only by accounts that may see the person's identity, each
-- read audited as an identity read.
CREATE TABLE person_mentions (
    id          INTEGER PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id),
    page        INTEGER NOT NULL CHECK (page >= 1),
    kind        TEXT NOT NULL CHECK (kind IN ('legal_name', 'alias', 'a_number')),
    found_at    TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'dismissed')),
    reviewed_by TEXT,
    reviewed_at TEXT,
    UNIQUE (person_id, document_id, page, kind)
) STRICT;
CREATE INDEX person_mentions_status ON person_mentions(status, person_id);
CREATE INDEX person_mentions_page ON person_mentions(document_id, page);

-- Everyone stored before this migration is scanned once against every page.
INSERT INTO mention_queue (target, ref) SELECT 'person', person_id FROM person_identity;
