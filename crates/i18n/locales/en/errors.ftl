# Errors of the use cases (crates/app/src/error.rs), shared by every front end.
# $kind is a record kind code: person, group, event, document, page,
# foia-request, user, watchlist, watchlist-hit, mention, excerpt, case, testimony, import, token.

error-unknown-reference = { $field }: there is no { $kind ->
    [person] person
    [group] group
    [event] event
    [document] document
    [page] page
    [foia-request] FOIA request
    [user] user
    [watchlist] watchlist
    [watchlist-hit] watchlist hit
    [mention] mention
    [excerpt] excerpt
    [case] case
    [testimony] testimony
    [import] spreadsheet import
   *[token] API token
} { $id }
error-record-not-found = { $kind ->
    [person] person
    [group] group
    [event] event
    [document] document
    [page] page
    [foia-request] FOIA request
    [user] user
    [watchlist] watchlist
    [watchlist-hit] watchlist hit
    [mention] mention
    [excerpt] excerpt
    [case] case
    [testimony] testimony
    [import] spreadsheet import
   *[token] API token
} { $id } not found
error-wrong-key = wrong passphrase or recovery key (nothing was changed)
error-conflict = The change conflicts with what the vault holds now. Reload the page and try again.
error-not-a-vault = { $path } is not a Testimonio vault.
error-vault-exists = { $path } already exists and is not empty.
error-key-file = { $path }: the key file is damaged or of an unknown version.
# $reason is the system's code for the failure (e.g. permission denied).
error-io = { $path }: { $reason }
error-backup = Backup { $path }: { $problem }
error-at-record = { $location }: { $reason }

## The vault's rules
refusal-actor-name = An actor name is 1 to 100 printable characters.
refusal-username-format = A username is 3 to 32 lowercase letters, digits, “.”, “_” or “-”, starting with a letter.
refusal-password-too-short = A password has at least { $min } characters.
refusal-passphrase-too-short = The passphrase must have at least { $min } characters.
refusal-recovery-key-format = A recovery key is 32 letters and digits in groups of four.
refusal-kdf-below-minimum = The key derivation parameters are below the accepted minimum.
refusal-token-too-long = A token lasts at most { $days }.
# $field: name, query or purpose.
refusal-watchlist-field-empty = The watchlist's { $field ->
    [name] name
    [query] query
   *[purpose] purpose
} is empty.
refusal-hit-not-on-page = Hit { $hit } is in an event narrative: only document pages are excerpted.
refusal-not-a-passage = Characters { $start }–{ $end } are not a passage of page { $page } ({ $chars } characters).
refusal-no-csv-files = { $dir } holds none of groups.csv, people.csv, events.csv.
refusal-csv-field-count = { $path }: a line has { $found } fields where the header has { $expected }.
refusal-csv-not-utf8 = { $path } is not valid UTF-8.
refusal-csv-not-csv = { $path } is not valid CSV.
refusal-path-not-utf8 = { $path }: the path is not UTF-8.

## Conflicts with what the vault holds
conflict-username-taken = The username { $username } is taken.
# $status: accepted or dismissed.
conflict-hit-reviewed = Hit { $hit } was already { $status ->
    [accepted] accepted
   *[other] dismissed
}.
conflict-hit-unknown = Hit { $hit } is unknown or already reviewed.
conflict-page-gone = Page { $page } of { $document } is gone.
conflict-mention-reviewed = Mention { $mention } was already reviewed.

## Why a backup was refused ($entry is an archive entry's name, quoted)
backup-not-an-archive = not a backup archive
backup-damaged = the archive is damaged
backup-no-manifest = no manifest (it must be the first entry)
backup-bad-manifest = the manifest is unreadable
backup-unsupported = unsupported backup format { $format } version { $version }
backup-unsafe-entry = entry { $entry }: an absolute path, a `..` or a name a backup never holds
backup-not-a-file = entry { $entry }: not a regular file (a link, a device or a directory)
backup-not-listed = entry { $entry } is not listed in the signed manifest
backup-duplicate = entry { $entry } appears twice
backup-missing = { $entry } is listed in the manifest but missing from the archive
backup-mismatch = { $entry } does not match the manifest
backup-not-authentic = the manifest is not authentic (altered, or from another vault)
backup-fails-check = the restored vault fails its check: { $faults }
api-body-field-wrong-type = This field has the wrong type.
