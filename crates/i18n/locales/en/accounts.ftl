# accounts: messages of the accounts slice (see ARCHITECTURE.md, "One message catalog").

## user: accounts of the web app and their API tokens (commands/user.rs)
accounts-prompt-password = Account password:
accounts-prompt-repeat-password = Repeat the password:
accounts-error-passwords-differ = The passwords differ.
# $role: the role's label (Coordinator, Viewer, …).
# $role: admin, coordinator, documenter, analyst or viewer.
accounts-role = { $role ->
    [admin] Administrator
    [coordinator] Coordinator
    [documenter] Documenter
    [analyst] Analyst
   *[viewer] Viewer
}
accounts-created = Account { $username } created ({ $role }).
accounts-password-set = Password set.
accounts-sessions-ended = web sessions ended: { $sessions }; API tokens revoked: { $tokens }
accounts-disabled = Account { $username } disabled.
accounts-enabled = Account { $username } enabled.
accounts-status-disabled = disabled
accounts-error-token-days = --expires-in: a token lasts from 1 to { $max } days.
# $days: a number of days (format::days).
accounts-token-issued = API token (shown only now; expires in { $days }):
accounts-token-active = active
accounts-token-expired = expired
accounts-token-revoked = revoked
accounts-token-never-used = never
# $day: a day (format::day); $time: hours and minutes, UTC.
accounts-moment = { $day }, { $time } UTC
accounts-no-tokens = No API tokens.
accounts-column-id = id
accounts-column-issued = issued
accounts-column-expires = expires
accounts-column-last-used = last used
accounts-column-status = status
accounts-column-label = label
accounts-token-revoked-now = API token { $id } revoked.
accounts-error-no-such-token = { $username } has no API token { $id } (see --list).
