-- Testimonio vault schema, version 13: why each page's text is what it is.
-- Released: never edit this file.

-- The ingest's decision for a PDF page: its text layer kept, or the page
-- OCRed, with the reason (testimonio_domain::PageDecision codes:
-- text_layer_good, short_text_layer, no_text_layer, garbage_symbols,
-- not_language, image_page_with_stamp). NULL for pages that are not PDF
-- pages, and for pages ingested before this column existed.
ALTER TABLE document_pages ADD COLUMN decision TEXT;
