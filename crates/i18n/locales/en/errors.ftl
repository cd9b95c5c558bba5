# Errors of the use cases (crates/app/src/error.rs), shared by every front end.
# $kind is a record kind code: person, group, event, document, page,
# foia-request, user, watchlist, watchlist-hit, excerpt, token.

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
    [excerpt] excerpt
   *[token] API token
} { $id }
error-record-not-found = { $kind ->
    [person] Person
    [group] Group
    [event] Event
    [document] Document
    [page] Page
    [foia-request] FOIA request
    [user] User
    [watchlist] Watchlist
    [watchlist-hit] Watchlist hit
    [excerpt] Excerpt
   *[token] API token
} { $id } was not found.
error-wrong-key = Wrong passphrase or recovery key (nothing was changed).
error-conflict = The change conflicts with what the vault holds now. Reload the page and try again.
