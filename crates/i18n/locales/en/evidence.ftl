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
query-near-needs-words = NEAR joins two words or phrases
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
