# The web app. Reviewed side by side with ../es/web.ftl.

## app
app-name = Testimonio
app-tagline = Encrypted documentation of retaliation

## nav
nav-dashboard = Dashboard
nav-events = Events
nav-people = People
nav-groups = Groups
nav-users = Users
nav-audit = Audit log
nav-logout = Log out
nav-language = Language
nav-skip = Skip to content
nav-signed-in-as = Signed in as

## login
login-title = Log in
login-username = Username
login-password = Password
login-submit = Log in
login-failed = Wrong username or password. After several failed attempts, wait a few minutes before trying again.
login-rate-limited = Too many attempts from this address. Wait a minute and try again.
login-disabled = This account is disabled.
login-expired = Your session ended. Please log in again.

## dashboard
dashboard-title = Dashboard
dashboard-people = People
dashboard-events = Events
dashboard-groups = Groups
dashboard-documents = Documents
dashboard-protected = Protected activities
dashboard-enforcement = Enforcement actions
dashboard-latest = Latest events
dashboard-review = Needs review
dashboard-review-hint = Reported events not yet corroborated or documented
dashboard-new-event = Record an event

## events
events-title = Events
events-filter = Filter
events-clear = Clear
events-any = Any
events-none = No events match.
events-count = events
events-previous = Previous
events-next = Next
events-page = Page

## event
event-new = New event
event-edit = Edit event
event-save = Save
event-saved = Saved.
event-has-errors = Please correct the fields marked below.

## field
field-id = Identifier
field-kind = Kind
field-event-type = Type
field-date = Date
field-date-hint = YYYY-MM-DD, YYYY-MM or YYYY; ~ in front if approximate
field-end-date = End date
field-state = State
field-city = City
field-facility = Facility
field-agency = Agency
field-field-office = Field office
field-people = People and roles
field-people-hint = One per line: person id = role
field-groups = Groups
field-groups-hint = Group ids separated by spaces
field-narrative = Narrative
field-verification = Verification
field-person = Person
field-group = Group
field-from = From
field-to = To
field-pseudonym = Pseudonym
field-legal-name = Legal name
field-aliases = Aliases
field-contact = Contact
field-a-number = A-number
field-immigration-status = Immigration status
field-address = Address
field-birth-year = Birth year
field-consent = Consent
field-role = Role
field-username = Username
field-password = Password
field-status = Status
field-name = Name

## person
person-title = Person
person-timeline = Timeline
person-timeline-caption = Protected activity above the line, enforcement below; days between them marked.
person-days-after = days after
person-identity = Identity
person-identity-hidden = Identity fields are not shown to your role.
person-identity-audited = This view of identity fields was recorded in the audit log.
person-events = Events
person-consent-history = Consent history

## people
people-title = People

## groups
groups-title = Groups

## group
group-title = Group
group-members = Members

## users
users-title = Users
users-add = Add a user
users-disable = Disable
users-enable = Enable
users-active = Active
users-disabled = Disabled
users-created = User created.

## tokens
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

## audit
audit-title = Audit log
audit-chain-ok = The audit chain is intact.
audit-chain-broken = The audit chain is broken:
audit-when = When
audit-actor = Who
audit-action = Action
audit-object = Object
audit-detail = Detail

## lock
lock-button = Lock now
lock-hint = Drops the keys from memory: nothing can be read until the vault is unlocked with its passphrase.

## unlock
unlock-title = The vault is locked
unlock-passphrase = Vault passphrase
unlock-submit = Unlock
unlock-failed = Wrong passphrase.
unlock-rate-limited = Too many unlock attempts from this address. Wait a minute and try again.
unlock-busy = Another unlock attempt is being checked. Try again in a moment.

## error
error-title = Something went wrong
error-bad-request = The request could not be understood.
error-unauthorized = Please log in.
error-forbidden = Your role does not allow this.
error-csrf = This form expired or did not come from this site. Go back, reload the page and try again.
error-not-found = Not found.
error-method = This action is not available here.
error-too-large = The request is too large.
error-locked = The vault is locked.
error-internal = An unexpected error occurred. It was logged; no data was changed by the failed step.
error-back = Back to the dashboard

## twofactor
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

## common
common-yes = Yes
common-no = No
common-none = —
common-save = Save
common-add = Add
common-view = View
common-edit = Edit

## events
events-page-of = of

## field
field-range-hint = YYYY-MM-DD, YYYY-MM or YYYY
field-day-hint = YYYY-MM-DD
field-id-hint = Leave blank to generate one. Letters, digits and . _ : - only; never a name.
field-enforcement-only = Only for enforcement actions.
field-roles = Roles
field-line = Line
field-place = Place
field-note = Note
field-given-on = Given on
field-withdrawn-on = Withdrawn on
field-in-force = In force today

