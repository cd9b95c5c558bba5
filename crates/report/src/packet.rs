//! The case packet: one person's documented history for a
//! prosecutorial-discretion request or a First Amendment claim (internal
//! audience only): the timeline of protected activity against
//! enforcement, each event with its sources, the excerpts with their page
//! citations, the exhibits numbered in order of first citation, and a
//! manifest of the originals' SHA-256 hashes.
//!
//! Exhibits are cited, not altered: an original stays byte-exact so that
//! its hash in the manifest can be verified; the exhibit number is the
//! packet's label for it (and the file name when exported with it).

use std::collections::BTreeMap;

use testimonio_domain::Lang;
use testimonio_i18n::{format, tr};

use crate::doc::{Block, Document, Span, Table, TableCell};

mod certification;

/// The person, as the packet names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketPerson {
    pub id: String,
    pub pseudonym: String,
    /// Internal audience only: read through the vault's audited identity read.
    pub legal_name: Option<String>,
}

/// One event in the person's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketEvent {
    pub id: String,
    /// As recorded (`2019-03-02`, `2019-03`, `~2019`), with its end date
    /// when it lasted (`2019-03-03 – 2019-03-17`).
    pub date: String,
    /// The first day it can be: for ordering and day counts.
    pub day: chrono::NaiveDate,
    /// The day it went on until: the first day its end date can be, for
    /// an event that lasted; else `day`. Days to a later action are
    /// counted from it.
    pub until: chrono::NaiveDate,
    pub protected: bool,
    pub type_label: String,
    pub role_label: String,
    pub place: String,
    pub narrative: Option<String>,
}

/// A passage cited as a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketExcerpt {
    pub document: String,
    pub page: u32,
    pub quote: String,
    pub tags: Vec<String>,
    pub events: Vec<String>,
}

/// A document cited by an excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketDocument {
    pub id: String,
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
    /// How the vault came to hold it: for the certification page.
    pub provenance: PacketProvenance,
}

/// What the vault records of how a document was obtained and taken in,
/// labels already in the packet's language: the process the
/// certification page describes for each exhibit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PacketProvenance {
    /// When it was received into the vault (as stored, UTC).
    pub added_at: String,
    /// The account that received it.
    pub added_by: String,
    /// Where it came from (FOIA production, court record...), if recorded.
    pub source_label: Option<String>,
    /// Who held it before the vault, if recorded.
    pub custodian: Option<String>,
    /// The day it was obtained, if recorded.
    pub obtained_on: Option<String>,
    /// The tool (and version) its text was extracted with, if any.
    pub extracted_with: Option<String>,
    /// Entries in its custody log when the packet was made.
    pub custody_events: usize,
}

/// The case a packet is made for, shown on its cover: labels already in
/// the packet's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketCase {
    pub id: String,
    pub title: String,
    pub kind_label: String,
    pub status_label: String,
    pub attorney: Option<String>,
    /// As recorded (`2024-03`), or `None`.
    pub opened_on: Option<String>,
}

/// Everything a packet shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketInput {
    /// The case, for a case's packet; `None` for a person's packet, whose
    /// output is then what it always was.
    pub case: Option<PacketCase>,
    pub person: PacketPerson,
    pub events: Vec<PacketEvent>,
    pub excerpts: Vec<PacketExcerpt>,
    pub documents: Vec<PacketDocument>,
    pub generated_on: String,
    /// The program that made the packet, with its version
    /// (`testimonio 0.1.0`), named on the certification page.
    pub software: String,
}

/// The exhibit numbers: documents in order of first citation (events in
/// date order, then excerpts not tied to an event), then the documents no
/// excerpt cites (a case's linked documents) in their given order.
pub fn exhibit_numbers(input: &PacketInput) -> Vec<(usize, &PacketDocument)> {
    let mut order: Vec<&str> = Vec::new();
    let mut events: Vec<&PacketEvent> = input.events.iter().collect();
    events.sort_by_key(|e| (e.day, e.id.clone()));
    fn cite<'a>(order: &mut Vec<&'a str>, document: &'a str) {
        if !order.contains(&document) {
            order.push(document);
        }
    }
    for event in &events {
        for excerpt in input
            .excerpts
            .iter()
            .filter(|x| x.events.contains(&event.id))
        {
            cite(&mut order, &excerpt.document);
        }
    }
    for excerpt in &input.excerpts {
        cite(&mut order, &excerpt.document);
    }
    for document in &input.documents {
        cite(&mut order, &document.id);
    }
    order
        .into_iter()
        .filter_map(|id| input.documents.iter().find(|d| d.id == id))
        .enumerate()
        .map(|(i, d)| (i + 1, d))
        .collect()
}

