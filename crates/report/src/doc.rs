//! A report as a sequence of blocks, in one language, independent of the
//! output format. [`crate::html`] and [`crate::pdf`] render the same
//! [`Document`], so the two formats cannot disagree on content.

use testimonio_domain::Lang;

use crate::chart::Drawing;

/// A report ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The language of every text in it.
    pub lang: Lang,
    /// The title, on the first page and in the file's metadata.
    pub title: String,
    /// Lines under the title (audience, date).
    pub subtitle: Vec<String>,
    /// Printed at the top of every page: who the report is for.
    pub marking: String,
    /// The content.
    pub blocks: Vec<Block>,
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Body text.
    Regular,
    /// Emphasis of a figure or a term.
    Bold,
    /// Quotations, notes, titles of things.
    Italic,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text (plain: renderers escape it).
    pub text: String,
    /// How it is set.
    pub style: Style,
}

impl Span {
    /// Regular text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: Style::Regular,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: Style::Bold,
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: Style::Italic,
        }
    }
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    /// The text.
    pub text: String,
    /// Set apart (suppressed counts, "unknown"): italic and grey.
    pub muted: bool,
}

impl TableCell {
    /// An ordinary cell.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            muted: false,
        }
    }

    /// A set-apart cell.
    pub fn muted(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            muted: true,
        }
    }
}

/// A table with a caption, a header row and an optional total row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// "Table 2. People by field office".
    pub caption: String,
    /// The column headings.
    pub header: Vec<String>,
    /// Per column: right-aligned (numbers).
    pub numeric: Vec<bool>,
    /// The rows.
    pub rows: Vec<Vec<TableCell>>,
    /// The last row is a total (set bold, with a rule above).
    pub total_row: bool,
    /// A note under the table.
    pub note: Option<String>,
}

/// A chart or map with its caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "Figure 1. …".
    pub caption: String,
    /// The picture.
    pub drawing: Drawing,
}

/// A block of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 (section), 2 (subsection) or 3 (a case).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The text.
        text: String,
    },
    /// A paragraph.
    Paragraph(Vec<Span>),
    /// A bulleted list, one paragraph per item.
    Bullets(Vec<Vec<Span>>),
    /// A boxed notice (the disclosure statement).
    Notice(Vec<Span>),
    /// A quoted first-person account.
    Quote(String),
    /// A table.
    Table(Table),
    /// A chart or map.
    Figure(Figure),
    /// What follows starts on a new page (in print): a page meant to be
    /// signed or filed on its own, such as the certification.
    PageBreak,
}
