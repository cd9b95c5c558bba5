# reports: messages of the reports slice (see ARCHITECTURE.md, "One message catalog").

## Command line: analyze, report, packet

analyze-permutations-too-few = --permutations must be at least 1
analyze-min-count-too-small = --min-count must be at least 2 for a coalition or public audience, not { $count }
report-wrote = wrote { $path } ({ $format }, { $count ->
        [one] { $count } case
       *[other] { $count } cases
    })
packet-wrote = wrote { $path } ({ $events ->
        [one] { $events } event
       *[other] { $events } events
    }, { $exhibits ->
        [one] { $exhibits } exhibit
       *[other] { $exhibits } exhibits
    })

## Reports (testimonio-report)

report-suppressed = suppressed

report-title = Retaliation against people who speak up: the documented pattern
report-marking-internal = Internal — do not distribute
report-marking-coalition = Coalition — counts of fewer people than { $count } suppressed
report-marking-public = Public — counts of fewer people than { $count } suppressed
report-subtitle-prepared = Prepared with Testimonio from the records kept on { $date }.
report-subtitle-audience = Audience: { $audience }.
report-audience-internal = internal use
report-audience-coalition = the coalition
report-audience-public = the public
report-page-of = Page { $page } of { $pages }
report-figure-caption = Figure { $number }. { $text }
report-figure-all-suppressed = { $what }: fewer than { $count ->
        [one] one person
       *[other] { $count } people
    } in every category, so no figure is drawn.
report-table-caption = Table { $number }. { $text }
report-appendix-caption = Table A{ $number }. { $text }
report-notice-internal-lead = Internal report.
report-notice-internal = Nothing in it is suppressed and it gives record ids, exact dates and places. It still contains no legal name or other identity field: people appear only under their pseudonyms. Do not share it outside the group; make a coalition or public version instead.
report-notice-protects = This report protects the people in it.
report-notice-coalition = It counts only people who agreed to be counted in coalition statistics, names no one, and hides (“suppressed”) every count of fewer than { $count } people, together with whatever other count would let it be worked out.
report-notice-public = It counts only people who agreed that their de-identified story be published, names no one, and hides (“suppressed”) every count of fewer than { $count } people, together with whatever other count would let it be worked out.
report-summary = Summary
report-summary-population = People counted: { $people }. People who faced at least one enforcement action: { $targeted }. Enforcement actions: { $actions }. Protected activities: { $activities }.
report-summary-median = Where the person had an earlier protected activity, the median interval was { $median } (quartiles { $q1 } and { $q3 }).
report-timing-suppressed = Too few enforcement actions for this audience: the timing figures are suppressed.
report-within-lead = { $pairs ->
        [one] Of { $pairs } pair of an enforcement action and a person it targeted,
       *[other] Of { $pairs } pairs of an enforcement action and a person it targeted,
    }
report-within-first = { $count } ({ $share }) came within { $days }
report-within-first-suppressed = a suppressed number came within { $days }
report-within-own = of that person's own most recent protected activity
report-within-more = { $count } ({ $share }) within { $days }
report-within-more-suppressed = a suppressed number within { $days }
report-and = and
report-chance-lead = If enforcement had come on random days within each person's documented period, an average interval as short as the one observed ({ $days }, with each interval capped at 365 days) would have arisen with probability
report-chance-rest = (permutation test, { $permutations ->
        [one] { $permutations } permutation
       *[other] { $permutations } permutations
    }, seed { $seed }). By chance the average would be about { $days } (95% of permutations between { $low } and { $high }).
report-chance-nothing = No enforcement action names a targeted person, so the timing could not be tested against chance.
report-chance-withheld = Too few people for this audience: the test against chance is not reported.
report-spread = People were targeted in { $states ->
        [one] { $states } state or territory
       *[other] { $states } states or territories
    } and { $offices ->
        [one] { $offices } ICE field office
       *[other] { $offices } ICE field offices
    }.
