# foia: messages of the foia slice (see ARCHITECTURE.md, "One message catalog").

## The pages: labels
foia-title = FOIA requests
foia-intro = Requests under the Freedom of Information Act, with the deadlines the statute sets. Overdue requests come first.
foia-new = New request
foia-edit = Update request
foia-update = Update
foia-none = No requests match.
foia-only-overdue = Only overdue
foia-only-soon = Only due within 7 days
foia-reference = Reference
foia-next-deadline = Next deadline
foia-alert = Alert
foia-overdue = Overdue
foia-due-soon = Due within 7 days
foia-id = Identifier
foia-agency = Agency
foia-component = Component or office
foia-component-hint = For example, the ICE FOIA Office.
foia-subject = Subject
foia-subject-hint = Shown in lists and calendars: never a person's name.
foia-tracking-number = Tracking number
foia-status = Status
foia-requester = Requester
foia-request-text = Text of the request
foia-hidden = Not shown to your role: it may name a person.
foia-date-sent = Sent on
foia-date-received = Received by the agency on
foia-date-perfected = Perfected on (if the agency says later)
foia-expedited-requested = Expedited processing requested
foia-expedited-outcome = Decision on expedited processing
foia-expedited-date = Date of the decision on expedited processing
foia-fee-category = Fee category
foia-fee-waiver-requested = Fee waiver requested
foia-fee-waiver-outcome = Decision on the fee waiver
foia-fee-waiver-date = Date of the decision on the fee waiver
foia-unusual-circumstances = Extension for unusual circumstances (10 more working days)
foia-extension-notified = Extension notified on
foia-determination = Determination
foia-determination-date = Date of the determination
foia-appeal-filed = Appeal filed on
foia-appeal-received = Appeal received by the agency on
foia-appeal-decided = Appeal decided on
foia-appeal-unusual-circumstances = Extension of the appeal for unusual circumstances
foia-appeal-extension-notified = Extension of the appeal notified on
foia-appeal-window-days = Days to appeal
foia-appeal-window-hint = Calendar days the agency allows; at least 90. Blank: 90.
foia-tolling = Tolling periods
foia-tolling-hint = Days the agency stopped the clock to ask for information or about fees. Clear a period's fields to remove it.
foia-tolling-kind = Reason
foia-from = From
foia-to = To
foia-to-hint = The day the agency received the answer; blank while it has not.
foia-add-period = Add a period
foia-communications = Communications
foia-rows-hint = Letters, emails and calls with the agency. Clear an entry's fields to remove it.
foia-add-communication = Add a communication
foia-comm-date = Date
foia-direction = Direction
foia-summary = Summary
foia-section-request = The request
foia-section-dates = Sending and receipt
foia-section-fees = Expedited processing and fees
foia-section-determination = Extension and determination
foia-section-appeal = Appeal
foia-deadlines = Deadlines
foia-no-deadlines = No deadline can be computed until the day the agency received the request is recorded.
foia-inactive = This request is closed or withdrawn: its deadlines are kept for the record and not flagged.
foia-due-today = Due today
foia-provisional = Provisional: a tolling period is still open.
foia-timeline = Timeline
foia-ev-sent = Sent to the agency
foia-ev-received = Received by the agency
foia-ev-perfected = Perfected: the agency counts from here
foia-ev-restarted = Clock restarts the next day
foia-ev-extension = Notice of unusual circumstances
foia-ev-appeal-extension = Notice of unusual circumstances on the appeal
foia-no-communications = No communications recorded.
foia-productions = Productions
foia-no-productions = No documents produced yet.
foia-document = Document
foia-bates = Bates numbers
foia-produced-on = Received on
foia-not-a-number = must be a whole number of days
foia-too-many-rows = Too many periods or communications in one form.

## The list, the request page and the form: messages with arguments
# $count requests shown; $total: how many are stored in all.
foia-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
foia-count-of-total = { $count ->
    [one] { $count } request
   *[other] { $count } requests
} of { $total }
foia-back = ← FOIA requests
# $id: the request's identifier.
foia-back-to-request = ← Request { $id }
# The page's title: the request's reference and subject.
foia-page-title = { $reference } · { $subject }
# A deadline's heading: its name and its date.
foia-deadline-heading = { $deadline }: { $date }
foia-met-on = Met on { $date }
foia-met-late-on = Met late, on { $date }
# $days: a count of days, written out ("3 days").
foia-days-left = Upcoming, { $days } left
foia-overdue-by = Overdue by { $days }
foia-reached-since = Reached { $days } ago
foia-ev-tolled = Clock stopped: { $reason }
foia-ev-expedited = Decision on expedited processing: { $outcome }
foia-ev-fee-waiver = Decision on the fee waiver: { $outcome }
foia-ev-determination = Determination: { $outcome }
# A communication in the timeline: its direction and its summary.
foia-ev-communication = { $direction }: { $summary }
# A decision: its outcome and its date.
foia-decision = { $outcome }, { $date }
foia-extension-notified-note = (extension notified on { $date })
foia-notified-note = (notified on { $date })
foia-bates-range = { $first } – { $last }
# $other: the label of another field of the form.
foia-is-before = is earlier than “{ $other }”
foia-requires = only applies together with “{ $other }”
foia-overlaps = overlaps “{ $other }”
# $number: the row's position in the form, from 1.
foia-period = Period { $number }
foia-communication = Communication { $number }
# A problem in a row of the form: the row, the field, the reason.
foia-row-problem = { $row }, { $field }: { $reason }

## Problems of a request (field names are those of the exchange format)
foia-problem-in-future = is after today
foia-problem-before = is earlier than { $other }
foia-problem-overlaps = overlaps { $other }
foia-problem-below-minimum = must be at least { $min ->
    [one] { $min } day
   *[other] { $min } days
} (the minimum the statute allows)
foia-problem-requires = is given but { $other } is not
foia-problem-taken = a request with this identifier already exists

## Exports
foia-calendar-name = FOIA deadlines
# $kind: request or appeal; $reference: the tracking number or the id.
foia-letter-title = { $kind ->
    [appeal] FOIA appeal
   *[request] FOIA request
} { $reference }

## The command line
foia-cli-overdue = OVERDUE
foia-cli-no-date = none
foia-cli-production = production { $document } { $first }..{ $last }
foia-cli-unknown-bates = ?
foia-cli-event = event { $id }
foia-cli-linked = Linked.
foia-cli-calendar-written = Calendar written to { $path }
# $reasons: every problem found, "field: reason; field: reason".
foia-cli-nothing-stored = nothing stored: { $reasons }
foia-cli-toll-format = --toll { $value }: expected KIND:FROM[..TO]
foia-cli-determination-format = --determination: expected OUTCOME:DATE
foia-cli-note-format = --note: expected DATE:in|out:SUMMARY
foia-cli-letter-kind = --kind: request or appeal
foia-cli-link-what = give --document or --event
