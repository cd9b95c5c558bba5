# accounts: messages of the accounts slice (see ARCHITECTURE.md, "One message catalog").

## user: accounts of the web app and their API tokens (commands/user.rs)
accounts-prompt-password = Account password:
accounts-prompt-repeat-password = Repeat the password:
accounts-error-passwords-differ = The passwords differ.
# $role: the role's label (Coordinator, Viewer, …).
accounts-created = Account { $username } created ({ $role }).
accounts-password-set = Password set.
accounts-sessions-ended = { $sessions ->
    [one] { $sessions } web session ended
   *[other] { $sessions } web sessions ended
}; { $tokens ->
    [one] { $tokens } API token revoked
   *[other] { $tokens } API tokens revoked
}.
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
accounts-no-tokens = No API tokens.
accounts-column-id = id
accounts-column-issued = issued
accounts-column-expires = expires
accounts-column-last-used = last used
accounts-column-status = status
accounts-column-label = label
accounts-token-revoked-now = API token { $id } revoked.
accounts-error-no-such-token = { $username } has no API token { $id } (see --list).