/// Builds the packet as a document to render (PDF or HTML).
pub fn packet(input: &PacketInput, lang: Lang) -> Document {
    let exhibits = exhibit_numbers(input);
    let number_of = |document: &str| {
        exhibits
            .iter()
            .find(|(_, d)| d.id == document)
            .map(|(n, _)| *n)
    };
    let mut events: Vec<&PacketEvent> = input.events.iter().collect();
    events.sort_by_key(|e| (e.day, e.id.clone()));
    let heading = |level: u8, text: &str| Block::Heading {
        level,
        text: text.to_owned(),
    };
    let mut blocks = Vec::new();

    blocks.push(Block::Notice(vec![Span::bold(tr!(lang, "packet-notice"))]));
    if let Some(case) = &input.case {
        blocks.extend(case_blocks(case, lang));
    }
    blocks.push(heading(1, tr!(lang, "packet-person")));
    let mut who = vec![
        Span::bold(format!("{} ", tr!(lang, "packet-pseudonym"))),
        Span::plain(input.person.pseudonym.clone()),
        Span::plain(format!(" ({})", input.person.id)),
    ];
    if let Some(name) = &input.person.legal_name {
        who.push(Span::plain(". "));
        who.push(Span::bold(format!("{} ", tr!(lang, "packet-legal-name"))));
        who.push(Span::plain(name.clone()));
    }
    blocks.push(Block::Paragraph(who));
    let protected = events.iter().filter(|e| e.protected).count();
    blocks.push(Block::Paragraph(vec![Span::plain(tr!(
        lang,
        "packet-counts",
        protected = protected,
        enforcement = events.len() - protected,
        exhibits = exhibits.len()
    ))]));

    blocks.push(heading(1, tr!(lang, "packet-timeline")));
    blocks.push(timeline(input, &events, lang, &number_of));

    blocks.push(heading(1, tr!(lang, "packet-events")));
    for event in &events {
        blocks.push(Block::Heading {
            level: 3,
            text: format!(
                "{} — {} ({})",
                event.date, event.type_label, event.role_label
            ),
        });
        if !event.place.is_empty() {
            blocks.push(Block::Paragraph(vec![Span::italic(event.place.clone())]));
        }
        if let Some(narrative) = &event.narrative {
            blocks.push(Block::Quote(narrative.clone()));
        }
        let cited: Vec<&PacketExcerpt> = input
            .excerpts
            .iter()
            .filter(|x| x.events.contains(&event.id))
            .collect();
        if cited.is_empty() {
            blocks.push(Block::Paragraph(vec![Span::italic(tr!(
                lang,
                "packet-no-excerpt"
            ))]));
        }
        for excerpt in cited {
            blocks.push(citation(excerpt, number_of(&excerpt.document), lang));
        }
    }
    let unlinked: Vec<&PacketExcerpt> = input
        .excerpts
        .iter()
        .filter(|x| x.events.is_empty())
        .collect();
    if !unlinked.is_empty() {
        blocks.push(heading(2, tr!(lang, "packet-other-passages")));
        for excerpt in unlinked {
            blocks.push(citation(excerpt, number_of(&excerpt.document), lang));
        }
    }

    blocks.push(heading(1, tr!(lang, "packet-exhibits")));
    blocks.extend(exhibit_blocks(input, &exhibits, lang));

    blocks.push(heading(1, tr!(lang, "packet-manifest")));
    blocks.push(Block::Table(Table {
        caption: tr!(lang, "packet-manifest-caption").to_owned(),
        header: vec![
            tr!(lang, "packet-col-exhibit").to_owned(),
            tr!(lang, "packet-col-file").to_owned(),
            "SHA-256".into(),
        ],
        numeric: vec![true, false, false],
        rows: exhibits
            .iter()
            .map(|(n, d)| {
                vec![
                    TableCell::text(format::number(lang, *n as u64)),
                    TableCell::text(d.file_name.clone()),
                    TableCell::text(d.sha256.clone()),
                ]
            })
            .collect(),
        total_row: false,
        note: Some(tr!(lang, "packet-manifest-note").to_owned()),
    }));
    blocks.extend(certification::blocks(input, &exhibits, lang));

    Document {
        lang,
        title: tr!(
            lang,
            "packet-title",
            pseudonym = input.person.pseudonym.as_str()
        ),
        subtitle: input
            .case
            .iter()
            .map(|case| {
                tr!(
                    lang,
                    "packet-case-subtitle",
                    title = case.title.as_str(),
                    kind = case.kind_label.as_str()
                )
            })
            .chain([
                tr!(lang, "packet-subtitle-audience").to_owned(),
                tr!(
                    lang,
                    "packet-subtitle-generated",
                    date = input.generated_on.as_str()
                ),
            ])
            .collect(),
        marking: tr!(lang, "packet-marking").to_owned(),
        blocks,
    }
}

