-- Evidence ingest: where a document came from, how far text extraction
-- got, and the text of every page. Released: never edit this file; add a
-- new migration instead.

ALTER TABLE documents ADD COLUMN parent_id TEXT REFERENCES documents(id);
ALTER TABLE documents ADD COLUMN attachment_name TEXT;
ALTER TABLE documents ADD COLUMN source_kind TEXT;
ALTER TABLE documents ADD COLUMN custodian TEXT;
ALTER TABLE documents ADD COLUMN obtained_on TEXT;
-- stored | ok | partial | failed (testimonio_domain::ExtractionStatus)
ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'stored';
ALTER TABLE documents ADD COLUMN status_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN title TEXT;
-- JSON object: email headers and the like.
ALTER TABLE documents ADD COLUMN metadata TEXT;
-- The tools and versions that produced the page text.
ALTER TABLE documents ADD COLUMN extracted_with TEXT;
CREATE INDEX documents_parent ON documents(parent_id);

-- Who held the document before it reached the vault, as stated at intake.
ALTER TABLE custody_events ADD COLUMN custodian TEXT;

CREATE TABLE document_pages (
    document_id  TEXT NOT NULL REFERENCES documents(id),
    page         INTEGER NOT NULL CHECK (page >= 1),
    -- text_layer | ocr | email | plain | html | none (testimonio_domain::TextMethod)
    method       TEXT NOT NULL,
    text         TEXT NOT NULL,
    -- Mean OCR word confidence, 0-100.
    confidence   REAL,
    bates        TEXT,
    image_width  INTEGER,
    image_height INTEGER,
    -- OCR word boxes, JSON: [[left, top, width, height, confidence, "word"], ...]
    -- in pixels of an image image_width x image_height.
    words        TEXT,
    problem      TEXT,
    PRIMARY KEY (document_id, page)
) STRICT;