## event
event-unknown-person = no person has this id:
event-unknown-group = no group has this id:
event-id-taken = an event with this identifier already exists
event-not-saved = The event could not be saved. Check the fields and try again.

## person
person-day-after = day after
person-consent-today = Consent today
person-add-consent = Record a grant of consent
person-withdraw = Withdraw consent
person-withdraw-hint = Ends every grant still in force on this date.
person-withdraw-on = Withdrawn as of
person-no-events = No events recorded for this person.
person-timeline-list = The same events as a list
person-no-consent = No consent recorded: internal use only.

## people
people-none = No people recorded yet.

## groups
groups-none = No groups recorded yet.

## group
group-events = Events of this group
group-all-events = All events of this group in the event list
group-no-members = No members recorded.
group-latest-shown = The 50 most recent events are shown.

## nav
nav-foia = FOIA

## foia
foia-title = FOIA requests
foia-intro = Requests under the Freedom of Information Act, with the deadlines the statute sets. Overdue requests come first.
foia-new = New request
foia-edit = Update request
foia-update = Update
foia-count = requests
foia-of-total = of
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
foia-period = Period
foia-add-period = Add a period
foia-communications = Communications
foia-rows-hint = Letters, emails and calls with the agency. Clear an entry's fields to remove it.
foia-communication = Communication
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
foia-met-on = Met on
foia-met-late-on = Met late, on
foia-days-left = Upcoming, days left:
foia-due-today = Due today
foia-overdue-by = Overdue by
foia-reached-since = Reached, for
foia-provisional = Provisional: a tolling period is still open.
foia-day = day
foia-days = days
foia-timeline = Timeline
foia-ev-sent = Sent to the agency
foia-ev-received = Received by the agency
foia-ev-perfected = Perfected: the agency counts from here
foia-ev-tolled = Clock stopped
foia-ev-restarted = Clock restarts the next day
foia-ev-extension = Notice of unusual circumstances
foia-ev-appeal-extension = Notice of unusual circumstances on the appeal
foia-no-communications = No communications recorded.
foia-productions = Productions
foia-no-productions = No documents produced yet.
foia-document = Document
foia-bates = Bates numbers
foia-produced-on = Received on
foia-id-taken = a request with this identifier already exists
foia-not-a-number = must be a whole number of days
foia-too-many-rows = Too many periods or communications in one form.
foia-is-before = is earlier than
foia-requires = only applies together with
foia-overlaps = overlaps

## nav
nav-documents = Documents

## documents
documents-title = Documents
documents-intro = Original files in the vault, with the text read from every page.
documents-none = No documents match.
documents-source = Source
documents-status = Text extraction
documents-foia = FOIA request
documents-include-attachments = Include attachments
documents-name = File
documents-pages = Pages
documents-size = Size
documents-added = Added
documents-id = Identifier
documents-doc-title = Title
documents-parent = Found inside
documents-custodian = Custodian
documents-obtained-on = Obtained on
documents-media-type = File type
documents-extracted-with = Text read with
documents-attachments = Attachments
documents-no-attachments = No attachments.
documents-no-pages = No text has been read from this document.
documents-page = Page
documents-method = Method
documents-chars = Characters
documents-confidence = OCR confidence
documents-bates = Bates number
documents-problem = Problem
documents-custody = Chain of custody
documents-when = When
documents-action = Action
documents-actor = By
documents-source-path = From
documents-host = Computer
documents-details = Details
documents-act-received = received
documents-act-received-again = received again
documents-act-ingested = ingested
documents-act-exported = exported
documents-previous-page = Previous page
documents-next-page = Next page
documents-text = Text of the page
documents-empty-page = No text was found on this page.
documents-no-image = This document has no page images: only its text is shown.

## nav
nav-search = Search
nav-watchlists = Watchlists

## error
error-too-many-renders = Page images for your account are already being prepared. Wait until they appear, then reload this one.
error-overloaded = The server is busy preparing page images. Try again in a moment.
error-busy = The search index is being prepared or updated. Try again in a minute.

## dashboard
dashboard-pending-hits = watchlist hits to review

