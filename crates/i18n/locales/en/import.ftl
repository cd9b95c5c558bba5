# Spreadsheet import (crates/app/src/import): problems of a whole file, of a
# profile, of a row's cells; the fields a column can fill.

import-error-unreadable = The file could not be read.
import-error-no-header = No row of the file looks like a header (a row of column names). Choose the header row.
import-error-malformed = Row { $line } could not be read: the file is damaged there or is not a spreadsheet.
import-error-not-a-header = Row { $row } cannot be the header: choose a row with the columns' names.
import-error-unknown-sheet = The workbook has no sheet named “{ $sheet }”.
import-error-nothing-mapped = The profile maps no column to a field: map at least one column.
import-error-needs-profile = Check the suggested profile first with --dry-run, then import with --accept-suggestions or with --profile.
import-error-unknown-profile = There is no saved profile named “{ $name }”, nor a file of that name.

import-profile-not-toml-line = The profile is not valid TOML (line { $line }): { $detail }
import-profile-not-toml = The profile is not valid TOML: { $detail }
import-profile-unknown-field = Profile: “{ $at }” maps to “{ $field }”, which is not a field (see the list of fields: person.pseudonym, event.date…).
import-profile-field-twice = Profile: the field { $field } is filled twice (by two columns, or by a column and a constant).
import-profile-unknown-column = Profile: the file has no column “{ $column }”.
import-profile-bad-date-order = Profile: the date order “{ $order }” of column “{ $column }” must be dmy, mdy or ymd.
import-profile-not-a-date-column = Profile: column “{ $column }” has a date order but is not mapped to a date field.
import-profile-unknown-code = Profile: “{ $code }” is not a code of { $field }.
import-profile-no-values = Profile: { $field } takes free text, so it has no values to map.

import-problem-not-a-date = is not a date that can be read
import-problem-not-a-year = is not a year
import-problem-unknown-value = “{ $value }” is not a known value of { $field }: map it in the profile
import-problem-no-pseudonym = a person needs a pseudonym (or the id of a stored person)
import-problem-no-group-name = a group needs a name (or the id of a stored group)
import-problem-same-name = two stored records have this name: give the id of the one meant
import-problem-consent-conflict = the consent differs from the one row { $row } gives this person
import-problem-no-event-type = an event needs a type
import-problem-no-event-date = an event needs a date

import-field-group-id = Group: id
import-field-group-name = Group: name
import-field-group-state = Group: state
import-field-group-city = Group: city
import-field-person-id = Person: id
import-field-person-pseudonym = Person: pseudonym
import-field-person-legal-name = Person: legal name
import-field-person-aliases = Person: aliases
import-field-person-contact = Person: contact
import-field-person-a-number = Person: A-number
import-field-person-immigration-status = Person: immigration status
import-field-person-address = Person: address
import-field-person-birth-year = Person: birth year
import-field-person-consent = Person: consent
import-field-person-role = Person: role in the event
import-field-event-id = Event: id
import-field-event-kind = Event: kind
import-field-event-type = Event: type
import-field-event-date = Event: date
import-field-event-end-date = Event: end date
import-field-event-state = Event: state
import-field-event-city = Event: city
import-field-event-facility = Event: facility
import-field-event-agency = Event: agency
import-field-event-field-office = Event: ICE field office
import-field-event-narrative = Event: narrative
import-field-event-verification = Event: verification
import-field-event-groups = Event: groups

## Command line
import-cli-progress = rows:
import-cli-profile-used = # The profile used (suggested from the file; save it with --save-profile):
import-cli-problem-cell = row { $row }, column “{ $column }”: { $reason }
import-cli-problem-row = row { $row }: { $reason }
import-cli-more-problems = …and { $count ->
    [one] { $count } more problem
   *[other] { $count } more problems
} (see --json for the totals).
import-cli-ambiguous-dates = column “{ $column }”: { $count ->
    [one] { $count } date would be another day read in the other day-month order
   *[other] { $count } dates would be other days read in the other day-month order
}; check the column's order.
import-cli-summary = rows: { $rows }; created: { $created }, updated: { $updated }, unchanged: { $unchanged }, refused: { $refused }
import-cli-summary-dry-run = dry run, nothing stored. rows: { $rows }; would create: { $created }, would update: { $updated }, unchanged: { $unchanged }, refused: { $refused }
import-cli-records = records written: { $groups } groups, { $people } people, { $events } events
import-cli-partial = { $refused ->
    [one] { $refused } of { $rows } rows was refused (listed above)
   *[other] { $refused } of { $rows } rows were refused (listed above)
}; the other rows were stored as the summary says.

