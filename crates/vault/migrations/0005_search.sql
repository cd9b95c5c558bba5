-- The search index's feed: every change to something searchable appends a
-- row, from triggers, in the same transaction as the change. The index
-- records the last row it applied (in its commit payload), so after a
-- crash it catches up from there; rows it has applied are deleted.
-- Released: never edit this file; add a new migration instead.
CREATE TABLE index_queue (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    -- page: one document page; document: every page of a document
    -- (its metadata or FOIA links changed); event: an event's narrative.
    target TEXT NOT NULL CHECK (target IN ('page', 'document', 'event')),
    ref    TEXT NOT NULL,
    page   INTEGER
) STRICT;

CREATE TRIGGER index_page_insert AFTER INSERT ON document_pages BEGIN
    INSERT INTO index_queue (target, ref, page) VALUES ('page', NEW.document_id, NEW.page);
END;
CREATE TRIGGER index_page_update AFTER UPDATE ON document_pages BEGIN
    INSERT INTO index_queue (target, ref, page) VALUES ('page', NEW.document_id, NEW.page);
END;
CREATE TRIGGER index_page_delete AFTER DELETE ON document_pages BEGIN
    INSERT INTO index_queue (target, ref, page) VALUES ('page', OLD.document_id, OLD.page);
END;
CREATE TRIGGER index_document_update AFTER UPDATE OF source_kind, obtained_on, added_at ON documents BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('document', NEW.id);
END;
CREATE TRIGGER index_production_insert AFTER INSERT ON foia_productions BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('document', NEW.document_id);
END;
CREATE TRIGGER index_production_delete AFTER DELETE ON foia_productions BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('document', OLD.document_id);
END;
CREATE TRIGGER index_event_insert AFTER INSERT ON events BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', NEW.id);
END;
CREATE TRIGGER index_event_update AFTER UPDATE ON events BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', NEW.id);
END;
CREATE TRIGGER index_event_delete AFTER DELETE ON events BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', OLD.id);
END;
CREATE TRIGGER index_event_people_insert AFTER INSERT ON event_people BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', NEW.event_id);
END;
CREATE TRIGGER index_event_people_delete AFTER DELETE ON event_people BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', OLD.event_id);
END;
CREATE TRIGGER index_event_groups_insert AFTER INSERT ON event_groups BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', NEW.event_id);
END;
CREATE TRIGGER index_event_groups_delete AFTER DELETE ON event_groups BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('event', OLD.event_id);
END;

-- Everything stored before this migration is queued once.
INSERT INTO index_queue (target, ref) SELECT 'document', id FROM documents;
INSERT INTO index_queue (target, ref) SELECT 'event', id FROM events;
