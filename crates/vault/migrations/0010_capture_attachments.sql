-- Testimonio vault schema, version 10: where and when a photo was taken,
-- and originals attached to records. Released: never edit this file.

-- What a camera wrote into a photo (EXIF): evidence, and as identifying as
-- an address. Kept apart from `documents` (which every role lists) so that
-- no listing reads it; each read is an audited act.
CREATE TABLE document_capture (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    -- As the camera wrote it (local time, no zone unless OffsetTime was
    -- set): "2026-11-30T09:41:07" or "2026-11-30T09:41:07-05:00".
    captured_at TEXT,
    latitude    REAL CHECK (latitude BETWEEN -90 AND 90),
    longitude   REAL CHECK (longitude BETWEEN -180 AND 180),
    altitude    REAL,
    device      TEXT
) STRICT;

-- Originals attached to an event, a person, a testimony or a case (the
-- page a file was uploaded from, or a later link).
CREATE TABLE attachments (
    owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('event', 'person', 'testimony', 'case')),
    owner_id    TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    attached_at TEXT NOT NULL,
    attached_by TEXT NOT NULL,
    PRIMARY KEY (owner_kind, owner_id, document_id)
) STRICT;
CREATE INDEX attachments_document ON attachments(document_id);
