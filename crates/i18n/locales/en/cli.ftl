# cli: messages of the cli slice (see ARCHITECTURE.md, "One message catalog").

## --help: headings and the notes clap would write in English (help.rs)
cli-help-usage = Usage:
cli-help-commands = Commands
cli-help-command-value = COMMAND
cli-help-options-value = OPTIONS
cli-help-arguments = Arguments
cli-help-options = Options
# $values: the accepted values, joined with commas.
# Placeholders of option values (help.rs, value_name).
cli-value-dir = DIR
cli-value-path = PATH
cli-value-file = FILE
cli-value-date = DATE
cli-value-number = N
cli-value-mib = MIB
cli-value-mb = MB
cli-value-days = DAYS
cli-value-seconds = SECONDS
cli-value-id = ID
cli-value-username = USERNAME
cli-value-name = NAME
cli-value-query = QUERY
cli-value-address = ADDRESS
cli-value-range = RANGE
cli-value-text = TEXT
cli-value-code = CODE
cli-help-values = Values: { $values }.
cli-help-default = Default: { $value }.
# $name: an environment variable.
cli-help-env = Or set { $name }.

## Commands and arguments (help.rs; `cli-about-PATH`, `cli-arg-[PATH-]ID`)
cli-about = Encrypted documentation and evidence for immigrant-rights groups.
cli-about-init = Create a new vault.
cli-about-passwd = Change the passphrase (nothing is re-encrypted).
cli-about-import = Import a spreadsheet (CSV, TSV, XLSX, ODS) through a mapping profile, or JSON Lines, or a CSV directory. Idempotent: importing again updates instead of duplicating.
cli-about-export = Export everything, identities included (audited).
cli-about-events = Events.
cli-about-events-list = List events, oldest first.
cli-about-people = People (pseudonyms only).
cli-about-people-list = List people by pseudonym (no identity fields).
cli-about-person = One person.
cli-about-person-show = Show one person with identity fields (audited).
cli-about-person-mentions = The pages that mention a person by legal name, alias or A-number (audited as an identity read); without an id, every mention waiting for review.
cli-about-document = Original files.
cli-about-document-add = Store an original file (byte-exact, hashed, deduplicated).
cli-about-document-get = Write an original back out, verifying its hash (audited).
cli-about-document-show = Metadata, pages, status and chain of custody.
cli-about-document-text = The text of one page (audited).
cli-about-search = Search every document page and event narrative (see `testimonio search --help` for the query language).
cli-about-reindex = Rebuild the search index from the vault.
cli-about-packet = One person's case packet (internal): timeline, sources, excerpts by exhibit and page, a manifest of SHA-256 hashes. Reads the identity (audited).
cli-about-watchlist = Saved queries re-run after every ingest; their new hits wait for review.
cli-about-watchlist-add = Save a query (it runs at once, then after every ingest).
cli-about-watchlist-list = The watchlists with their pending hits.
cli-about-watchlist-run = Run every active watchlist now.
cli-about-watchlist-hits = Hits waiting for review (newest first).
cli-about-watchlist-accept = Accept a hit: the sentence around its match becomes an excerpt.
cli-about-watchlist-dismiss = Dismiss a hit.
cli-about-excerpt = Exact passages of document pages, tagged and linked to events and people.
cli-about-excerpt-add = Record a passage: document, page and character range.
cli-about-excerpt-list = Excerpts, by event, person, document or tag.
cli-about-ingest = Ingest evidence: originals with the text of every page (PDF text layer or OCR, images, email, HTML, text). Exit status 4 when some file was not read completely.
cli-about-documents = Stored documents.
cli-about-documents-list = List stored documents.
cli-about-check = Check the database, every blob's hash and the audit chain.
cli-about-audit = The audit log.
cli-about-audit-log = Show the newest entries and verify the chain.
cli-about-audit-fingerprint = The fingerprint of a search query, as `search` entries of the audit log record it (the log never holds the query itself).
cli-about-backup = Write an encrypted backup file.
cli-about-restore = Restore a backup into a new vault (verified).
cli-about-vocabulary = The event-type vocabulary.
cli-about-key = Keys.
cli-about-key-age-identity = Print the age identity that decrypts the blob store with the stock `age` tool (audited).
cli-about-demo = Create a vault filled with fictional demo data and serve it.
cli-about-analyze = Pattern analysis: timing of enforcement after protected activity, a test against chance, spread over offices and states.
cli-about-report = Write a pattern report (HTML or PDF) for one audience, with small counts suppressed and only what consent allows (audited). Its language is --lang.
cli-about-user = Accounts for the web app.
cli-about-user-add = Create an account.
cli-about-user-passwd = Set an account's password: ends its web sessions, revokes its API tokens, lifts its login and second-factor delays.
cli-about-user-disable = Disable an account: its web sessions end at once, its API tokens stop working.
cli-about-user-enable = Enable a disabled account.
cli-about-user-list = List accounts.
cli-about-user-token = Issue an API token for an account (shown once); with --list, list its tokens; with --revoke ID, revoke one.
cli-about-serve = Unlock the vault and serve the web app.
cli-about-foia = FOIA requests and their statutory deadlines.
cli-about-foia-add = Record a request.
cli-about-foia-list = List requests with their next deadline.
cli-about-foia-show = One request with every computed date and how it was computed.
cli-about-foia-update = Change a request: status, dates, tolling, extension, determination, appeal.
cli-about-foia-link = Link a production (a stored document, with its Bates range) or an event to a request.
cli-about-foia-calendar = Every deadline as an iCalendar (RFC 5545) file.
cli-about-foia-letter = A request or appeal letter, as editable text.
cli-arg-vault = The vault directory.
cli-arg-passphrase-file = Read the passphrase from this file instead of asking.
cli-arg-lang = Language of messages: en or es (by default from LC_ALL or LANG).
cli-arg-json = Machine-readable output.
cli-arg-help = Print this help.
cli-arg-version = Print the version.
cli-arg-recovery = Unlock with the recovery key (asked for) instead of the passphrase.
cli-arg-recovery-key-file = Unlock with the recovery key read from this file.
cli-arg-init-kdf-memory-mib = Argon2id memory in MiB (default 64; lower only for tests).
cli-arg-init-kdf-passes = Argon2id passes.
cli-arg-passwd-new-passphrase-file = Read the new passphrase from this file instead of asking.
cli-arg-import-file = A spreadsheet (.csv, .tsv, .xlsx, .ods), a .jsonl file, `-` for JSON Lines on standard input, or a directory with groups.csv, people.csv, events.csv.
cli-arg-export-format = Format: jsonl (canonical, lossless), csv (canonical, a directory), xlsx (an Excel workbook in the language of --lang, with sheets of events, people and groups) or sheet-csv (the events sheet alone as one CSV for Excel, in the language of --lang).
cli-arg-export-out = Output file (jsonl: default standard output; xlsx and sheet-csv: required) or directory (csv; required).
cli-arg-events-list-kind = protected_activity or enforcement_action.
cli-arg-events-list-event-type = A vocabulary code (see `testimonio vocabulary`).
cli-arg-events-list-state = USPS state code.
cli-arg-events-list-field-office = ICE ERO field office code.
cli-arg-events-list-group = Only those of this group.
cli-arg-events-list-person = Only those of this person.
cli-arg-events-list-from = From this day (YYYY-MM-DD).
cli-arg-events-list-to = Up to this day (YYYY-MM-DD).
cli-arg-events-list-verification = reported, corroborated or documented.
cli-arg-events-list-limit = At most this many.
cli-arg-events-list-offset = How many to skip from the start.
cli-arg-people-list-consent = Only people whose consent today is at least this level.
cli-arg-person-show-id = The id.
cli-arg-person-mentions-id = The person's id (none: every person's mentions waiting for review).
cli-arg-person-mentions-all = Reviewed mentions too.
cli-arg-document-add-files = The files to store.
cli-arg-document-text-id = The id.
cli-arg-search-query = Words (in any of their forms), "phrases", "phrase"~5, a NEAR/5 b, prefix*, name~1 or name~2, AND / OR / NOT / -word (in Spanish Y / O / NO / CERCA/5, in capitals), parentheses, exact:"José Peña" (only that form), and filters kind: source: foia: doc: date:2017..2019 person: group: lang:
cli-arg-search-limit = Results per page.
cli-arg-demo-documents = Also ingest these real documents (files or folders), so that the documents, search and watchlist pages have something to show.
cli-arg-packet-person = The person's id.
cli-arg-packet-out = The file to write.
cli-arg-packet-format = pdf or html.
cli-arg-packet-exhibits-dir = Also write the cited originals here, as "Exhibit NN - name" (byte-exact, audited).
cli-arg-watchlist-add-name = A short name.
cli-arg-audit-fingerprint-query = The query, as it was searched.
cli-arg-watchlist-add-query = The query (same language as `testimonio search`).
cli-arg-watchlist-add-purpose = Why this is watched.
cli-arg-watchlist-hits-watchlist = Only this watchlist's.
cli-arg-watchlist-hits-all = Reviewed hits too.
cli-arg-watchlist-hits-limit = At most this many.
cli-arg-watchlist-accept-hit = The hit's number.
cli-arg-watchlist-accept-tag = A tag (animus, surveillance, protest_monitoring, targeting_leader, …); repeatable.
cli-arg-watchlist-accept-event = An event the passage is evidence for; repeatable.
cli-arg-watchlist-accept-person = A person the passage is about; repeatable.
cli-arg-excerpt-add-document = The document's id.
cli-arg-excerpt-add-page = Page number, from 1.
cli-arg-excerpt-add-from = First character of the passage in the page text (from 0).
cli-arg-excerpt-add-to = Character after the passage's last.
cli-arg-excerpt-add-note = A note.
cli-arg-excerpt-list-event = Only those linked to this event.
cli-arg-excerpt-list-person = Only those linked to this person.
cli-arg-excerpt-list-document = Only those of this document.
cli-arg-excerpt-list-tag = Only those with this tag.
cli-arg-search-offset = Results to skip (for the next pages).
cli-arg-document-text-page = Page number, from 1.
cli-arg-ingest-paths = Files and folders (read recursively).
cli-arg-ingest-source-kind = foia_production, court_record, email, photo, interview, news or other.
cli-arg-ingest-foia = The FOIA request these documents answer (`testimonio foia list`).
cli-arg-documents-list-foia = Only documents produced under this FOIA request.
cli-arg-documents-list-status = stored, ok, partial or failed.
cli-arg-ingest-custodian = Who held the files before they reached the vault.
cli-arg-ingest-obtained-on = The day the files were obtained (YYYY-MM-DD).
cli-arg-ingest-bates-prefix = The Bates prefix stamped on the pages (e.g. "ICE 2024-ICLI").
cli-arg-ingest-ocr-lang = OCR languages, Tesseract codes joined by + (--lang sets the language of messages).
cli-arg-ingest-jobs = Files read and OCR processes run at once (default: one per core).
cli-arg-ingest-file-timeout = Seconds one file may take, OCR and attachments included.
cli-arg-document-get-out = The file to write.
cli-arg-audit-log-limit = How many entries to show.
cli-arg-backup-out = The backup file to write.
cli-arg-restore-backup = The backup file.
cli-arg-foia-add-agency = ice, cbp, uscis, dhs, eoir, doj, fbi, dos, …
cli-arg-foia-add-subject = The subject of the request.
cli-arg-foia-add-received = The day the proper component received the request (YYYY-MM-DD).
cli-arg-foia-add-sent = The day it was sent.
cli-arg-foia-add-tracking = The agency's tracking number.
cli-arg-foia-add-component = The component (e.g. ICE FOIA Office).
cli-arg-foia-add-expedited = Expedited processing was requested.
cli-arg-foia-add-id = An id for the request (default: generated).
cli-arg-foia-list-overdue = Only requests with an overdue deadline.
cli-arg-foia-list-due-within = Only requests with a deadline within this many days.
cli-arg-foia-show-id = The request's id.
cli-arg-foia-update-status = drafted, submitted, acknowledged, clarification_requested, fee_dispute, processing, …
cli-arg-foia-update-perfected = The day the agency deemed the request perfected.
cli-arg-foia-update-toll = A tolling period: KIND:FROM[..TO], KIND clarification or fee_dispute.
cli-arg-foia-update-extension-notified = The day the agency notified an unusual-circumstances extension.
cli-arg-foia-update-determination = The agency's determination: OUTCOME:DATE (e.g. partial_release:2025-03-01).
cli-arg-foia-update-appeal-filed = The day an administrative appeal was filed.
cli-arg-foia-update-appeal-received = The day the agency received the appeal.
cli-arg-foia-update-appeal-decided = The day the appeal was decided.
cli-arg-foia-update-note = A communication: DATE:in|out:SUMMARY.
cli-arg-foia-calendar-out = The file to write.
cli-arg-foia-link-id = The request's id.
cli-arg-foia-link-document = A stored document's id (`testimonio documents list`).
cli-arg-foia-link-bates = The production's Bates range: FIRST..LAST.
cli-arg-foia-link-received = The day the production arrived (YYYY-MM-DD).
cli-arg-foia-link-event = An event's id.
cli-arg-foia-letter-out = Output file; `.pdf` writes a PDF, anything else plain text.
cli-arg-foia-letter-kind = request or appeal.
cli-arg-foia-letter-signatory = Name to sign the letter with.
cli-arg-demo-events = Scale the demo to this many events (default 400).
cli-arg-demo-addr = Address to serve the web app on.
cli-arg-demo-no-serve = Create the vault and print what it holds, without serving it.
cli-arg-serve-secure-cookies = Mark cookies Secure (when a TLS proxy is in front).
cli-arg-serve-max-upload-mb = Largest file an upload may carry, in MB.
cli-arg-serve-max-request-mb = Largest upload request (all its files together), in MB.
cli-arg-serve-trusted-proxies = A reverse proxy in front of the server (an IP address or a CIDR network; repeatable): from it, the client is the last address in X-Forwarded-For that is not itself a trusted proxy, and per-address limits count that client. From any other peer the header is ignored.
cli-arg-user-token-label = What the token is for.
cli-arg-user-token-expires-in = Days until the new token expires (1 to 3650).
cli-arg-user-token-list = List the account's tokens: id, issued, expires, last used, status (never the tokens themselves).
cli-arg-user-token-revoke = Revoke the token with this id (see --list): it stops working at once.
cli-arg-user-add-role = admin, coordinator, documenter, analyst or viewer.
cli-arg-user-add-password-file = Read the password from this file instead of asking.
cli-arg-analyze-audience = internal, coalition or public: only people whose consent allows it are counted; for coalition and public, small counts are suppressed.
cli-arg-analyze-min-count = Counts of fewer people than this are suppressed (coalition, public).
cli-arg-analyze-permutations = Permutations of the test against chance.
cli-arg-analyze-seed = Seed of the test against chance (the same seed, the same p-value).
cli-arg-report-format = pdf or html.
cli-arg-report-out = The file to write.
cli-arg-report-max-cases = At most this many case vignettes.
cli-arg-operator = Act under this name in the audit log (cli:NAME) instead of the name given at init.
cli-arg-init-name = Your name, recorded as the vault's creator and the actor of your later commands (asked when omitted on a terminal).
cli-arg-user-add-username = The account's username.