/// The case on the cover: title, kind, status, attorney, opening day.
fn case_blocks(case: &PacketCase, lang: Lang) -> Vec<Block> {
    let line = |label: &str, value: &str| {
        Block::Paragraph(vec![
            Span::bold(format!("{label} ")),
            Span::plain(value.to_owned()),
        ])
    };
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: tr!(lang, "packet-case").to_owned(),
        },
        line(
            tr!(lang, "packet-case-title"),
            &format!("{} ({})", case.title, case.id),
        ),
        line(tr!(lang, "packet-case-kind"), &case.kind_label),
        line(tr!(lang, "packet-case-status"), &case.status_label),
    ];
    if let Some(attorney) = &case.attorney {
        blocks.push(line(tr!(lang, "packet-case-attorney"), attorney));
    }
    if let Some(opened) = &case.opened_on {
        blocks.push(line(tr!(lang, "packet-case-opened"), opened));
    }
    blocks
}

/// Table 1: every event in date order, with the days since the latest
/// earlier protected activity and the exhibits citing it.
fn timeline(
    input: &PacketInput,
    events: &[&PacketEvent],
    lang: Lang,
    number_of: &dyn Fn(&str) -> Option<usize>,
) -> Block {
    let mut rows = Vec::new();
    // The latest day any protected activity so far went on until: an
    // action during an activity that lasted is 0 days from it.
    let mut latest_protected: Option<chrono::NaiveDate> = None;
    for event in events {
        let days = if event.protected {
            latest_protected = latest_protected.max(Some(event.until));
            TableCell::text("")
        } else {
            match latest_protected {
                Some(until) => TableCell::text(format::signed(
                    lang,
                    (event.day - until.min(event.day)).num_days(),
                )),
                None => TableCell::muted(tr!(lang, "packet-none-earlier")),
            }
        };
        let sources: Vec<String> = input
            .excerpts
            .iter()
            .filter(|x| x.events.contains(&event.id))
            .filter_map(|x| {
                number_of(&x.document)
                    .map(|n| tr!(lang, "packet-source", exhibit = n, page = x.page))
            })
            .collect();
        rows.push(vec![
            TableCell::text(event.date.clone()),
            TableCell::text(if event.protected {
                tr!(lang, "packet-kind-protected")
            } else {
                tr!(lang, "packet-kind-enforcement")
            }),
            TableCell::text(event.type_label.clone()),
            TableCell::text(event.place.clone()),
            days,
            TableCell::text(sources.join("; ")),
        ]);
    }
    Block::Table(Table {
        caption: tr!(lang, "packet-timeline-caption").to_owned(),
        header: vec![
            tr!(lang, "packet-col-date").to_owned(),
            tr!(lang, "packet-col-kind").to_owned(),
            tr!(lang, "packet-col-type").to_owned(),
            tr!(lang, "packet-col-place").to_owned(),
            tr!(lang, "packet-col-days").to_owned(),
            tr!(lang, "packet-col-sources").to_owned(),
        ],
        numeric: vec![false, false, false, false, true, false],
        rows,
        total_row: false,
        note: Some(tr!(lang, "packet-timeline-note").to_owned()),
    })
}

/// Each exhibit: its number and name, vault id, size, pages cited, hash.
fn exhibit_blocks(
    input: &PacketInput,
    exhibits: &[(usize, &PacketDocument)],
    lang: Lang,
) -> Vec<Block> {
    let mut pages: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for excerpt in &input.excerpts {
        let list = pages.entry(excerpt.document.as_str()).or_default();
        if !list.contains(&excerpt.page) {
            list.push(excerpt.page);
        }
    }
    let mut blocks = Vec::new();
    for (n, document) in exhibits {
        blocks.push(Block::Heading {
            level: 2,
            text: tr!(
                lang,
                "packet-exhibit-heading",
                number = *n,
                file = document.file_name.as_str()
            ),
        });
        let mut cited = pages.get(document.id.as_str()).cloned().unwrap_or_default();
        cited.sort_unstable();
        let cited = cited
            .iter()
            .map(|p| format::number(lang, u64::from(*p)))
            .collect::<Vec<_>>()
            .join(", ");
        blocks.push(Block::Paragraph(vec![
            Span::plain(format!(
                "{} ",
                tr!(lang, "packet-exhibit-id", id = document.id.as_str())
            )),
            Span::plain(format!(
                "{} ",
                tr!(
                    lang,
                    "packet-exhibit-size",
                    size = format::file_size(lang, document.size)
                )
            )),
            Span::plain(tr!(lang, "packet-exhibit-pages", pages = cited)),
        ]));
        blocks.push(Block::Paragraph(vec![
            Span::plain("SHA-256: "),
            Span::bold(document.sha256.clone()),
        ]));
    }
    blocks
}

