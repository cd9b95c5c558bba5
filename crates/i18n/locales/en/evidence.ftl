# evidence: messages of the evidence slice (see ARCHITECTURE.md, "One message catalog").

## The search query language (testimonio-search)
query-error-at = at character { $position }: { $problem }
query-empty = the query is empty
query-unclosed-quote = a quotation mark is not closed
query-unclosed-parenthesis = a parenthesis is not closed
query-unexpected-closing = a closing parenthesis has no opening one
query-missing-operand = { $operator } needs something to search on both sides
query-unknown-field = unknown filter "{ $field }" (known: kind, source, foia, doc, date, person, group, lang, exact)
query-empty-value = { $field }: needs a value
query-bad-date = "{ $value }" is not a date or range (2018, 2018-03, 2018-03-02, 2017..2019, ..2019)
query-bad-distance = a distance must be a whole number from 0 to 100
query-prefix-too-short = a prefix needs at least 2 letters before *
query-fuzzy-distance = fuzzy matching allows ~1 or ~2 edits
query-near-needs-words = NEAR (or CERCA) joins two words or phrases
query-only-negative = a query cannot only exclude: add something to find
query-too-deep = the query nests too deeply: at most { $max } levels of parentheses, AND, OR, NOT and -
query-too-many-terms = the query has too many terms: at most { $max } words, phrases and filters
search-could-not-run = the search could not run

## Why a file could not be ingested (testimonio-ingest)
ingest-cannot-list = the folder cannot be listed: { $problem ->
        [missing] it does not exist
        [denied] permission denied
       *[other] the system refused
    }
ingest-broken-link = broken link: its target cannot be read
ingest-not-a-file = not a regular file
ingest-cannot-read = cannot be read: { $problem ->
        [missing] it does not exist
        [denied] permission denied
       *[other] the system refused
    }
ingest-cannot-store = the original could not be stored
ingest-not-recorded = the vault could not record it
search-index-busy = Another process is updating the search index; try again when it is done.

## testimonio ingest
ingest-col-status = status
ingest-col-pages = pages
ingest-col-ocr = OCR
ingest-col-document = document
ingest-col-file = file / reason
ingest-already-stored = already in the vault
ingest-attachments = { $count ->
        [one] +1 attachment
       *[other] +{ $count } attachments
    }
ingest-summary = Files: { $ok } ok, { $partial } partial, { $failed } failed; { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $ocr } by OCR); { $duration }
ingest-not-complete = { $count ->
        [one] 1 file was not read completely; it is listed above with its reason
       *[other] { $count } files were not read completely; each is listed above with its reason
    }
ingest-obtained-on-bad = --obtained-on: "{ $value }" is not a date (YYYY-MM-DD)
ingest-ocr-lang-bad = --ocr-lang: "{ $value }" is not a list of Tesseract languages such as eng+spa
ingest-watchlists-failed = The files are in the vault, but the watchlists could not run: { $reason }
ingest-mentions-failed = The files are in the vault, but their pages could not be checked for people's names: { $reason } (they are checked at the next ingest or view of mentions).
ingest-mentions-found = { $count ->
    [one] One mention of a person by name, alias or A-number was found: see `testimonio person mentions`.
   *[other] { $count } mentions of people by name, alias or A-number were found: see `testimonio person mentions`.
}

## testimonio search, reindex
search-hit-page = page { $page }
search-hit-date = { $date } (from { $source })
search-hit-event = (event narrative)
search-results-range = results { $from }–{ $to } of { $total }
search-by-source = by source: { $facets }
search-by-year = by year: { $facets }
search-reindexed = Search index rebuilt: { $count ->
        [one] 1 page or narrative
       *[other] { $count } pages and narratives
    }

## testimonio watchlist, excerpt
watch-not-run = watchlist { $name }: not run, { $reason }
watch-new-hits = watchlist { $name }: { $count ->
        [one] 1 new hit to review
       *[other] { $count } new hits to review
    }
watch-query-error = --query: { $problem }
watch-pending = { $count } pending
watch-hit-status = { $status ->
        [pending] pending
        [accepted] accepted
       *[dismissed] dismissed
    }
excerpt-page = { $document } page { $page }

## testimonio document, documents
documents-stored = stored
documents-already-stored = already stored
documents-add-failed = failed: { $path }: { $reason }
documents-not-stored = { $count ->
        [one] 1 file could not be stored
       *[other] { $count } files could not be stored
    }
