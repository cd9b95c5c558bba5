-- Testimonio vault schema, version 11: spreadsheet imports and where each
-- imported record came from. Released: never edit this file.

-- One spreadsheet import: a web wizard's draft (the uploaded sheet in the
-- encrypted blob store, the profile as it is being made), a dry run, or a
-- finished import with its report.
CREATE TABLE imports (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    -- The file's name as given (it can say who: kept in the encrypted db).
    source_name TEXT NOT NULL,
    -- The sheet's bytes in the blob store (web uploads), by SHA-256.
    source_blob TEXT,
    profile     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('draft', 'checked', 'imported')),
    -- The last dry run's or the import's report (JSON).
    report      TEXT
) STRICT;

-- The row of an import a record was written from, with the original text
-- of the row's mapped cells (JSON: header → cell), so that what the
-- spreadsheet said stays beside what it was read as.
CREATE TABLE import_rows (
    record_kind TEXT NOT NULL CHECK (record_kind IN ('group', 'person', 'event')),
    record_id   TEXT NOT NULL,
    import_id   TEXT NOT NULL REFERENCES imports(id),
    row_number  INTEGER NOT NULL,
    cells       TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id, import_id)
) STRICT;
CREATE INDEX import_rows_import ON import_rows(import_id, row_number);

-- Mapping profiles saved by name, to reuse (TOML, see the import's
-- profile format).
CREATE TABLE import_profiles (
    name       TEXT PRIMARY KEY,
    profile    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) STRICT;
