# shell: messages of the shell slice (see ARCHITECTURE.md, "One message catalog").

## Times as stored (RFC 3339), shown in UTC. $day is written by format::day.
shell-time-utc = { $day }, { $time } UTC

## The language switch: each language by its own name.
shell-language-english = English
shell-language-spanish = Español
shell-language-switch = Language: { $language }

## The account box of the page header.
shell-signed-in-as = Signed in as { $user } ({ $role })

## The audit log page.
audit-title-count = Audit log ({ $count })
audit-number = No.
audit-fault-missing = { $count ->
    [one] Audit entry { $first } is missing.
   *[other] Audit entries { $first } to { $last } are missing.
}
audit-fault-altered = Audit entry { $seq } was altered.
audit-fault-broken-link = Audit entry { $seq } does not follow the entry before it.
audit-action-vault-created = Vault created
audit-action-passphrase-changed = Passphrase changed
audit-action-record-created = Record created
audit-action-record-updated = Record updated
audit-action-identity-read = Identity read
audit-action-import = Import
audit-action-export = Export
audit-action-document-added = Document added
audit-action-document-received-again = Document received again
audit-action-document-read = Document read
audit-action-backup = Backup
audit-action-restored = Restored from backup
audit-action-check = Integrity check
audit-action-age-identity-revealed = Blob key revealed
audit-action-user-changed = Account changed
audit-action-login = Login
audit-action-locked = Vault locked
audit-action-unlocked = Vault unlocked
audit-action-search = Search results shown
audit-action-unlock-failed = Failed unlock attempt
audit-action-capture-read = Photo location and time read

## The browser tab's title of every page.
shell-page-title = { $page } · Testimonio

## Moved from web.ftl: the page shell, login, second factor, dashboard,
## administration and error pages (used only by the shell slice).
app-name = Testimonio
app-tagline = Encrypted documentation of retaliation
nav-dashboard = Dashboard
nav-events = Events
nav-people = People
nav-groups = Groups
nav-users = Users
nav-audit = Audit log
nav-logout = Log out
nav-menu = Menu
nav-skip = Skip to content
login-title = Log in
login-username = Username
login-password = Password
login-submit = Log in
login-failed = Wrong username or password. After several failed attempts, wait a few minutes before trying again.
login-rate-limited = Too many attempts from this address. Wait a minute and try again.
login-disabled = This account is disabled.
login-expired = Your session ended. Please log in again.
dashboard-title = Dashboard
dashboard-people = People
dashboard-events = Events
dashboard-groups = Groups
dashboard-documents = Documents
dashboard-protected = Protected activities
dashboard-enforcement = Enforcement actions
dashboard-latest = Latest events
dashboard-review-count = Needs review ({ $count })
dashboard-review-hint = Reported events not yet corroborated or documented
dashboard-new-event = Record an event
users-title = Users
users-add = Add a user
users-disable = Disable
users-enable = Enable
users-active = Active
users-disabled = Disabled
users-created = User created.
tokens-title = API tokens
tokens-none = No API tokens. Issue one with: testimonio user token NAME
tokens-label = Label
tokens-created = Issued
tokens-expires = Expires
tokens-last-used = Last used
tokens-never = Never
tokens-active = Active
tokens-expired = Expired
tokens-revoked = Revoked
tokens-revoke = Revoke
audit-title = Audit log
audit-chain-ok = The audit chain is intact.
audit-chain-broken = The audit chain is broken:
audit-when = When
audit-actor = Who
audit-action = Action
audit-object = Object
audit-detail = Detail
lock-button = Lock now
lock-hint = Drops the keys from memory: nothing can be read until the vault is unlocked with its passphrase.
unlock-title = The vault is locked
unlock-passphrase = Vault passphrase
unlock-submit = Unlock
unlock-failed = Wrong passphrase.
unlock-rate-limited = Too many unlock attempts from this address. Wait a minute and try again.
unlock-busy = Another unlock attempt is being checked. Try again in a moment.
error-title = Something went wrong
error-bad-request = The request could not be understood.
error-unauthorized = Please log in.
error-csrf = This form expired or did not come from this site. Go back, reload the page and try again.
error-method = This action is not available here.
error-too-large = The request is too large.
error-locked = The vault is locked.
error-back = Back to the dashboard
twofactor-title = Two-factor login
twofactor-settings = Two-factor login
twofactor-code = Six-digit code from your authenticator app
twofactor-wrong-code = That code is not valid. Try the current one.
twofactor-throttled = Too many wrong codes for this account: codes are not checked for a while. Try again later, or ask an administrator for help.
twofactor-enabled = Two-factor login is on for this account.
twofactor-now-enabled = Two-factor login is now on.
twofactor-scan = Scan this code with an authenticator app (for example FreeOTP or Aegis), then enter the code it shows.
twofactor-or-type = Or type this key:
twofactor-enable = Turn on
twofactor-disable = Turn off
nav-foia = FOIA
nav-documents = Documents
nav-search = Search
nav-watchlists = Watchlists
error-too-many-renders = Page images for your account are already being prepared. Wait until they appear, then reload this one.
error-overloaded = The server is busy preparing page images. Try again in a moment.
error-busy = The search index is being prepared or updated. Try again in a minute.
dashboard-pending-hits = { $count ->
    [one] watchlist hit to review
   *[other] watchlist hits to review
}
nav-analysis = Analysis
nav-import = Import a spreadsheet
dashboard-analysis = See the pattern analysis →

## A field office in a list of choices: its name and its ERO code.
shell-field-office-option = { $name } ({ $code })