## A command line clap refuses (usage.rs); exit status 2
# $arg: an option as typed (--role); $value: what was given.
cli-usage-invalid-value = { $value } is not a valid value for { $arg }.
cli-usage-value-required = { $arg } needs a value.
cli-usage-unknown-argument = Unexpected argument { $arg }.
cli-usage-unknown-command = Unknown command { $command }.
cli-usage-no-equals = { $arg } needs a value after “=”.
cli-usage-number-of-values = { $arg } was given the wrong number of values.
cli-usage-conflict = { $arg } cannot be used with { $other }.
cli-usage-missing = Missing: { $args }.
cli-usage-missing-command = A command is needed.
cli-usage-not-utf8 = An argument is not valid UTF-8.
cli-usage-other = The command line could not be read.
cli-usage-valid-values = Accepted values: { $values }.
cli-usage-did-you-mean = Did you mean { $suggestion }?
cli-usage-hint = For the commands and their options, run testimonio --help.

## What every command may say (context.rs)
cli-error-option = --{ $option }: { $reason }
# $reason: why the file could not be read or written (cli-io-*).
cli-error-io = { $path }: { $reason }
cli-error-no-vault = No vault given: use --vault DIR or set TESTIMONIO_VAULT.
cli-error-passphrase-file = { $path }: cannot read the passphrase file: { $reason }
cli-error-no-terminal = No passphrase: use --passphrase-file or TESTIMONIO_PASSPHRASE_FILE when not on a terminal.
cli-error-terminal = Cannot read from the terminal: { $reason }
cli-error-passphrases-differ = The passphrases differ.
cli-io-not-found = no such file or directory
cli-io-permission-denied = permission denied
cli-io-already-exists = it already exists
cli-io-is-a-directory = it is a directory
cli-io-not-a-directory = it is not a directory
cli-io-invalid-data = the content is not valid
# $reason: the operating system's own description, in English.
cli-io-other = { $reason }
cli-prompt-passphrase = Passphrase:
cli-prompt-new-passphrase = New passphrase:
cli-prompt-repeat-passphrase = Repeat the passphrase:
cli-prompt-recovery-key = Recovery key:
cli-prompt-operator-name = Your name (recorded in the audit log as the vault's creator):

## init, passwd, check, audit, backup, restore (commands/vault.rs)
cli-vault-created = Vault created in { $path } by { $name }.
cli-vault-recovery-key = Recovery key (shown only now; write it down and keep it apart from the passphrase):
cli-vault-passphrase-changed = Passphrase changed.
# $fault, $note: the vault's technical finding (a path, a hash, a table).
cli-check-fault = FAULT: { $fault }
cli-check-note = note: { $note }
cli-check-summary = Checked { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
} and { $entries ->
    [one] { $entries } audit entry
   *[other] { $entries } audit entries
}.
cli-check-ok = OK: no faults.
cli-check-failed = The check found { $count ->
    [one] { $count } fault
   *[other] { $count } faults
}.
# $head: the hash of the newest entry.
cli-audit-summary = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}; head: { $head }
# $first, $last: numbers of audit entries.
cli-audit-missing = { $count ->
    [one] audit entry { $first } is missing
   *[other] audit entries { $first } to { $last } are missing
}
cli-audit-altered = audit entry { $seq } was altered
cli-audit-broken-link = audit entry { $seq } does not follow the entry before it
cli-audit-broken = The audit chain is broken.
# $size: a file size (format::file_size).
cli-backup-written = Backup written to { $path } ({ $files ->
    [one] { $files } file
   *[other] { $files } files
}, { $size }).
cli-restore-done = Restored and verified into { $path }: { $people ->
    [one] { $people } person
   *[other] { $people } people
}, { $events ->
    [one] { $events } event
   *[other] { $events } events
}, { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}.

