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

## The browser tab's title of every page.
shell-page-title = { $page } · Testimonio
