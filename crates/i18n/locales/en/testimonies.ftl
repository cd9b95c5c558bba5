# Testimonies: records, pages, commands and the API.

domain-hint-language = a language code such as es, en or pt-BR
audit-action-testimony-read = testimony account read
# A testimony quoted in a report's case vignette; $date is formatted.
report-testimony = Testimony, { $date }

## Fields and statuses, shared by the command line and the web
field-interviewer = Interviewer
field-language = Language
field-account = Account
field-consent-effective = Consent in force for the account
field-events = Events
field-documents = Documents
field-review = Review for publication
# $at is a day (YYYY-MM-DD); $by is who marked it.
testimony-reviewed-by = Reviewed by { $by } on { $at }
testimony-not-reviewed = Not reviewed for publication
testimony-none = No testimonies yet.
testimony-recorded = { $outcome ->
    [created] Recorded testimony { $id }.
    [updated] Changed testimony { $id }.
   *[unchanged] Testimony { $id } was already so; nothing changed.
}
testimony-review-recorded = { $outcome ->
    [updated] Testimony { $id } is marked reviewed for publication.
   *[unchanged] Testimony { $id } was already marked reviewed; nothing changed.
}

## Command line
cli-about-testimony = Testimonies: a person's first-person account, with its own consent
cli-about-testimony-add = Record a testimony (the account from --account-file or standard input)
cli-about-testimony-list = List testimonies (without their accounts)
cli-about-testimony-show = Show one testimony with its account
cli-about-testimony-review = Mark a testimony reviewed for publication (coordinators and administrators)
cli-arg-testimony-person = Id of the person who gave the testimony
cli-arg-testimony-interviewer = Who took it (volunteer or attorney)
cli-arg-testimony-date = When it was given: YYYY-MM-DD, YYYY-MM or YYYY
cli-arg-testimony-place = Where it was given
cli-arg-testimony-language = Language of the account (es, en, pt-BR…)
cli-arg-testimony-consent = Consent given for this account (internal, coalition_aggregate, coalition_narrative, public_anonymous, public_named); the narrower of this and the person's own is in force
cli-arg-testimony-event = Id of an event the account tells of (repeatable)
cli-arg-testimony-document = Id of an attached document (repeatable)
cli-arg-testimony-account-file = File holding the account (UTF-8 text); without it, standard input is read. Never on the command line: other users see it
cli-arg-testimony-add-id = Id to give it (default: a new tst- id)
cli-arg-testimony-list-person = Only the testimonies of this person
cli-arg-testimony-id = Id of the testimony

## API
api-body-unknown-field = This field is not part of the request.
api-body-wrong-type = This field has the wrong type (expected a text, or a list of texts for events and documents).

## Web
nav-testimonies = Testimonies
testimonies-title = Testimonies
testimonies-intro = A testimony is one person's own account, with the consent they gave for it. The accounts are shown only to those who may see the person's identity.
testimony-new = Record a testimony
testimony-record-for-person = Record a testimony
testimonies-of-person = { $count ->
    [0] No testimonies
    [one] One testimony
   *[other] { $count } testimonies
}
testimony-title = Testimony
testimony-review-hint = Read the account before marking it: once marked, a report may quote it wherever its consents allow.
testimony-review-submit = Mark reviewed for publication
testimony-account-withheld = The account is shown only to those who may see this person's identity.
# $at is a formatted day and time.
testimony-reviewed-on = Reviewed for publication on { $at } by
testimony-person-hint = Who gave the testimony, by pseudonym.
testimony-person-choose = Choose a person
testimony-interviewer-hint = The volunteer or attorney who took it.
testimony-language-hint = The language of the account as given: es, en, or another code such as mam or pt-BR.
testimony-consent-hint = What the person allows for this account. It can be narrower than their consent for their record; the narrower of the two is in force.
testimony-account-hint = In the person's own words. It is stored encrypted and shown only to those who may see the person's identity.
testimony-ids-hint = Ids separated by spaces (optional).
testimony-save = Save the testimony
testimony-search-label = Find words in the accounts
testimony-search-hint = Every word must appear; capitals and accents do not matter. Only the accounts you may read are searched.
testimony-search-submit = Search
testimony-search-results = { $count ->
    [0] No account holds these words
    [one] One account holds these words
   *[other] { $count } accounts hold these words
}
cli-about-testimony-search = Find testimonies whose account holds every word (capitals and accents do not matter); prints a passage of each
cli-arg-testimony-search-query = The words to find
testimony-edit = Change this testimony
testimony-edit-hint = A changed account must be reviewed again before a report may quote it.
api-body-id-mismatch = The id in the body is not the one in the address.
cli-about-testimony-link = Link events and documents to a testimony
cli-arg-testimony-link-event = Id of an event the account tells of (repeatable)
cli-arg-testimony-link-document = Id of a document to attach (repeatable)
testimony-linked = { $count ->
    [0] Testimony { $id }: nothing new to link.
    [one] Testimony { $id }: one new link.
   *[other] Testimony { $id }: { $count } new links.
}
testimonies-of-event = { $count ->
    [one] One testimony tells of this event
   *[other] { $count } testimonies tell of this event
}