report-spread-largest = The largest office, { $office }, accounts for { $share } of the people whose office is known
report-spread-hhi = (Herfindahl–Hirschman index { $hhi }; 1 would mean all in one office).
report-spread-hhi-withheld = (the concentration index is not published: it could reveal a suppressed count).
report-spread-largest-withheld = The largest office's share is not published: it could reveal a suppressed count.
report-methodology = Methodology
report-sources = Sources and consent
report-sources-text = The figures come from the records of one Testimonio vault: people, always under a pseudonym, and dated events of protected activity (protests, hunger strikes, interviews, testimony, litigation) and of enforcement (surveillance, arrests, detention, notices to appear, deportation), coded with a fixed bilingual vocabulary. Consent is read as recorded on { $date }.
report-consent-internal = Everyone documented is counted, whatever their consent, because this report stays inside the group.
report-consent-coalition = Only people whose consent on that day is at least “coalition statistics” are counted; everyone else is left out of every figure, and taken off the events that named them.
report-consent-public = Only people whose consent on that day is at least “public, anonymous” are counted; everyone else is left out of every figure, and taken off the events that named them.
report-roles-text = An enforcement action is aimed at the people listed as its targets. A person took part in a protected activity when listed as organizer, spokesperson, participant or other. Identity fields (legal names, contact details, A-numbers, addresses) are not read to make this report.
report-timing-heading = Timing
report-timing-pairs-note = These shares are over pairs of an action and a person, so a person targeted twice counts twice. Figure 1 counts people instead, each once, by the shortest interval from one of their own protected activities to a later enforcement action against them.
report-chance-heading = Test against chance
report-chance-not-run = A permutation test compares the observed mean interval (capped at 365 days) with the mean obtained when each person's enforcement actions are moved to random days of their documented period. It was not run for this report (see the summary).
report-place-heading = Place, time and type
report-place-text = The tables, the map and the charts of places, years and types count people, each once, by their first documented enforcement action: its state, its ICE field office, its year and its type. Concentration is given as the largest field office's share of the people whose office is known and as the Herfindahl–Hirschman index, the sum of the squared shares: from 1/n when people are spread evenly over n offices to 1 when all are in one.
report-disclosure-heading = Disclosure control
report-disclosure-internal = This is an internal report: no count is suppressed. Coalition and public versions of it suppress small counts as described in those versions.
report-disclosure-suppressed = Every count of people from 1 to { $max } is suppressed: shown as “suppressed”, never as a number, in tables, on the map and in charts (where it has no bar). Zeros are shown. So that a suppressed count cannot be worked out by subtracting the others from a total, at least one more count is suppressed in the same row, column or list (complementary suppression), and further counts where several rows and columns together would give one away. Counts of action–person pairs are suppressed in the same way, and all of them when a category rests on fewer people than the threshold.
report-disclosure-quartiles = Medians and quartiles are given only over at least { $count } pairs of at least as many people; minima and maxima, which are single people's values, are not given. The largest office's share and the concentration index are given only when they follow from the counts shown. The test against chance is reported only when at least that many people were targeted.
report-disclosure-vignettes-coalition = Case vignettes describe only people who agreed that their story be shared with the coalition, under pseudonyms, with months instead of days and no places; an account is quoted only when everyone the event names agreed.
report-disclosure-vignettes-public = Case vignettes describe only people who agreed that their de-identified story be published, under pseudonyms, with months instead of days and no places; an account is quoted only when everyone the event names agreed.
report-disclosure-limits = What this does not do: each table is protected on its own, so comparing two tables over the same people can narrow what each hides; and a suppressed count is still known to lie between 1 and the threshold, or to be at most what its row leaves over.
report-interval-0-30 = 0–30 days
report-interval-31-90 = 31–90 days
report-interval-91-180 = 91–180 days
report-interval-181-365 = 181–365 days
report-interval-over-365 = over 365 days
report-interval-none-people = no action after an activity
report-interval-none-pairs = no earlier activity
report-axis-people = people
report-timing = How soon enforcement followed protected activity
report-figure-intervals = People by the shortest interval from their own protected activity to a later enforcement action against them
report-figure-intervals-desc = Bar chart of people by shortest interval; suppressed categories have no bar.
report-table-windows = Enforcement actions within a window after protected activity (action–person pairs)
report-within = within { $days }
report-all-pairs = All pairs
report-col-window = Window
report-col-after-own = After own activity
report-col-share = Share
report-col-after-group = After a group's activity
report-windows-note = Group activity: the most recent protected activity of any group the person belongs to (activities naming the group or one of its members), over the pairs whose person belongs to a group.
report-label-own = After the person's own activity
report-label-group = After a group's activity
report-quartiles = { $label }: median { $median }, quartiles { $q1 } and { $q3 } (over { $count ->
        [one] { $count } pair
       *[other] { $count } pairs
    } with an earlier activity).