## serve (commands/web.rs)
cli-serve-listening = Serving on { $url }
cli-serve-cannot-start = Cannot start the server: { $reason }
cli-serve-failed = { $addr }: { $reason }
# $value: what was given, in quotes.
cli-serve-bad-proxy = --trusted-proxy { $value }: expected an IP address or a network such as 10.0.0.0/8

## demo (commands/demo.rs)
cli-demo-no-directory = Cannot create a directory: { $reason }
cli-demo-progress-records = records:
cli-demo-invalid-records = The demo generator produced { $count ->
    [one] { $count } invalid record
   *[other] { $count } invalid records
} (a bug).
cli-demo-title = Testimonio demo vault (all data is fictional)
cli-demo-vault = vault: { $path }
cli-demo-documents = real public documents ingested: { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} (search them in the web app)
cli-demo-passphrase = passphrase: { $passphrase }
cli-demo-counts = { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
}, { $people ->
    [one] { $people } person
   *[other] { $people } people
}, { $events ->
    [one] { $events } event
   *[other] { $events } events
} ({ $protected ->
    [one] { $protected } protected activity
   *[other] { $protected } protected activities
}, { $enforcement ->
    [one] { $enforcement } enforcement action
   *[other] { $enforcement } enforcement actions
})
cli-demo-latest-events = Latest events:
cli-demo-accounts = Demo accounts (username / password):
cli-demo-web-app = Web app: { $url }
cli-demo-stop = Press Ctrl-C to stop.
cli-demo-try = Try:
cli-demo-passphrase-file = a file holding the passphrase