documents-written = Written to { $path } ({ $size }, hash verified).
documents-no-such-page = { $id } has no page { $page }: it has { $count ->
        [one] 1 page
       *[other] { $count } pages
    }
documents-label-status = status
documents-label-type = type
documents-label-source = source
documents-label-inside = found inside
documents-own-date = date: { $date } (from { $source })
documents-label-text-by = text by
documents-label-attachment = attachment
documents-page-line = page { $page }
documents-char-count = { $count ->
        [one] 1 character
       *[other] { $count } characters
    }
documents-page-count = { $count ->
        [one] 1 page
       *[other] { $count } pages
    }
documents-total = { $count ->
        [one] 1 document
       *[other] { $count } documents
    }

## The web's document pages
documents-page-of = Page { $page } of { $pages }
# After the count, in bold: "3 matches of QUERY".
documents-matches-of = { $count ->
        [one] match of
       *[other] matches of
    }
documents-image-alt = Image of page { $page }
# Under the page image, after the count in bold: "4 words marked on the page image".
documents-words-marked = { $count ->
        [one] word marked on the page image
       *[other] words marked on the page image
    }
documents-marks-unavailable = The matches could not be marked on the page image; they are marked in the text.

## Excerpts as event and person pages list them
excerpts-heading = Excerpts ({ $count })
excerpts-added-at = Added { $at } · { $by }
excerpts-from-watchlist = From the watchlist { $name }

## The web's search page
search-too-long = The query is too long. Most characters allowed: { $max }
# After the count, in bold: "4 documents".
documents-count = { $count ->
        [one] document
       *[other] documents
    }
documents-page-number = Page { $page }

# How a document's text was read, as the extraction recorded it when the
# file was ingested (the tools' own words, kept with the document).
evidence-extraction-detail = Technical detail, as recorded: { $detail }

## Uploads (web and API)
upload-field = Photos, recordings, videos or documents
upload-hint = You can choose several files at once. Up to { $size } per file.
upload-submit = Upload
upload-attached-title = Files
upload-attached-none = No files yet.
upload-media-photo = photo
upload-media-audio = recording
upload-media-video = video
upload-media-pdf = PDF
upload-media-email = email
upload-media-file = file
upload-result-title = Files received
upload-back = Back
upload-none-chosen = No file was chosen.
upload-summary = { $count ->
    [one] 1 file received and stored encrypted.
   *[other] { $count } files received and stored encrypted.
}
upload-summary-not = { $count ->
    [one] 1 file was not received.
   *[other] { $count } files were not received.
}
upload-pages = { $count ->
    [one] 1 page of text
   *[other] { $count } pages of text
}{ $ocr ->
    [0] {""}
    [one] {" "}(1 read by OCR)
   *[other] {" "}({ $ocr } read by OCR)
}
upload-already-there = was already in the vault
upload-file-too-large = not received: larger than the limit of { $size } per file.
upload-request-too-large = Not received: together the files are larger than the limit of { $size } per upload. Send them in several uploads.
upload-interrupted = not received: the upload was interrupted. Send it again.
upload-capture-title = Where and when it was taken
upload-capture-hint = As the camera recorded it. Shown only to roles that see identities, every reading recorded in the audit log; copies that leave the vault (exports, packet exhibits) go without it.
upload-capture-when = Taken
upload-capture-where = Position (latitude, longitude)
upload-capture-device = Camera

## People mentioned in evidence (a person's legal name, alias or A-number found in a page)
nav-mentions = Mentions
mention-heading = Mentioned in documents
mention-none = No page mentions this person yet.
mention-hint = Pages are checked for each person's legal name, aliases and A-number after every ingest and after every change to them. Only people whose identity you may see are listed, and each view is recorded in the audit log.
# $document: a document's file name or id; $page: a page number.
mention-where = { $document }, page { $page }
mention-kind-legal-name = legal name
mention-kind-alias = alias
mention-kind-a-number = A-number
mention-status-pending = waiting for review
mention-status-confirmed = confirmed
mention-status-dismissed = dismissed
mention-confirm = Confirm
mention-dismiss = Not this person
mention-queue-title = Mentions to review
mention-queue-heading = { $count ->
    [one] One mention to review
   *[other] { $count } mentions to review
}
mention-queue-none = No mention is waiting for review.
mention-column-where = Where
mention-column-kind = Found by
mention-column-review = Review
