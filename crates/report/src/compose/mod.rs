//! The report's content: [`Findings`] in words, tables, charts and a map,
//! in English or Spanish. Every sentence is a message of the catalog
//! (`reports.ftl`), with its numbers as arguments; the renderers only lay
//! it out.
//!
//! - this module: the document, its marking and notice, and what the
//!   sections share (captions, tables of people, interval labels);
//! - `summary`: the summary's sentences;
//! - `methodology`: sources, consent, methods and disclosure control;
//! - `sections`: timing, geography, over time;
//! - `cases`: the case vignettes and the data appendix.

mod cases;
mod methodology;
mod sections;
mod summary;

use testimonio_analysis::{Audience, Cell};
use testimonio_domain::{EventType, FieldOffice, Lang, UsState};
use testimonio_i18n::tr;

use crate::chart::{BarChart, bar_chart};
use crate::doc::{Block, Document, Figure, Span, Table, TableCell};
use crate::findings::{CountList, Findings, INTERVALS};
use crate::fmt;

/// The width charts are drawn at, in points (the PDF text width).
const CHART_WIDTH: f32 = 468.0;

/// Builds the report of `findings` in `lang`.
pub fn compose(findings: &Findings, lang: Lang) -> Document {
    Composer::new(findings, lang).document()
}

struct Composer<'a> {
    f: &'a Findings,
    lang: Lang,
    blocks: Vec<Block>,
    figures: u32,
    tables: u32,
    appendix_tables: u32,
}

/// "the public", "the coalition", "internal use": in a sentence.
fn audience_name(audience: Audience, lang: Lang) -> &'static str {
    match audience {
        Audience::Internal => tr!(lang, "report-audience-internal"),
        Audience::Coalition => tr!(lang, "report-audience-coalition"),
        Audience::Public => tr!(lang, "report-audience-public"),
    }
}

/// The marking printed on every page: who the report is for and, for the
/// coalition and the public, the threshold below which counts are
/// suppressed.
pub fn marking(audience: Audience, min_count: u64, lang: Lang) -> String {
    match audience {
        Audience::Internal => tr!(lang, "report-marking-internal").to_owned(),
        Audience::Coalition => tr!(lang, "report-marking-coalition", count = min_count),
        Audience::Public => tr!(lang, "report-marking-public", count = min_count),
    }
}

/// A cell of a table: muted when suppressed.
fn count_cell(lang: Lang, c: Cell) -> TableCell {
    if c.is_suppressed() {
        TableCell::muted(fmt::cell(lang, c))
    } else {
        TableCell::text(fmt::cell(lang, c))
    }
}

impl<'a> Composer<'a> {
    fn new(f: &'a Findings, lang: Lang) -> Self {
        Self {
            f,
            lang,
            blocks: Vec::new(),
            figures: 0,
            tables: 0,
            appendix_tables: 0,
        }
    }

    fn internal(&self) -> bool {
        self.f.audience == Audience::Internal
    }

    fn cell(&self, c: Cell) -> String {
        fmt::cell(self.lang, c)
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    fn para(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph(spans));
    }

    fn text(&mut self, text: impl Into<String>) {
        self.para(vec![Span::plain(text)]);
    }

    fn figure_caption(&mut self, text: &str) -> String {
        self.figures += 1;
        tr!(
            self.lang,
            "report-figure-caption",
            number = self.figures,
            text = text
        )
    }

    fn table_caption(&mut self, text: &str) -> String {
        self.tables += 1;
        tr!(
            self.lang,
            "report-table-caption",
            number = self.tables,
            text = text
        )
    }

    fn appendix_caption(&mut self, text: &str) -> String {
        self.appendix_tables += 1;
        tr!(
            self.lang,
            "report-appendix-caption",
            number = self.appendix_tables,
            text = text
        )
    }

    fn document(mut self) -> Document {
        let lang = self.lang;
        let f = self.f;
        let subtitle = vec![
            tr!(
                lang,
                "report-subtitle-prepared",
                date = fmt::day(lang, f.as_of)
            ),
            tr!(
                lang,
                "report-subtitle-audience",
                audience = audience_name(f.audience, lang)
            ),
        ];
        self.notice();
        self.summary();
        self.methodology();
        self.timing();
        self.geography();
        self.over_time();
        self.cases();
        self.appendix();
        Document {
            lang,
            title: tr!(lang, "report-title").to_owned(),
            subtitle,
            marking: marking(f.audience, f.min_count, lang),
            blocks: self.blocks,
        }
    }

