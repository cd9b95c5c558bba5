# The web app. Reviewed side by side with ../es/web.ftl.

## events
events-title = Events
events-filter = Filter
events-clear = Clear
events-any = Any
events-none = No events match.
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
person-timeline = Timeline
person-timeline-caption = Protected activity above the line, enforcement below; days between them marked.
person-identity = Identity
person-identity-hidden = Identity fields are not shown to your role.
person-identity-audited = This view of identity fields was recorded in the audit log.
person-consent-history = Consent history

## people
people-title = People

## groups
groups-title = Groups

## group
group-members = Members

## error
error-forbidden = Your role does not allow this.
error-not-found = Not found.
error-internal = An unexpected error occurred. It was logged; no data was changed by the failed step.

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
field-place = Place
field-note = Note
field-given-on = Given on
field-withdrawn-on = Withdrawn on
field-in-force = In force today

## event
event-id-taken = an event with this identifier already exists
event-not-saved = The event could not be saved. Check the fields and try again.

## person
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
group-all-events = All events of this group in the event list
group-no-members = No members recorded.
group-latest-shown = The 50 most recent events are shown.

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
documents-own-date-label = Date of the document
documents-obtained-on = Obtained on
documents-media-type = File type
documents-extracted-with = Text read with
documents-attachments = Attachments
documents-no-attachments = No attachments.
documents-no-pages = No text has been read from this document.
documents-page = Page
documents-method = Method
documents-decision = Why read so
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
search-help-intro = Words side by side must all match. Case and accents are ignored, and a word also finds its other forms in English and in Spanish (proceeding finds proceedings, instigadora finds instigadoras), except with exact:. AND binds tighter than OR. Operators are written in capitals, in English or in Spanish: AND (Y), OR (O), NOT (NO), NEAR (CERCA); in lower case they are words. Each result names the document and the page.
search-help-word = a word, in any of its forms (instigators too)
search-help-phrase = a phrase, word for word (each word in any of its forms)
search-help-slop = the words within 5 positions of each other
search-help-near = the same, in either order (also CERCA/5)
search-help-prefix = words starting with "inst"
search-help-fuzzy = words within 1 or 2 edits (OCR errors, spellings)
search-help-boolean = AND, OR, NOT and parentheses
search-help-boolean-spanish = the same with the Spanish operators Y, O and NO, in capitals (y, o and no are words)
search-help-minus = without this word (the same as NOT)
search-help-exact = case and accents exactly as written, and only that form of the word
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

