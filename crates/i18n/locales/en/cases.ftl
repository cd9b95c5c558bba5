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
