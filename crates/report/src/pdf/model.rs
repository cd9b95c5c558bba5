//! The document as the template reads it: a render-specific mirror of
//! [`Document`] serialized to JSON. Everything the template needs and
//! cannot work out itself is decided here: the SVG of each figure, the
//! column widths of each table, the words around the page numbers.

use serde::Serialize;
use testimonio_domain::Lang;

use crate::doc::{Block, Document, Span, Style, Table};
use crate::fonts::{self, Face};
use crate::svg;

/// The width of the text column: US Letter less two one-inch margins.
pub(crate) const TEXT_WIDTH: f32 = 468.0;
/// Table text size and the horizontal padding of a cell (each side), as
/// in the template.
const TABLE_SIZE: f32 = 8.5;
const CELL_PAD: f32 = 4.5;
/// Room left per column beyond its measured text, for rounding and for
/// the sum of advances differing from the shaped width.
const SLACK: f32 = 1.5;

#[derive(Debug, Serialize)]
pub(crate) struct Data<'a> {
    /// `report` or `letter`.
    pub kind: &'static str,
    pub lang: &'static str,
    pub region: &'static str,
    pub title: &'a str,
    pub subtitle: &'a [String],
    pub marking: &'a str,
    pub page: PageLabel,
    pub blocks: Vec<BlockData<'a>>,
    /// A letter's lines (a letter has no blocks).
    pub lines: Vec<&'a str>,
}

/// "Page 3 of 9" around its two numbers.
#[derive(Debug, Serialize)]
pub(crate) struct PageLabel {
    pub before: String,
    pub between: String,
    pub after: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct SpanData<'a> {
    pub text: &'a str,
    pub style: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CellData<'a> {
    pub text: &'a str,
    pub muted: bool,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum BlockData<'a> {
    Heading {
        level: u8,
        text: &'a str,
    },
    Paragraph {
        spans: Vec<SpanData<'a>>,
    },
    Bullets {
        items: Vec<Vec<SpanData<'a>>>,
    },
    Notice {
        spans: Vec<SpanData<'a>>,
    },
    Quote {
        text: &'a str,
    },
    PageBreak,
    Table {
        caption: &'a str,
        header: Vec<&'a str>,
        numeric: &'a [bool],
        rows: Vec<Vec<CellData<'a>>>,
        total_row: bool,
        note: Option<&'a str>,
        /// Per column: a width in points, or `None` for the engine's
        /// `auto` (as wide as its content).
        widths: Vec<Option<f32>>,
    },
    Figure {
        caption: &'a str,
        description: &'a str,
        svg: String,
        /// The drawing's natural width, in points.
        width: f32,
    },
}

fn spans(list: &[Span]) -> Vec<SpanData<'_>> {
    list.iter()
        .map(|s| SpanData {
            text: &s.text,
            style: match s.style {
                Style::Regular => "regular",
                Style::Bold => "bold",
                Style::Italic => "italic",
            },
        })
        .collect()
}

pub(crate) fn lang_codes(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("en", "us"),
        Lang::Es => ("es", "us"),
    }
}

/// The localized "Page {page} of {pages}" cut around its numbers.
fn page_label(lang: Lang) -> PageLabel {
    const PAGE: &str = "\u{e000}";
    const PAGES: &str = "\u{e001}";
    let text = testimonio_i18n::tr!(lang, "report-page-of", page = PAGE, pages = PAGES);
    let split = text.split_once(PAGE).and_then(|(before, rest)| {
        rest.split_once(PAGES)
            .map(|(between, after)| (before, between, after))
    });
    match split {
        Some((before, between, after)) => PageLabel {
            before: before.to_owned(),
            between: between.to_owned(),
            after: after.to_owned(),
        },
        None => PageLabel {
            before: String::new(),
            between: " / ".into(),
            after: String::new(),
        },
    }
}