report-quartiles-range = { $label }: median { $median }, quartiles { $q1 } and { $q3 }, from { $min } to { $max } (over { $count ->
        [one] { $count } pair
       *[other] { $count } pairs
    } with an earlier activity).
report-quartiles-withheld = { $label }: median and quartiles not given (too few pairs or people).
report-imprecise = Pairs resting on a date known only to the month or year, or approximate: { $count }.
report-col-people = People
report-total = Total
report-where = Where it happened
report-figure-states = People by the state of their first enforcement action
report-map-desc = Map of the United States as a grid of equal squares, one per state, shaded by the number of people; suppressed states are hatched and marked as suppressed.
report-map-none = none documented
report-no-state = People whose first enforcement action has no recorded state: { $count }.
report-table-offices = People by the ICE field office of their first enforcement action
report-col-office = Field office
report-concentration-offices = Field offices: { $distinct }
report-concentration-states = States or territories: { $distinct }
report-concentration-largest = the largest is { $label }, { $count ->
        [one] { $count } person
       *[other] { $count } people
    } ({ $share })
report-concentration-hhi = Herfindahl–Hirschman index { $hhi }
report-over-time = Over time and by type
report-unknown = unknown
report-unknown-office = unknown
report-figure-years = People by the year of their first enforcement action
report-figure-years-desc = Bar chart of people by year; suppressed years have no bar.
report-table-types = People by the type of their first enforcement action
report-col-type = Type of action
report-cases = Cases
report-cases-internal = The people targeted, shortest interval first, under their pseudonyms, with dates and places as recorded. Accounts are quoted as recorded.
report-cases-coalition = Only people who agreed that their story be shared with the coalition appear here, under pseudonyms. Dates are given by month and places are left out; an account is quoted only when everyone the event names agreed, and as it was recorded.
report-cases-public = Only people who agreed that their de-identified story be published appear here, under pseudonyms. Dates are given by month and places are left out; an account is quoted only when everyone the event names agreed, and as it was recorded.
report-cases-none = No case can be described for this audience.
report-vignette-closest = Shortest interval from a protected activity to an enforcement action: { $days }.
report-kind-protected = protected activity
report-kind-enforcement = enforcement
report-step-office = field office { $office }
report-step-after = { $days } after their latest protected activity
report-exhibits = Exhibits
report-appendix = Data appendix
report-appendix-intro = The counts behind the figures, with the same suppression. Labels are the vocabulary's and the USPS and ICE codes.
report-appendix-states = People by the state of their first enforcement action (Figure 2)
report-col-state = State
report-appendix-years = People by the year of their first enforcement action (Figure 3)
report-col-year = Year
report-appendix-intervals = People by shortest interval (Figure 1)
report-col-interval = Interval
report-appendix-pairs = Action–person pairs by days since the person's own latest protected activity
report-col-pairs = Pairs
report-parameters = Parameters
report-param-audience = Audience
report-param-min = Smallest count shown
report-param-no-suppression = no suppression
report-param-as-of = Consent read on
report-param-permutations = Permutations
report-param-seed = Seed
report-param-cap = Cap on days
report-param-vocabulary = Event-type vocabulary
report-param-software = Software
report-col-parameter = Parameter
report-col-value = Value

analyze-title = Pattern analysis ({ $audience })
analyze-audience-internal = audience: internal, nothing suppressed
analyze-audience-coalition = audience: coalition; counts of fewer people than { $count } suppressed
analyze-audience-public = audience: public; counts of fewer people than { $count } suppressed
analyze-as-of = Consent read on { $date }
analyze-people-counted = People counted
analyze-people-targeted = targeted by an enforcement action
analyze-enforcement-actions = Enforcement actions
analyze-protected-activities = Protected activities
analyze-proximity-own = Days from the person's own latest protected activity to an enforcement action against them
analyze-proximity-group = The same from the latest protected activity of any of the person's groups
analyze-proximity-suppressed = suppressed: too few pairs or people
analyze-denominator = (denominator: { $pairs ->
        [one] { $pairs } action–person pair
       *[other] { $pairs } action–person pairs
    })