    fn notice(&mut self) {
        let lang = self.lang;
        let (lead, rest) = match self.f.audience {
            Audience::Internal => (
                tr!(lang, "report-notice-internal-lead"),
                tr!(lang, "report-notice-internal").to_owned(),
            ),
            Audience::Coalition => (
                tr!(lang, "report-notice-protects"),
                tr!(lang, "report-notice-coalition", count = self.f.min_count),
            ),
            Audience::Public => (
                tr!(lang, "report-notice-protects"),
                tr!(lang, "report-notice-public", count = self.f.min_count),
            ),
        };
        self.blocks.push(Block::Notice(vec![
            Span::bold(lead),
            Span::plain(format!(" {rest}")),
        ]));
    }

    fn interval_label(&self, code: &str, people: bool) -> String {
        let lang = self.lang;
        match code {
            "0_30" => tr!(lang, "report-interval-0-30"),
            "31_90" => tr!(lang, "report-interval-31-90"),
            "91_180" => tr!(lang, "report-interval-91-180"),
            "181_365" => tr!(lang, "report-interval-181-365"),
            "over_365" => tr!(lang, "report-interval-over-365"),
            "none" if people => tr!(lang, "report-interval-none-people"),
            "none" => tr!(lang, "report-interval-none-pairs"),
            other => other,
        }
        .to_owned()
    }

    /// A bar chart of people per category; when every bar is suppressed,
    /// one sentence instead (an empty chart on a 0–1 axis says nothing).
    /// Bars beside suppressed ones keep the scale of the shown ones.
    fn bar_figure(&mut self, caption: &str, description: &str, bars: Vec<(String, Cell)>) {
        // Every bar suppressed or zero (a category nobody is in): nothing
        // to draw.
        let drawn = bars.iter().any(|(_, c)| c.shown().is_some_and(|n| n > 0));
        if !drawn && bars.iter().any(|(_, c)| c.is_suppressed()) {
            let sentence = tr!(
                self.lang,
                "report-figure-all-suppressed",
                what = caption,
                count = self.f.min_count
            );
            self.text(sentence);
            return;
        }
        let caption = self.figure_caption(caption);
        let drawing = bar_chart(&BarChart {
            description: description.to_owned(),
            bars,
            suppressed: fmt::suppressed(self.lang).to_owned(),
            axis: tr!(self.lang, "report-axis-people").to_owned(),
            width: CHART_WIDTH,
            format: fmt::counter(self.lang),
        });
        self.blocks.push(Block::Figure(Figure { caption, drawing }));
    }

    fn list_rows(&self, list: &CountList, label: impl Fn(&str) -> String) -> Vec<Vec<TableCell>> {
        let lang = self.lang;
        let mut rows: Vec<(String, Cell, bool)> = list
            .entries()
            .map(|(code, c)| (label(code), c, code == "unknown"))
            .collect();
        // Known values by name, "unknown" last; never by count, so that a
        // suppressed count's place in the order gives nothing away.
        rows.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
        let mut out: Vec<Vec<TableCell>> = rows
            .into_iter()
            .map(|(name, c, unknown)| {
                vec![
                    if unknown {
                        TableCell::muted(name)
                    } else {
                        TableCell::text(name)
                    },
                    count_cell(lang, c),
                ]
            })
            .collect();
        out.push(vec![
            TableCell::text(tr!(lang, "report-total")),
            count_cell(lang, list.total()),
        ]);
        out
    }

    fn people_table(
        &self,
        caption: String,
        first: &str,
        list: &CountList,
        label: impl Fn(&str) -> String,
    ) -> Block {
        Block::Table(Table {
            caption,
            header: vec![
                first.to_owned(),
                tr!(self.lang, "report-col-people").to_owned(),
            ],
            numeric: vec![false, true],
            rows: self.list_rows(list, label),
            total_row: true,
            note: None,
        })
    }

    fn interval_rows(&self, list: &CountList, people: bool) -> Vec<Vec<TableCell>> {
        let lang = self.lang;
        let mut rows: Vec<Vec<TableCell>> = INTERVALS
            .iter()
            .map(|code| {
                vec![
                    TableCell::text(self.interval_label(code, people)),
                    count_cell(lang, list.get(code)),
                ]
            })
            .collect();
        rows.push(vec![
            TableCell::text(tr!(lang, "report-total")),
            count_cell(lang, list.total()),
        ]);
        rows
    }
}

/// "San Antonio (SNA)", or the word for unknown.
pub fn office_label(code: &str, lang: Lang) -> String {
    match FieldOffice::parse("field_office", code) {
        Ok(o) => format!("{} ({})", o.name(lang), o.code()),
        Err(_) => tr!(lang, "report-unknown-office").to_owned(),
    }
}