impl<'a> Data<'a> {
    /// A report or packet.
    pub(crate) fn document(doc: &'a Document) -> Self {
        let (lang, region) = lang_codes(doc.lang);
        let mut figure_no = 0;
        let blocks = doc
            .blocks
            .iter()
            .map(|block| match block {
                Block::Heading { level, text } => BlockData::Heading {
                    level: (*level).clamp(1, 3),
                    text,
                },
                Block::Paragraph(list) => BlockData::Paragraph { spans: spans(list) },
                Block::Bullets(items) => BlockData::Bullets {
                    items: items.iter().map(|i| spans(i)).collect(),
                },
                Block::Notice(list) => BlockData::Notice { spans: spans(list) },
                Block::Quote(text) => BlockData::Quote { text },
                Block::PageBreak => BlockData::PageBreak,
                Block::Table(t) => BlockData::Table {
                    caption: &t.caption,
                    header: padded(t.header.iter().map(String::as_str), columns(t), ""),
                    numeric: &t.numeric,
                    rows: t
                        .rows
                        .iter()
                        .map(|row| {
                            let cells = row.iter().map(|c| CellData {
                                text: &c.text,
                                muted: c.muted,
                            });
                            let empty = CellData {
                                text: "",
                                muted: false,
                            };
                            padded(cells, columns(t), empty)
                        })
                        .collect(),
                    total_row: t.total_row,
                    note: t.note.as_deref(),
                    widths: column_widths(t, TEXT_WIDTH),
                },
                Block::Figure(f) => {
                    figure_no += 1;
                    BlockData::Figure {
                        caption: &f.caption,
                        description: &f.drawing.description,
                        svg: svg::render(&f.drawing, &format!("figure-{figure_no}")),
                        width: f.drawing.width,
                    }
                }
            })
            .collect();
        Data {
            kind: "report",
            lang,
            region,
            title: &doc.title,
            subtitle: &doc.subtitle,
            marking: &doc.marking,
            page: page_label(doc.lang),
            blocks,
            lines: Vec::new(),
        }
    }

    /// A plain-text letter: one paragraph per line.
    pub(crate) fn letter(title: &'a str, text: &'a str) -> Self {
        Data {
            kind: "letter",
            lang: "en",
            region: "us",
            title,
            subtitle: &[],
            marking: "",
            page: page_label(Lang::En),
            blocks: Vec::new(),
            lines: text.lines().map(str::trim_end).collect(),
        }
    }
}

/// The number of columns of a table: its widest row or header.
fn columns(t: &Table) -> usize {
    t.header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
}

/// `items` filled up to `n` with `fill`: the engine flows cells into
/// rows, so a short row would shift every later cell.
fn padded<T: Clone>(items: impl Iterator<Item = T>, n: usize, fill: T) -> Vec<T> {
    let mut out: Vec<T> = items.collect();
    if out.len() < n {
        out.resize(n, fill);
    }
    out
}

/// The pieces of `text` that may not be broken across lines: split at
/// spaces, and after a hyphen or slash followed by a letter (where the
/// engine's Unicode line breaking may break); a date such as
/// `2016-01-17` stays one piece.
fn unbreakable(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().flat_map(|word| {
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut chars = word.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '-' | '/' | '\u{2010}' | '\u{2013}')
                && chars.peek().is_some_and(|(_, n)| n.is_alphabetic())
            {
                let end = i + c.len_utf8();
                pieces.push(&word[start..end]);
                start = end;
            }
        }
        pieces.push(&word[start..]);
        pieces
    })
}

