-- Testimonio vault schema, version 14: a document's own date.
-- Released: never edit this file.

-- The day the document was written, filed or sent, as ingest read it
-- from the document, and where (testimonio_domain::DateSource codes:
-- email_header, court_stamp, letter_date, pdf_metadata). NULL when none
-- was found, and for documents ingested before these columns existed.
-- A FOIA production's received day is not copied here: it is read from
-- foia_productions when the document has no date of its own.
ALTER TABLE documents ADD COLUMN own_date TEXT;
ALTER TABLE documents ADD COLUMN own_date_source TEXT;

CREATE TRIGGER index_document_own_date AFTER UPDATE OF own_date ON documents BEGIN
    INSERT INTO index_queue (target, ref) VALUES ('document', NEW.id);
END;

-- Search filters by the document's date, now falling back to its FOIA
-- production's: documents in a production are indexed again once.
INSERT INTO index_queue (target, ref)
    SELECT DISTINCT 'document', document_id FROM foia_productions;