/// "Texas (TX)", or the word for unknown.
pub fn state_label(code: &str, lang: Lang) -> String {
    match UsState::parse("state", code) {
        Ok(s) => format!("{} ({})", s.name(lang), s.code()),
        Err(_) => tr!(lang, "report-unknown").to_owned(),
    }
}

/// The vocabulary's label of a type code.
pub fn type_label(code: &str, lang: Lang) -> String {
    match EventType::parse("event_type", code) {
        Ok(t) => t.label(lang).to_owned(),
        Err(_) => tr!(lang, "report-unknown").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use chrono::NaiveDate;
    use testimonio_domain::exchange::parse_line;
    use testimonio_domain::{
        ConsentHistory, ConsentLevel, ConsentRecord, Event, RecordId, ShortText,
    };

    use super::*;
    use crate::findings::{FindingsOptions, Subject};

    /// Findings for the public of two people and two events each: every
    /// count below the threshold of 5.
    fn few_people_findings() -> Findings {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let subject = |id: &str, name: &str| Subject {
            id: RecordId::parse("id", id).unwrap(),
            pseudonym: ShortText::parse("pseudonym", name).unwrap(),
            groups: Vec::new(),
            consent: ConsentHistory::new(vec![
                ConsentRecord::new(ConsentLevel::PublicAnonymous, None, None, None).unwrap(),
            ]),
        };
        let event = |line: &str| match parse_line(line).unwrap() {
            testimonio_domain::exchange::ExchangeRecord::Event(e) => e.into_event().unwrap(),
            other => panic!("not an event: {other:?}"),
        };
        let events: Vec<Event> = ["p-1", "p-2"]
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                [
                    event(&format!(
                        r#"{{"type":"event","id":"a-{i}","event_type":"protest","date":"2019-03-0{}","state":"TX","people":[{{"id":"{p}","role":"organizer"}}]}}"#,
                        i + 1
                    )),
                    event(&format!(
                        r#"{{"type":"event","id":"e-{i}","event_type":"stop_or_arrest","date":"2019-04-0{}","state":"TX","field_office":"SNA","people":[{{"id":"{p}","role":"target"}}]}}"#,
                        i + 1
                    )),
                ]
            })
            .collect();
        Findings::compute(
            &[subject("p-1", "Luz"), subject("p-2", "Sol")],
            &events,
            &HashMap::new(),
            &FindingsOptions {
                audience: Audience::Public,
                min_count: 5,
                as_of: today,
                permutations: 10,
                seed: 1,
                vignettes: 0,
                threads: None,
            },
        )
        .unwrap()
    }

    fn paragraphs(document: &Document) -> Vec<String> {
        document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(spans) => {
                    Some(spans.iter().map(|s| s.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_figure_whose_every_bar_is_suppressed_is_one_sentence() {
        let findings = few_people_findings();
        for (lang, sentence) in [
            (Lang::En, "fewer than 5 people in every category"),
            (Lang::Es, "menos de 5 personas en cada categoría"),
        ] {
            let document = compose(&findings, lang);
            let said: Vec<String> = paragraphs(&document)
                .into_iter()
                .filter(|p| p.contains(sentence))
                .collect();
            assert!(!said.is_empty(), "{lang:?}: {:#?}", paragraphs(&document));
            // Only the state map is drawn: no bar chart of suppressed bars.
            let figures: Vec<&Figure> = document
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Figure(f) => Some(f),
                    _ => None,
                })
                .collect();
            let captions: Vec<&str> = figures.iter().map(|f| f.caption.as_str()).collect();
            assert_eq!(figures.len(), 1, "{lang:?}: {captions:?}");
            assert!(
                figures[0].caption.contains('1'),
                "numbered from 1: {}",
                figures[0].caption
            );
        }
    }

    #[test]
    fn the_suppression_marking_reads_correctly_in_both_languages() {
        assert_eq!(
            marking(Audience::Public, 5, Lang::Es),
            "Público — se suprimen los recuentos de menos de 5 personas"
        );
        assert_eq!(
            marking(Audience::Coalition, 11, Lang::Es),
            "Coalición — se suprimen los recuentos de menos de 11 personas"
        );
        assert_eq!(
            marking(Audience::Public, 5, Lang::En),
            "Public — counts of fewer people than 5 suppressed"
        );
        assert_eq!(
            marking(Audience::Internal, 5, Lang::Es),
            "Uso interno — no distribuir"
        );
    }
}