/// Column widths for a table in `room` points: every column `auto` when
/// the table fits at its natural width; else each column gets at least
/// its longest unbreakable piece (so no word or date is ever broken) and
/// the rest of the room is shared in proportion to how much each column
/// would still need (the columns of long text wrap, the short ones don't).
pub(crate) fn column_widths(t: &Table, room: f32) -> Vec<Option<f32>> {
    let columns = columns(t);
    let mut natural = vec![0.0_f32; columns];
    let mut least = vec![0.0_f32; columns];
    let mut measure = |j: usize, text: &str, face: Face| {
        let lines = text.lines().map(|l| fonts::width(face, l, TABLE_SIZE));
        natural[j] = natural[j].max(lines.fold(0.0, f32::max));
        let piece = unbreakable(text)
            .map(|p| fonts::width(face, p, TABLE_SIZE))
            .fold(0.0, f32::max);
        least[j] = least[j].max(piece);
    };
    for (j, h) in t.header.iter().enumerate() {
        measure(j, h, Face::Bold);
    }
    let last = t.rows.len().saturating_sub(1);
    for (i, row) in t.rows.iter().enumerate() {
        for (j, c) in row.iter().enumerate() {
            let face = if t.total_row && i == last {
                Face::Bold
            } else if c.muted {
                Face::Italic
            } else {
                Face::Regular
            };
            measure(j, &c.text, face);
        }
    }
    let extra = 2.0 * CELL_PAD + SLACK;
    let natural: Vec<f32> = natural.iter().map(|w| w + extra).collect();
    let least: Vec<f32> = least.iter().map(|w| w + extra).collect();
    if natural.iter().sum::<f32>() <= room {
        return vec![None; columns];
    }
    let least_sum: f32 = least.iter().sum();
    if least_sum >= room {
        // Even unbroken pieces do not fit: shrink them all alike (a piece
        // wider than its share may then break; only very long tokens).
        let scale = room / least_sum;
        return least.iter().map(|w| Some(w * scale)).collect();
    }
    let spare = room - least_sum;
    let wanted: Vec<f32> = natural
        .iter()
        .zip(&least)
        .map(|(n, l)| (n - l).max(0.0))
        .collect();
    let wanted_sum: f32 = wanted.iter().sum();
    least
        .iter()
        .zip(&wanted)
        .map(|(l, w)| {
            let share = if wanted_sum > 0.0 {
                spare * w / wanted_sum
            } else {
                0.0
            };
            // A little under the room in total, so rounding never
            // overflows the line.
            Some(((l + share) * 100.0).floor() / 100.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::TableCell;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            caption: "c".into(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            numeric: vec![false; header.len()],
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| TableCell::text(*c)).collect())
                .collect(),
            total_row: false,
            note: None,
        }
    }

    #[test]
    fn dates_and_words_stay_whole() {
        let pieces: Vec<&str> =
            unbreakable("Fecha 2016-01-17 ice-fourth-interim release/letter a/1").collect();
        assert_eq!(
            pieces,
            [
                "Fecha",
                "2016-01-17",
                "ice-",
                "fourth-",
                "interim",
                "release/",
                "letter",
                "a/1"
            ]
        );
    }

    #[test]
    fn a_narrow_table_is_auto_and_a_wide_one_keeps_every_word() {
        let small = table(&["Fecha", "Personas"], &[&["2016-01-17", "12"]]);
        assert_eq!(column_widths(&small, TEXT_WIDTH), [None, None]);
        let long = "Una protesta frente al centro de detención que duró varias semanas ".repeat(3);
        let wide = table(
            &["Fecha", "Actividad protegida", "Días desde", "Pruebas"],
            &[&["2016-01-17", &long, "12", "Prueba 1, Prueba 2"]],
        );
        let widths: Vec<f32> = column_widths(&wide, TEXT_WIDTH)
            .into_iter()
            .map(|w| w.expect("explicit widths"))
            .collect();
        assert!(widths.iter().sum::<f32>() <= TEXT_WIDTH + 0.01);
        let date = fonts::width(Face::Regular, "2016-01-17", TABLE_SIZE);
        assert!(widths[0] >= date + 2.0 * CELL_PAD, "{widths:?}");
        let protegida = fonts::width(Face::Bold, "protegida", TABLE_SIZE);
        assert!(widths[1] >= protegida + 2.0 * CELL_PAD, "{widths:?}");
        // The long text takes the room; the short columns are not padded.
        assert!(widths[1] > 200.0, "{widths:?}");
        let desde = fonts::width(Face::Bold, "Días desde", TABLE_SIZE);
        assert!(
            widths[2] <= desde + 2.0 * CELL_PAD + SLACK + 0.01,
            "{widths:?}"
        );
    }

    #[test]
    fn page_label_is_cut_around_the_numbers() {
        let es = page_label(Lang::Es);
        assert_eq!(
            (es.before.as_str(), es.between.as_str(), es.after.as_str()),
            ("Página ", " de ", "")
        );
    }
}
