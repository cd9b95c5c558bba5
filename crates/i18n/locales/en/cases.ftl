# Cases: legal or advocacy files around a person or a group
# (crates/domain/src/case.rs, crates/app/src/records/cases.rs, the case
# commands, pages and API).

case-kind-removal-defense = Removal defense
case-kind-prosecutorial-discretion = Prosecutorial-discretion request
case-kind-first-amendment = First Amendment claim
case-kind-foia-litigation = FOIA litigation
case-kind-advocacy = Advocacy
case-status-open = Open
case-status-pending-decision = Pending decision
case-status-won = Won
case-status-lost = Lost
case-status-closed = Closed
case-link-kind-event = Event
case-link-kind-document = Document
case-link-kind-excerpt = Excerpt
case-link-kind-foia = FOIA request
case-link-kind-testimony = Testimony

## The case packet (crates/report/src/packet.rs)

packet-case = The case
packet-case-title = Case:
packet-case-kind = Kind:
packet-case-status = Status:
packet-case-attorney = Attorney:
packet-case-opened = Opened:
packet-case-subtitle = { $title } — { $kind }

## Command line (crates/testimonio/src/commands/case.rs)

case-recorded = Recorded case { $id } ({ $title }).
case-list-empty = No case is recorded yet.
case-field-id = Id
case-field-title = Title
case-field-kind = Kind
case-field-status = Status
case-field-subject = About
case-field-attorney = Attorney
case-field-opened = Opened
case-field-closed = Closed
case-field-notes = Notes
case-excerpt-withheld = quote withheld (it ties a passage to someone whose identity you may not see)
# $id: the id of a linked record that is no longer stored.
case-link-missing = { $id } (no longer stored)
case-linked = Case { $case }: link added ({ $kind } { $target }).
case-link-kept = Case { $case }: already linked ({ $kind } { $target }); nothing changed.
case-unlinked = Case { $case }: link removed ({ $kind } { $target }).
case-unlink-none = Case { $case }: not linked ({ $kind } { $target }); nothing changed.
case-status-set = Case { $id }: { $outcome ->
    [unchanged] status already { $status }
   *[updated] status now { $status }
}.
cli-about-case = Cases: legal or advocacy files around a person or a group
cli-about-case-add = Record a case about a person or a group
cli-about-case-list = List the cases
cli-about-case-show = Show a case with its linked records (notes only for those who may see identities)
cli-about-case-link = Link a case to an event, document, excerpt, FOIA request or testimony
cli-about-case-unlink = Remove a record from a case
cli-about-case-status = Change a case's status
cli-about-case-packet = Write a case's packet: the person's packet with the case on its cover (internal)
cli-arg-case-id = Case id (case-…)
cli-arg-case-add-id = Id of the new case (default: a new case-… id)
cli-arg-case-title = Title of the case
cli-arg-case-kind = Kind: removal_defense, prosecutorial_discretion, first_amendment, foia_litigation, advocacy
cli-arg-case-person = Id of the person the case is about
cli-arg-case-group = Id of the group the case is about
cli-arg-case-status = Status: open, pending_decision, won, lost, closed (default: open)
cli-arg-case-attorney = Name of the attorney
cli-arg-case-opened = Day the case was opened (YYYY-MM-DD, YYYY-MM or YYYY)
cli-arg-case-event = Id of an event
cli-arg-case-document = Id of a document
cli-arg-case-excerpt = Id of an excerpt
cli-arg-case-foia = Id of a FOIA request
cli-arg-case-testimony = Id of a testimony

## Web pages (crates/web/src/pages/cases.rs)

nav-cases = Cases
cases-title = Cases
cases-heading = { $count ->
    [one] One case
   *[other] { $count } cases
}
case-new = New case
case-choose = Choose…
case-subject-hint = The person (by pseudonym) or the group the case is about.
case-date-hint = YYYY-MM-DD, YYYY-MM or YYYY; ~ in front if approximate.
case-notes-hint = Sensitive: only those who may see the person's identity read them, and each reading is recorded.
case-save = Save the case
# $title: the case's title, as recorded.
case-page-title = { $title } · Case
case-change-status = Status
case-status-save = Change the status
case-packet-download = Download the case packet (PDF)
case-packet-hint = The packet names the person: it is for their counsel, and its making is recorded in the audit log.
case-link-heading = Link a record
case-link-kind = Kind of record
case-link-id = Id of the record
case-link-id-hint = As shown on the record's page, e.g. an event's or a document's id.
case-link-save = Link
case-no-links = No record is linked to this case yet.
case-events-heading = { $count ->
    [one] One event
   *[other] { $count } events
}
case-documents-heading = { $count ->
    [one] One document
   *[other] { $count } documents
}
case-excerpts-heading = { $count ->
    [one] One excerpt
   *[other] { $count } excerpts
}
case-excerpt-page = page { $page }
case-foia-heading = { $count ->
    [one] One FOIA request
   *[other] { $count } FOIA requests
}
case-testimonies-heading = { $count ->
    [one] One testimony
   *[other] { $count } testimonies
}
case-missing-heading = Linked records no longer stored

## Problems with a case's fields (crates/domain/src/error.rs)

# $other: the name of the other field (person, group).
domain-problem-exclusive-with = cannot be given together with { $other }: a case is about one person or one group
domain-problem-person-only = must be a person: a case packet is about one person, and this case is about a group
case-unlink = Remove from the case