## search
search-title = Search
search-query = Search for
search-submit = Search
search-results-heading = Results
search-results = Results
search-no-results = Nothing matches this query.
search-past-the-end = There are no more results past this point.
search-first-page = Back to the first results
search-not-current = Another process is updating the search index: the newest pages may be missing from these results.
search-score = score
search-kind-page = Document page
search-kind-event = Event narrative
search-lang-eng = English
search-lang-spa = Spanish
search-lang-und = Undetermined
search-narrow = Narrow the search
search-facet-kind = Kind
search-facet-source = Source
search-facet-foia = FOIA request
search-facet-year = Year
search-facet-lang = Language
search-help-title = How to write a query
search-help-intro = Words side by side must all match. Case and accents are ignored, except with exact:. AND binds tighter than OR. Each result names the document and the page.
search-help-word = a word
search-help-phrase = a phrase, word for word
search-help-slop = the words within 5 positions of each other
search-help-near = the same, in either order
search-help-prefix = words starting with "inst"
search-help-fuzzy = words within 1 or 2 edits (OCR errors, spellings)
search-help-boolean = AND, OR, NOT and parentheses
search-help-minus = without this word (the same as NOT)
search-help-exact = case and accents exactly as written
search-help-kind = only document pages, or only event narratives
search-help-source = only documents of one source (codes below)
search-help-foia-doc = only the production of one FOIA request, or one document
search-help-date = a year, a range of years, a month, up to a day
search-help-person-group = events of one person or one group (by identifier)
search-help-lang = pages in English or in Spanish
search-help-sources = Sources:

## documents
documents-places-hidden = Where originals came from (paths and machines) is shown only to the roles that handle intake.
documents-query-unreadable = The search could not be read:
documents-no-match = Nothing on this page matches
documents-first-match = Go to the first match
documents-back-to-results = Back to the results
documents-excerpt-marked = The excerpt is marked in the text.
documents-go-to-excerpt = Go to the excerpt
documents-excerpt-changed = The text of this page no longer matches the quoted excerpt.

## excerpts
excerpts-none = No passage of a document is linked here yet.
excerpts-tags = Tags
excerpts-withheld = Quote withheld: this passage is linked to people whose identity your role does not see, and it could name them.

## watchlists
watchlists-title = Watchlists
watchlists-intro = Saved searches, run again on every new page: what they find waits here for review.
watchlists-name = Name
watchlists-query = Query
watchlists-purpose = Purpose
watchlists-owner = Owner
watchlists-last-run = Last run
watchlists-pending = To review
watchlists-inactive = inactive
watchlists-never = never
watchlists-none = No watchlists yet.
watchlists-review = Hits to review
watchlists-run = Run all watchlists now
watchlists-add = Add a watchlist
watchlists-required = is required
watchlists-query-hint = In the search language, for example: leader NEAR/5 protest
watchlists-query-help = How to write a query (on the search page)
watchlists-query-broken = Not run: this saved query can no longer be read:
watchlists-not-run = not run
watchlists-purpose-hint = Why this is watched, for whoever reviews the hits
watchlists-save-and-run = Save and run

## hits
hits-title = Watchlist hits to review
hits-all = All watchlists
hits-pending = to review
hits-showing = showing the newest
hits-none = Nothing to review.
hits-accept = Accept as an excerpt
hits-dismiss = Dismiss
hits-event = Link to event
hits-person = Link to person
hits-optional-id = Optional: the identifier
hits-unknown-record = No record has this identifier.
hits-events-not-excerpted = A hit in an event narrative cannot become an excerpt: only passages of documents can.

## nav
nav-analysis = Analysis

## dashboard
dashboard-analysis = See the pattern analysis

