# records: messages of the records slice (see ARCHITECTURE.md, "One message catalog").

## Command line: import, export, events, people, person
records-import-progress = records:
# $location: "line 17" or "people.csv row 4"; $reason: why the record was refused.
records-import-refused = refused: { $location }: { $reason }
records-import-summary = created: { $created }, updated: { $updated }, unchanged: { $unchanged }, refused: { $refused }
records-import-partial = { $count ->
    [one] { $count } record was refused (listed above); the others were stored as the summary says
   *[other] { $count } records were refused (listed above); the others were stored as the summary says
}
records-export-csv-needs-out = --format csv needs --out DIR (it writes groups.csv, people.csv, events.csv)
records-export-sheet-needs-out = --format { $format } writes one file: give it with --out FILE
# Spreadsheet exports (--format xlsx, --format sheet-csv): the sheets' names,
# 31 characters at most, none of [ ] : * ? / \
records-sheet-events = Events
records-sheet-people = People
records-sheet-groups = Groups
records-exported = { $count ->
    [one] exported { $count } record
   *[other] exported { $count } records
}
records-events-shown = { $shown ->
    [one] { $shown } event shown
   *[other] { $shown } events shown
} of { $total }
records-people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}

## Web: the event list and the event form
records-events-count = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
records-events-page = Page { $page } of { $pages }
# $roles: the participant roles' labels, separated by commas.
records-form-people-hint = One per line: person id = role. Roles: { $roles }.
# $problem: why the entry on line $line of the people field was refused.
records-form-line-problem = Line { $line }: { $problem }
records-form-group-problem = { $group }: { $problem }
records-form-unknown-person-line = Line { $line }: no person has this id: { $id }
records-form-unknown-person = no person has this id: { $id }
records-form-unknown-group = no group has this id: { $id }

## Web: people and groups
records-people-heading = People ({ $count })
records-person-events-heading = Events ({ $count })
records-groups-heading = Groups ({ $count })
records-group-members-heading = Members ({ $count })
records-group-events-heading = Events of this group ({ $count })
# Page titles: the record's own name, then what it is.
records-person-page-title = { $pseudonym } · Person
records-group-page-title = { $name } · Group

## CLI: person add and person edit ($outcome: created, updated, unchanged)
records-person-recorded = { $outcome ->
    [created] Recorded { $id } ({ $pseudonym }).
    [updated] Changed { $id } ({ $pseudonym }).
   *[unchanged] { $id } ({ $pseudonym }) was already so; nothing changed.
}

## Web: the person form
person-new = New person
person-edit = Change person
person-save = Save person
person-add-link = Record a new person
person-edit-link = Change this person
person-pseudonym-hint = The name this person is known by in the vault and in every report: never their legal name.
person-consent-hint = What this person allows, as they said it when recorded. It can be changed later on their page.
person-consent-choose = Choose the consent given
person-identity-sensitive = Sensitive: shown only to the roles that may see identities, and every view is recorded in the audit log.
person-aliases-hint = One per line.

## The event form's pickers (no JavaScript)
picker-people-legend = Add a participant
picker-search-person = Search by pseudonym
picker-search-hint = Part of the name is enough; accents and capitals do not matter.
picker-role = Role in the event
picker-find = Search
picker-no-one = No one recorded matches. Record them below as a new person.
picker-choose = Choose
picker-choose-one = Choose one of the matches first.
picker-add = Add to the event
picker-person-added = { $pseudonym } was added to the participants. The event is not saved yet.
picker-new-person = New person
picker-new-pseudonym = Pseudonym of the new person
picker-new-hint = The name used in the vault and in every report, never their legal name.
picker-record-add = Record and add
picker-person-recorded = { $pseudonym } was recorded and added to the participants. The event is not saved yet.
picker-groups-legend = Add a group
picker-search-group = Search groups by name
picker-no-group = No group matches.
