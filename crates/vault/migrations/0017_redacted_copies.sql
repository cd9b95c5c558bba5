-- Testimonio vault schema, version 17: redacted, Bates-stamped copies of
-- outgoing exhibits.
-- Released: never edit this file.

-- The next Bates number of each prefix: numbers are given in the
-- transaction that records the copy stamped with them, so no number is
-- given twice across the vault's productions.
CREATE TABLE bates_counters (
    prefix TEXT PRIMARY KEY,
    next   INTEGER NOT NULL CHECK (next >= 1)
) STRICT;

-- A redacted copy (itself a document, with its own hash and pages) and
-- the original it was made from; what was redacted as boxes, kinds and
-- query fingerprints (JSON), never the redacted text.
CREATE TABLE redacted_copies (
    copy_id     TEXT PRIMARY KEY REFERENCES documents(id),
    original_id TEXT NOT NULL REFERENCES documents(id),
    prefix      TEXT NOT NULL,
    bates_first INTEGER NOT NULL,
    bates_last  INTEGER NOT NULL CHECK (bates_last >= bates_first),
    made_at     TEXT NOT NULL,
    made_by     TEXT NOT NULL,
    redactions  TEXT NOT NULL
) STRICT;
CREATE INDEX redacted_copies_original ON redacted_copies(original_id);
CREATE UNIQUE INDEX redacted_copies_bates ON redacted_copies(prefix, bates_first);
