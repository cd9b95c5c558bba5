# Redacted, Bates-stamped copies of outgoing exhibits.

domain-problem-out-of-range = must be between 1 and { $max }
domain-problem-not-redactable = only a PDF can be redacted
domain-problem-redaction-leak = the check of the copy still reads a redacted word (or a near variant) on page { $page } { $via ->
        [metadata] in its metadata
       *[text] in its text
    }; redact every occurrence (a search) or a larger area. The copy was not stored.
domain-allowed-bates-prefix = A-Z, 0-9, - and _, 1 to 20 characters, a letter or digit first
conflict-bates-taken = Bates numbers of { $prefix } were given to another copy meanwhile; try again.
redaction-query-problem = search { $number }: { $problem }

cli-about-document-redact = Make a redacted copy of a stored PDF for an outgoing exhibit: the pages rasterized, the chosen words, regions and search matches burned in black, read again by OCR, rebuilt without metadata, and stamped with Bates numbers. The copy is checked (no redacted word readable) before it is stored with its own hash; the original never changes.
cli-arg-redact-id = The document (a PDF) to copy.
cli-arg-redact-bates-prefix = Bates prefix (A-Z, 0-9, - and _): pages are numbered PREFIX-000001 onward, continuing across every copy with this prefix.
cli-arg-redact-match = Redact every match of this search (the search language) in the copied pages; repeatable.
cli-arg-redact-words = Redact words of a page by their index (from 0) among its placed words, as the page view numbers them: PAGE:I,I…; repeatable.
cli-arg-redact-region = Redact a region of a page, its corners as fractions of the page's width and height from the top left: PAGE:x0,y0,x1,y1; repeatable.
cli-arg-redact-pages = Copy only these pages of the original: N or FIRST-LAST (all by default).
cli-arg-redact-jobs = Pages made at once (default: one per core).
cli-value-page-words = PAGE:I,…
cli-value-page-region = PAGE:X0,Y0,X1,Y1
cli-redact-bad-value = { $option } { $value }: not a value this option takes (see --help).
cli-redact-stored = Stored the redacted copy { $copy } (Bates { $first } to { $last }), SHA-256 { $sha256 }.
cli-redact-counts = Redacted: { $words ->
        [one] one word
       *[other] { $words } words
    } picked, { $regions ->
        [one] one region
       *[other] { $regions } regions
    }, { $matches ->
        [one] one search match
       *[other] { $matches } search matches
    }.
cli-redact-original = Original { $original } unchanged, SHA-256 { $sha256 }.

redact-link = Make a redacted, Bates-stamped copy…
redact-title = Redacted copy
redact-hint = Choose what to redact: tick words, click two corners of a region on the page, or give a search whose every match is redacted; then preview. The copy is rasterized, burned, read again, stripped of metadata and stamped with Bates numbers; it is checked before it is stored, and the original never changes.
redact-corner-set = First corner set: click the opposite corner.
redact-pick-alt = The page: click two corners of a region to redact
redact-chosen = Chosen on this page: { $words ->
        [one] one word
       *[other] { $words } words
    }, { $regions ->
        [one] one region
       *[other] { $regions } regions
    }, { $matches ->
        [one] one search match
       *[other] { $matches } search matches
    }.
redact-query = Redact every match of this search:
redact-prefix = Bates prefix:
redact-scope = The copy holds
redact-scope-page = this page
redact-scope-all = every page of the document
redact-words = Words on this page ({ $count })
redact-preview = Preview
redact-clear = Start again
redact-make = Make the copy
documents-act-redacted-copy-made = redacted copy made
documents-act-redacted-from = redacted copy of
