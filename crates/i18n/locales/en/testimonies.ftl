# Testimonies: records, pages, commands and the API.

domain-hint-language = a language code such as es, en or pt-BR
audit-action-testimony-read = testimony account read
# A testimony quoted in a report's case vignette; $date is formatted.
report-testimony = Testimony, { $date }
