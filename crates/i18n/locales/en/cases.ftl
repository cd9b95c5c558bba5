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
