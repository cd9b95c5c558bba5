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
# $count: days until the deadline.
foia-days-left = { $count ->
    [one] Upcoming, { $count } day left
   *[other] Upcoming, { $count } days left
}
# $days: a count of days, written out ("3 days").
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
foia-cli-no-date = no date
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
foia-cli-id-taken = FOIA request { $id } already exists: use `foia update`

## Codes of a request: statuses, fee categories, outcomes, directions
# Status
foia-status-drafted = Drafted
foia-status-submitted = Submitted
foia-status-acknowledged = Acknowledged by the agency
foia-status-clarification-requested = Clarification requested
foia-status-fee-dispute = Fee dispute
foia-status-processing = Processing
foia-status-partial-release = Partial release
foia-status-released = Released
foia-status-no-records = No records found
foia-status-denied = Denied
foia-status-appealed = Appealed
foia-status-appeal-decided = Appeal decided
foia-status-in-litigation = In litigation
foia-status-closed = Closed
foia-status-withdrawn = Withdrawn
# FeeCategory
foia-fee-category-commercial = Commercial use requester
foia-fee-category-educational = Educational or noncommercial scientific institution
foia-fee-category-news-media = Representative of the news media
foia-fee-category-other = All other requesters
# Outcome
foia-outcome-granted = Granted
foia-outcome-denied = Denied
# DeterminationOutcome
foia-determination-granted = Granted in full
foia-determination-partially-granted = Granted in part
foia-determination-denied = Denied
foia-determination-no-records = No records found
# Direction
foia-direction-in = Received from the agency
foia-direction-out = Sent to the agency

## Deadlines, rules, start events, tolling and skipped days
foia-deadline-determination = determination due
foia-deadline-expedited-decision = decision on expedited processing due
foia-deadline-appeal = last day to appeal
foia-deadline-appeal-decision = appeal decision due
foia-deadline-may-sue = may sue from
foia-tolling-clarification = tolled: awaiting the requester's clarification
foia-tolling-fee-dispute = tolled: fee question with the requester
foia-skip-weekend = weekend
foia-rule-working-days = Working days
foia-rule-calendar-days = Calendar days
foia-rule-determination = Determination due
foia-rule-determination-extended = Determination due (extended for unusual circumstances)
foia-rule-expedited-decision = Decision on expedited processing due
foia-rule-appeal-window = Last day to appeal
foia-rule-appeal-decision = Appeal decision due
foia-rule-appeal-decision-extended = Appeal decision due (extended for unusual circumstances)
foia-rule-constructive-exhaustion = May sue from (constructive exhaustion)
foia-start-given = the start date
foia-start-received = the day the proper component received the request
foia-start-perfected = the day the request was perfected
foia-start-determination = the date of the adverse determination
foia-start-appeal-received = the day the appeal was received
foia-start-determination-due = the deadline for the determination
foia-start-appeal-decision-due = the deadline for the decision on the appeal

