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
import-cli-partial = { $refused } of { $rows } rows were refused (listed above); the other rows were stored as the summary says.