analyze-within = { $count ->
        [one] within { $days } day
       *[other] within { $days } days
    }
analyze-count-of = { $count } of { $total }
analyze-quartiles = median { $median } days; quartiles { $q1 } and { $q3 } (over { $count ->
        [one] { $count } pair
       *[other] { $count } pairs
    } with an earlier activity)
analyze-quartiles-range = median { $median } days; quartiles { $q1 } and { $q3 }; min. { $min }, max. { $max } (over { $count ->
        [one] { $count } pair
       *[other] { $count } pairs
    } with an earlier activity)
analyze-no-earlier = no earlier protected activity: { $none }; resting on an imprecise date: { $imprecise }
analyze-chance-done = Test against chance: { $p } (permutation test, { $permutations ->
        [one] { $permutations } permutation
       *[other] { $permutations } permutations
    }, seed { $seed }, days capped at { $cap })
analyze-chance-means = mean capped days: { $observed } observed; { $null } by chance (95% of permutations between { $low } and { $high })
analyze-method = Method: { $method }
analyze-chance-nothing = Test against chance: nothing to test (no enforcement action names a targeted person)
analyze-chance-withheld = Test against chance: suppressed (too few people for this audience)
analyze-spread = Spread (people, each by their first enforcement action)
analyze-offices = field offices: { $distinct }
analyze-states = states: { $distinct }
analyze-largest = largest: { $label }, { $count ->
        [one] { $count } person
       *[other] { $count } people
    }, { $share }
analyze-largest-withheld = largest share not published (it could reveal a suppressed count)
analyze-hhi = HHI { $hhi }
analyze-hhi-withheld = HHI not published
analyze-by-office = By field office
analyze-by-state = By state
analyze-by-year = By year
analyze-by-type = By type of action
analyze-total = total: { $count }
analyze-suppressed-note = “suppressed”: fewer people than the threshold, or hidden so that another count cannot be worked out.

## Case packet

packet-notice = Confidential — internal. This packet identifies a person. Share it only with their counsel and with their consent.
packet-person = The person
packet-pseudonym = Pseudonym:
packet-legal-name = Legal name:
packet-counts = Protected activities documented: { $protected }. Enforcement actions: { $enforcement }. Exhibits: { $exhibits }.
packet-timeline = Timeline: protected activity and enforcement
packet-none-earlier = none earlier
packet-source = Ex. { $exhibit }, p. { $page }
packet-kind-protected = Protected activity
packet-kind-enforcement = Enforcement
packet-timeline-caption = Table 1. Every event, in date order
packet-col-date = Date
packet-col-kind = Kind
packet-col-type = Type
packet-col-place = Place
packet-col-days = Days since protected activity
packet-col-sources = Sources
packet-timeline-note = Days are counted from the latest earlier protected activity of this person to the enforcement action; an activity that lasted (a hunger strike from March 3 to 17) counts from its end, and an action during it is 0 days from it.
packet-events = Events and their sources
packet-no-excerpt = No excerpt is linked to this event yet.
packet-other-passages = Other passages about this person
packet-exhibits = Exhibits
packet-exhibit-heading = Exhibit { $number } — { $file }
packet-exhibit-id = Vault id: { $id }.
packet-exhibit-size = Size: { $size }.
packet-exhibit-pages = Pages cited: { $pages }.
packet-manifest = Manifest
packet-manifest-caption = Table 2. The originals and their SHA-256 hashes
packet-col-exhibit = Exhibit
packet-col-file = File
packet-manifest-note = To verify an exhibit: testimonio document get ID --out FILE, then compare sha256sum FILE with this table. The originals are byte-exact as received.
packet-title = Case packet: { $pseudonym }
packet-subtitle-audience = Internal audience — contains identifying information
packet-subtitle-generated = Generated on { $date }
packet-marking = CONFIDENTIAL — INTERNAL
packet-citation = Exhibit { $exhibit }, page { $page }:
packet-citation-page = page { $page }:

## Analysis errors (testimonio-analysis)