## Web wizard
import-title = Import a spreadsheet
import-intro = Bring in the spreadsheets your group already keeps (CSV, Excel, LibreOffice). Nothing is stored until you import: first map the columns, then check what would happen.
import-file = Spreadsheet file
import-file-hint = CSV, TSV, XLSX, XLS or ODS, up to { $size }. It is stored encrypted.
import-upload = Upload and start
import-list-title = Imports
import-list-empty = No spreadsheet has been imported yet.
import-list-file = File
import-list-status = Status
import-list-changed = Last change
import-status-draft = being mapped
import-status-checked = checked, not imported
import-status-imported = imported
import-wizard-title = Import a spreadsheet
import-step-layout = 1. Sheet and header
import-sheet = Sheet
import-header-row = Row of the header
import-header-hint = The row with the columns' names, as the spreadsheet numbers it. Title rows above it are left out.
import-raw-caption = The first rows as written (the header row is marked)
import-apply = Apply
import-step-columns = 2. Columns and values
import-column = Column
import-examples = Examples
import-field = Field
import-date-order = Date order
import-order-dmy = day/month/year
import-order-mdy = month/day/year
import-order-ymd = year-month-day
import-ignore = Leave out
import-entity-group = Group
import-entity-person = Person
import-entity-event = Event
import-values-title = Values
import-values-hint = Each value found in a column with fixed options, and the option it becomes. A value left without one refuses its row.
import-value-none = — none —
import-save-mapping = Save the mapping
import-step-profile = Profile
import-profile-hint = A profile is the mapping, saved to reuse with the next file or to share with the coalition.
import-saved-profile = Use a saved profile
import-profile-toml = The profile as text (TOML)
import-profile-toml-label = Profile (paste one a coalition shared)
import-profile-name = Save this profile as
import-save-profile = Save profile
import-step-check = 3. Check and import
import-check-hint = The check runs the whole import and then undoes it: it says, row by row, what would be created, updated and refused.
import-dry-run = Check (stores nothing)
import-run = Import
import-step-report = Result
import-report-dry-run = Check, nothing stored. Rows: { $rows }; would create: { $created }; would update: { $updated }; unchanged: { $unchanged }; refused: { $refused }.
import-report-done = Imported. Rows: { $rows }; created: { $created }; updated: { $updated }; unchanged: { $unchanged }; refused: { $refused }.
import-report-people = People created / updated
import-report-events = Events created / updated
import-report-groups = Groups created / updated
import-report-ambiguous = Column “{ $column }”: { $count ->
    [one] { $count } date would be another day read in the other day-month order
   *[other] { $count } dates would be other days read in the other day-month order
}. Check the column's date order.
import-report-download = Download the problems (CSV)
import-report-row = Row
import-report-column = Column
import-report-reason = Reason
import-report-more = …and { $count ->
    [one] { $count } more problem, in the CSV.
   *[other] { $count } more problems, in the CSV.
}
import-constants-title = The same for every row
import-constants-hint = When the whole sheet shares a value (every row an arrest, every row from one group), choose it here instead of a column.
import-cli-partial-dry-run = { $refused ->
    [one] { $refused } of { $rows } rows would be refused (listed above)
   *[other] { $refused } of { $rows } rows would be refused (listed above)
}. Nothing was stored.
import-read-as = read as { $encoding }, cells separated by “{ $delimiter }”, the header on row { $row }
import-origins-title = Imported from
import-origin = “{ $file }”, row { $row }
import-problem-possible-match = the same legal name or A-number as the stored person { $pseudonym } ({ $id }): confirm in the profile's [people] that it is them or a new person
import-matches-title = People who may already be here
import-matches-hint = These rows name someone by the legal name or A-number of a stored person, under another pseudonym. Say who each is; a row stays refused until you do.
import-match-row = Row { $row }
import-match-undecided = — undecided —
import-match-same = It is { $pseudonym } ({ $id })
import-match-new = It is someone else (a new person)
import-matches-save = Save the answers