## analysis
analysis-title = Pattern analysis
analysis-intro = Does enforcement follow protected activity, more closely than chance, and how widely? The same figures as the reports, for the audience chosen: no names, no identity fields, no record ids.
analysis-audience = Audience
analysis-audience-internal = Internal (nothing suppressed)
analysis-audience-coalition = Coalition
analysis-audience-public = Public
analysis-audience-invalid = Choose internal, coalition or public.
analysis-min-count = Smallest count shown
analysis-min-count-hint = Coalition and public: counts of fewer people are suppressed (2 to 1000; 5 if left empty).
analysis-min-count-invalid = must be a whole number from 2 to 1000.
analysis-show = Show
analysis-notice-internal = Internal figures: everyone documented is counted, whatever their consent, and nothing is suppressed. Do not share them outside the group; choose the coalition or public audience for figures that may leave it.
analysis-notice-coalition = Coalition figures: only people who agreed to be counted in coalition statistics are counted.
analysis-notice-public = Public figures: only people who agreed that their de-identified story be published are counted.
analysis-notice-suppressed = Every count of fewer people than
analysis-notice-suppressed-end = is shown as “suppressed”, never as a number, together with any other count that would let it be worked out.
analysis-suppressed = suppressed
analysis-suppressed-note = “Suppressed”: fewer people than the threshold, or hidden so that another count cannot be worked out.
analysis-as-of = Consent read on
analysis-who = Who is counted
analysis-people-counted = People counted
analysis-people-targeted = Targeted by an enforcement action
analysis-enforcement-actions = Enforcement actions
analysis-protected-activities = Protected activities
analysis-timing = How soon enforcement followed protected activity
analysis-timing-hint = Share of pairs of an enforcement action and a person it targeted that came within so many days of that person's own most recent protected activity.
analysis-timing-suppressed = Too few enforcement actions for this audience: the timing figures are suppressed.
analysis-within = within
analysis-day = day
analysis-days = days
analysis-of = of
analysis-pairs-word = action–person pairs
analysis-people-word = people
analysis-windows-caption = Enforcement actions within a window after protected activity (action–person pairs)
analysis-window = Window
analysis-after-own = After own activity
analysis-after-group = After a group's activity
analysis-share = Share
analysis-all-pairs = All pairs
analysis-group-note = Group activity: the most recent protected activity of any group the person belongs to, over the pairs whose person belongs to a group.
analysis-median = median
analysis-quartiles = quartiles
analysis-and = and
analysis-from = from
analysis-to = to
analysis-over = over
analysis-pairs-with-earlier = pairs with an earlier activity
analysis-quartiles-withheld = median and quartiles not given (too few pairs or people).
analysis-imprecise = Pairs resting on a date known only to the month or year, or approximate
analysis-chart-intervals = People by the shortest interval from their own protected activity to a later enforcement action against them
analysis-chart-intervals-desc = Bar chart of people by shortest interval; suppressed categories have no bar.
analysis-as-table = The figures as a table
analysis-pairs-by-interval = Action–person pairs by days since the person's own latest protected activity
analysis-interval = Interval
analysis-people = People
analysis-pairs = Pairs
analysis-total = Total
analysis-nobody = None documented.
analysis-interval-0-30 = 0–30 days
analysis-interval-31-90 = 31–90 days
analysis-interval-91-180 = 91–180 days
analysis-interval-181-365 = 181–365 days
analysis-interval-over-365 = over 365 days
analysis-interval-none-people = no action after an activity
analysis-interval-none-pairs = no earlier activity
analysis-chance = Test against chance
analysis-permutation-test = permutation test
analysis-permutations = permutations
analysis-seed = seed
analysis-mean-observed = Mean interval in days, observed:
analysis-mean-chance = by chance
analysis-null-range = 95% of permutations between
analysis-capped-at = each interval capped at
analysis-test-over = Over
analysis-method = Method
analysis-nothing-to-test = No enforcement action names a targeted person, so the timing could not be tested against chance.
analysis-chance-withheld = Suppressed: too few people were targeted for this audience, so the test against chance is not reported.
analysis-where = Where it happened
analysis-spread = Spread and concentration
analysis-spread-hint = People, each counted once, by their first documented enforcement action: its state, its ICE field office, its year and its type.
analysis-field-offices = ICE field offices
analysis-states = States or territories
analysis-largest-office = Largest field office's share
analysis-not-published = Not published: it could reveal a suppressed count.
analysis-hhi = Concentration index (Herfindahl–Hirschman)
analysis-hhi-hint = From 1/n when people are spread evenly over n offices to 1 when all are in one.
analysis-map = People by the state of their first enforcement action
analysis-map-desc = Map of the United States as a grid of equal squares, one per state, shaded by the number of people; suppressed states are hatched and marked as suppressed.
analysis-none-documented = none documented
analysis-by-state = People by the state of their first enforcement action
analysis-state = State
analysis-by-office = People by the ICE field office of their first enforcement action
analysis-field-office = Field office
analysis-over-time = Over time and by type
analysis-chart-years = People by the year of their first enforcement action
analysis-chart-years-desc = Bar chart of people by year; suppressed years have no bar.
analysis-year = Year
analysis-by-type = People by the type of their first enforcement action
analysis-type = Type of action
analysis-unknown = unknown
analysis-axis-people = people
analysis-report = Download the report
analysis-report-hint = The full report (summary, methodology, charts, map, tables and case vignettes under pseudonyms) for the audience chosen. It is recorded in the audit log before it is sent.
analysis-report-writers-only = Reports are downloaded by administrators, coordinators and documenters.
analysis-format = Format
analysis-format-pdf = PDF
analysis-format-html = HTML (one file)
analysis-format-invalid = Choose PDF or HTML.
analysis-language = Language of the report
analysis-language-invalid = Choose English or Spanish.
analysis-download = Download