## person add / person edit
cli-about-person-add = Record a new person under a pseudonym, with the consent they give (audited).
cli-about-person-edit = Change a person's fields; what is not given is kept, an empty value clears it (audited).
cli-arg-person-pseudonym = The name the person is known by in the vault and every report.
cli-arg-person-consent = The consent given: a level code (see `testimonio vocabulary`).
cli-arg-person-consent-given = The day the consent was given.
cli-arg-person-add-id = The id (default: a new one).
cli-arg-person-legal-name = Legal name (sensitive).
cli-arg-person-alias = Another name the person goes by (sensitive); repeatable.
cli-arg-person-contact = How to reach the person (sensitive).
cli-arg-person-a-number = A-number (sensitive).
cli-arg-person-immigration-status = Immigration status (sensitive).
cli-arg-person-address = Address (sensitive).
cli-arg-person-birth-year = Year of birth.
cli-arg-person-group = A group the person belongs to, by id; repeatable.
cli-arg-import-dry-run = Check a spreadsheet without storing anything: what would be created, updated and refused, row by row.
cli-arg-import-profile = The mapping profile: a TOML file, or the name of a profile saved in the vault.
cli-arg-import-save-profile = Save the profile used: to a file (a path or a name ending in .toml) or in the vault under a name.
cli-arg-import-accept-suggestions = Import with the suggested profile (check it first with --dry-run).
cli-arg-import-sheet = The workbook's sheet to import (default: the first with a header).
cli-value-name-or-file = NAME|FILE
cli-arg-import-header-row = The row the header is on, as the spreadsheet numbers it (default: found; title rows above it are skipped).

# One mention: $id its number, $place "document, page N", $kind how it was found, $status its review.
mention-cli-line = { $id }  { $pseudonym } ({ $person })  { $place }  [{ $kind }, { $status }]