analysis-error-duplicate-person = person { $id } is listed more than once
analysis-error-duplicate-event = event { $id } is listed more than once
analysis-error-unknown-person = event { $event } names person { $person }, who is not in the analysis
analysis-error-duplicate-participant = event { $event } names person { $person } more than once
analysis-error-period = person { $id }: the documented period ends before it starts
analysis-error-nothing-to-test = nothing to test: no enforcement action names a targeted person
analysis-error-no-permutations = the number of permutations must be at least 1
analysis-error-too-large-for-exact = too many combinations for an exact p-value; use the permutation test
analysis-error-table-shape = the table has { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } of { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    }, but its counts do not have that shape
analysis-error-min-count = the minimum cell count for coalition or public tables must be at least 2, not { $count }

analysis-method-permutation = Permutation test. Statistic: the mean, over every (enforcement action, targeted person) pair, of the days since that person's most recent protected activity on or before the action, capped at { $cap } days; a pair with no earlier activity scores { $cap }. Chance model: each person's protected activities stay fixed and each of their enforcement actions is moved to a day drawn uniformly and independently from the person's documented period (first to last day of their documented events unless given). { $count ->
        [one] { $permutations } permutation
       *[other] { $permutations } permutations
    }, seed { $seed } (SplitMix64, one stream split by position, so the result does not depend on the number of threads). p-value = (1 + number of permutations with a mean as small as observed or smaller) / (1 + { $permutations }). A small p-value means enforcement fell closer after protected activity than chance timing within the same periods would put it; it does not by itself show why.
analysis-method-proximity = For each enforcement action and each person it was aimed at (role 'target'), the most recent protected activity of that person on or before the action's day, and separately of any of the person's groups (activities naming the group or one of its members). Days between them are summarized by minimum, quartiles (linear interpolation), median and maximum over the pairs that have an earlier activity; pairs with none are counted apart. Shares within 30, 90 and 180 days are over all pairs. Dates known only to the month or year are placed on their earliest day for activities and on their latest day for actions, which can only lengthen intervals. An activity with an end date (a hunger strike from March 3 to 17) went on until then: intervals run from its end (an end known only to the month or year placed on its earliest day), and an action during the activity is 0 days from it.

## Web: the analysis page (moved from web.ftl)

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
analysis-notice-suppressed = Every count of fewer people than { $count } is shown as “suppressed”, never as a number, together with any other count that would let it be worked out.
analysis-as-of = Consent read on { $date }.
analysis-within = within { $days }
analysis-count-of-pairs = { $count } of { $total } action–person pairs
analysis-quartiles = median { $median } (quartiles { $q1 } and { $q3 }) over { $n ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    } with an earlier activity
analysis-quartiles-range = median { $median } (quartiles { $q1 } and { $q3 }; from { $min } to { $max }) over { $n ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    } with an earlier activity
analysis-chance-result = { $p } — permutation test, { $permutations ->
        [one] { $permutations } permutation
       *[other] { $permutations } permutations
    }, seed { $seed }
analysis-chance-means = Mean interval in days, observed: { $observed }; by chance { $null } (95% of permutations between { $low } and { $high }); each interval capped at { $cap }. Over { $pairs } action–person pairs of { $people } people.
analysis-largest-detail = { $office }: { $n ->
        [one] { $count } person
       *[other] { $count } people
    }
analysis-suppressed = suppressed
analysis-suppressed-note = “Suppressed”: fewer people than the threshold, or hidden so that another count cannot be worked out.
analysis-who = Who is counted
analysis-people-counted = People counted
analysis-people-targeted = Targeted by an enforcement action
analysis-enforcement-actions = Enforcement actions
analysis-protected-activities = Protected activities
analysis-timing = How soon enforcement followed protected activity
analysis-timing-hint = Share of pairs of an enforcement action and a person it targeted that came within so many days of that person's own most recent protected activity.
analysis-timing-suppressed = Too few enforcement actions for this audience: the timing figures are suppressed.
analysis-windows-caption = Enforcement actions within a window after protected activity (action–person pairs)
analysis-window = Window
analysis-after-own = After own activity
analysis-after-group = After a group's activity
analysis-share = Share
analysis-all-pairs = All pairs
analysis-group-note = Group activity: the most recent protected activity of any group the person belongs to, over the pairs whose person belongs to a group.
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

## Web: a person's timeline

timeline-lag = { $count ->
        [one] { $count } day after #{ $number }
       *[other] { $count } days after #{ $number }
    }