fn citation(excerpt: &PacketExcerpt, exhibit: Option<usize>, lang: Lang) -> Block {
    let mut spans = vec![Span::bold(format!(
        "{} ",
        match exhibit {
            Some(n) => tr!(lang, "packet-citation", exhibit = n, page = excerpt.page),
            None => tr!(lang, "packet-citation-page", page = excerpt.page),
        }
    ))];
    spans.push(Span::italic(format!("“{}”", excerpt.quote)));
    if !excerpt.tags.is_empty() {
        spans.push(Span::plain(format!(" [{}]", excerpt.tags.join(", "))));
    }
    Block::Paragraph(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn input() -> PacketInput {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let event = |id: &str, date: chrono::NaiveDate, protected: bool| PacketEvent {
            id: id.into(),
            date: date.to_string(),
            day: date,
            until: date,
            protected,
            type_label: if protected {
                "Hunger strike".into()
            } else {
                "Arrest".into()
            },
            role_label: "Organizer".into(),
            place: "Tacoma, WA".into(),
            narrative: None,
        };
        PacketInput {
            case: None,
            person: PacketPerson {
                id: "p-1".into(),
                pseudonym: "Luz".into(),
                legal_name: Some("Ana Example".into()),
            },
            events: vec![
                event("e-2", day(2019, 3, 12), false),
                event("e-1", day(2019, 2, 10), true),
            ],
            excerpts: vec![
                PacketExcerpt {
                    document: "doc-b".into(),
                    page: 4,
                    quote: "arrest the organizer".into(),
                    tags: vec!["animus".into()],
                    events: vec!["e-2".into()],
                },
                PacketExcerpt {
                    document: "doc-a".into(),
                    page: 1,
                    quote: "the hunger strike".into(),
                    tags: vec![],
                    events: vec!["e-1".into()],
                },
            ],
            documents: vec![
                PacketDocument {
                    id: "doc-a".into(),
                    file_name: "a.pdf".into(),
                    sha256: "a".repeat(64),
                    size: 10,
                    provenance: PacketProvenance {
                        added_at: "2026-11-20T10:00:00Z".into(),
                        added_by: "cli:ana".into(),
                        source_label: Some("FOIA production".into()),
                        custodian: Some("ICE FOIA office".into()),
                        obtained_on: Some("2026-11-19".into()),
                        extracted_with: Some("pdftotext 22.12".into()),
                        custody_events: 2,
                    },
                },
                PacketDocument {
                    id: "doc-b".into(),
                    file_name: "b.pdf".into(),
                    sha256: "b".repeat(64),
                    size: 20,
                    provenance: PacketProvenance::default(),
                },
            ],
            generated_on: "2026-11-25".into(),
            software: "testimonio 0.1.0".into(),
        }
    }

    #[test]
    fn exhibits_are_numbered_in_order_of_first_citation_by_date() {
        let input = input();
        let numbers: Vec<(usize, &str)> = exhibit_numbers(&input)
            .into_iter()
            .map(|(n, d)| (n, d.id.as_str()))
            .collect();
        assert_eq!(numbers, [(1, "doc-a"), (2, "doc-b")]);
    }

    #[test]
    fn the_timeline_counts_from_the_end_of_an_activity_that_lasted() {
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2019, m, d).unwrap();
        let mut input = input();
        // The hunger strike went on from February 10 to March 5; the
        // arrest on March 12 is 7 days after its end, not 30 after its
        // first day; an arrest during the strike is 0 days from it.
        let strike = input.events.iter_mut().find(|e| e.protected).unwrap();
        strike.until = day(3, 5);
        strike.date = "2019-02-10 – 2019-03-05".into();
        let mut during = input.events[0].clone();
        during.id = "e-3".into();
        during.day = day(2, 20);
        during.until = day(2, 20);
        during.date = "2019-02-20".into();
        input.events.push(during);
        let document = packet(&input, Lang::En);
        let Some(Block::Table(timeline)) = document
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no timeline table")
        };
        let rows: Vec<(&str, &str)> = timeline
            .rows
            .iter()
            .map(|r| (r[0].text.as_str(), r[4].text.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("2019-02-10 – 2019-03-05", ""),
                ("2019-02-20", "0"),
                ("2019-03-12", "7"),
            ]
        );
    }

    #[test]
    fn the_timeline_counts_days_since_the_latest_protected_activity() {
        let document = packet(&input(), Lang::En);
        let Some(Block::Table(timeline)) = document
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no timeline table")
        };
        assert_eq!(timeline.rows[0][0].text, "2019-02-10");
        assert_eq!(timeline.rows[1][4].text, "30");
        assert_eq!(timeline.rows[1][5].text, "Ex. 2, p. 4");
        let text = format!("{document:?}");
        assert!(text.contains("Ana Example") && text.contains(&"b".repeat(64)));
    }
}
