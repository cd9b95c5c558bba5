//! Evidence: ingest, documents, search, watchlists and excerpts.