## The statutory clock: explanations of computed dates (5 U.S.C. 552(a)(6))
# $rule: the rule's name; $result and $start: days as foia-day writes them;
# $unit: working or calendar; $after: one of the foia-after-* messages.
foia-explanation = { $rule }: { $result }. { $count } { $unit ->
    [working] { $count ->
        [one] working day
       *[other] working days
    }
   *[calendar] { $count ->
        [one] calendar day
       *[other] calendar days
    }
} { $after } ({ $start }), { $citation }.
foia-counting-starts = Counting starts the next day.
# $days: the days not counted, each as foia-skipped-day, separated by commas.
foia-not-counted = Not counted: { $days }.
foia-skipped-day = { $day } ({ $reason })
# A day in an explanation: the weekday's abbreviation and the ISO date.
foia-day = { $weekday ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
} { $date }
foia-after-given = after the start date
foia-after-received = after the day the proper component received the request
foia-after-perfected = after the day the request was perfected
foia-after-determination = after the date of the adverse determination
foia-after-appeal-received = after the day the appeal was received
foia-after-determination-due = after the deadline for the determination
foia-after-appeal-decision-due = after the deadline for the decision on the appeal
foia-note-started-on-perfection = The request was received on { $received } but perfected later; the agency counts from perfection.
foia-note-extension-applied = Unusual circumstances: 10 more working days (5 U.S.C. 552(a)(6)(B)(i)), notified on { $notified }; without it the date was { $original }.
foia-note-extension-applied-unnotified = Unusual circumstances: 10 more working days (5 U.S.C. 552(a)(6)(B)(i)), notice date not recorded; without it the date was { $original }.
foia-note-extension-notice-late = An extension was notified on { $notified }, after the deadline of { $original } had passed; an expired time limit cannot be extended, so it is not counted.
foia-note-clarification-not-honored = The agency may stop the clock only once to ask for information (5 U.S.C. 552(a)(6)(A)(ii)(I)); the request for clarification of { $from } does not stop it.
foia-note-tolling-open = The clock has been stopped since { $from } and the requester's answer has not been recorded: counted as stopped through { $through }. The date moves later with every working day until the answer arrives.
foia-note-not-moved = { $date } is not a working day; the rule counts calendar days, so the date does not move.
foia-note-longer-appeal-window = The agency allows { $days } days to appeal, more than the 90 the statute requires at least.
foia-note-answered-late = The agency answered on { $on }, after the deadline. Courts differ on whether a late answer requires an administrative appeal before suing.
foia-note-saturated = The count reached the end of the calendar and stopped there.

## The calendar file (iCalendar)
# An event's title: the request's reference, the agency's abbreviation, the deadline.
foia-ics-summary = { $reference } ({ $agency }): { $deadline }
foia-ics-met-on = Met on { $date }.
foia-ics-met-late-on = Met late, on { $date }.
foia-ics-provisional = Provisional: the date moves while the clock is stopped.
foia-ics-request = Request: { $id }
foia-ics-category = FOIA deadline

## Legal public holidays (5 U.S.C. 6103) and federal agencies
foia-holiday-new-years-day = New Year's Day
foia-holiday-martin-luther-king-jr-birthday = Birthday of Martin Luther King, Jr.
foia-holiday-washingtons-birthday = Washington's Birthday
foia-holiday-memorial-day = Memorial Day
foia-holiday-juneteenth-national-independence-day = Juneteenth National Independence Day
foia-holiday-independence-day = Independence Day
foia-holiday-labor-day = Labor Day
foia-holiday-columbus-day = Columbus Day
foia-holiday-veterans-day = Veterans Day
foia-holiday-thanksgiving-day = Thanksgiving Day
foia-holiday-christmas-day = Christmas Day
foia-agency-ice = U.S. Immigration and Customs Enforcement
foia-agency-cbp = U.S. Customs and Border Protection
foia-agency-uscis = U.S. Citizenship and Immigration Services
foia-agency-dhs = U.S. Department of Homeland Security (Privacy Office and other components)
foia-agency-dhs-oig = DHS Office of Inspector General
foia-agency-dhs-crcl = DHS Office for Civil Rights and Civil Liberties
foia-agency-eoir = Executive Office for Immigration Review
foia-agency-doj = U.S. Department of Justice (other components)
foia-agency-fbi = Federal Bureau of Investigation
foia-agency-usms = U.S. Marshals Service
foia-agency-bop = Federal Bureau of Prisons
foia-agency-dos = U.S. Department of State
foia-agency-hhs = U.S. Department of Health and Human Services (including the Office of Refugee Resettlement)
foia-agency-dol = U.S. Department of Labor
foia-agency-ssa = Social Security Administration
foia-agency-dod = U.S. Department of Defense
foia-agency-other = Other federal agency

foia-download-calendar = Download the deadlines (calendar file)
foia-download-request-letter = Request letter
foia-download-appeal-letter = Appeal letter
