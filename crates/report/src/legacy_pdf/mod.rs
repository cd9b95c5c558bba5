//! The hand-written PDF writer this crate used before typst, kept only
//! until the benchmark has measured both side by side.
//!
//! A [`Document`] as PDF: US Letter, one-inch margins, Times for text and
//! Helvetica for headings, tables and figures (the standard fonts every
//! reader has, in WinAnsi encoding, so Spanish letters print and text can
//! be extracted and searched). Paragraphs are justified; headings are kept
//! with what follows; tables repeat their header on each page; charts and
//! the map are drawn as vector shapes. Every page carries the audience
//! marking and "page n of N". Level-one headings become bookmarks.
//!
//! The writer is small and has no dependencies: objects, one uncompressed
//! content stream per page, a cross-reference table.

pub(crate) mod fonts;
pub mod text;

use std::fmt::Write as _;

use fonts::{Font, encode};

use crate::chart::{Anchor, Color, Drawing, Shape};
use crate::doc::{Block, Document, Figure, Span, Style, Table};

const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const LEFT: f32 = 72.0;
const TEXT_W: f32 = PAGE_W - 2.0 * LEFT;
const TOP: f32 = PAGE_H - 72.0;
const BOTTOM: f32 = 70.0;

const BODY: f32 = 10.5;
const BODY_LEADING: f32 = 14.2;
const TABLE_SIZE: f32 = 8.5;
const TABLE_LEADING: f32 = 10.5;
const PAD_X: f32 = 4.5;
const PAD_Y: f32 = 3.0;

/// Renders the document as a PDF file.
pub fn render(doc: &Document) -> Vec<u8> {
    let mut l = Layout::new();
    l.title_block(doc);
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => {
                let next = doc.blocks.get(i + 1).map_or(0.0, keep_height);
                l.heading(*level, text, next);
            }
            other => l.block(other),
        }
    }
    l.finish(doc)
}

/// How much of `block` must follow a heading on the same page.
fn keep_height(block: &Block) -> f32 {
    let h = match block {
        Block::Figure(f) => {
            let s = (TEXT_W / f.drawing.width).min(1.0);
            let caption = wrap(words(&[(f.caption.clone(), Font::SansBold)]), 9.0, TEXT_W);
            caption.len() as f32 * 12.0 + 6.0 + f.drawing.height * s
        }
        Block::Table(t) => {
            let caption = wrap(words(&[(t.caption.clone(), Font::SansBold)]), 9.0, TEXT_W);
            caption.len() as f32 * 12.0 + 4.0 + 2.0 * (TABLE_LEADING + 2.0 * PAD_Y)
        }
        Block::Heading { .. } => 30.0 + 3.0 * BODY_LEADING,
        _ => 3.0 * BODY_LEADING,
    };
    h.min(TOP - BOTTOM - 60.0)
}

/// A table cell's wrapped lines, and whether it is set apart.
type CellLines = (Vec<Vec<Word>>, bool);

/// One word of a paragraph.
#[derive(Debug, Clone)]
struct Word {
    bytes: Vec<u8>,
    font: Font,
    space_before: bool,
}

fn style_font(style: Style, regular: Font) -> Font {
    match (style, regular) {
        (Style::Regular, f) => f,
        (Style::Bold, Font::Sans | Font::SansOblique | Font::SansBold) => Font::SansBold,
        (Style::Bold, _) => Font::SerifBold,
        (Style::Italic, Font::Sans | Font::SansOblique | Font::SansBold) => Font::SansOblique,
        (Style::Italic, _) => Font::SerifItalic,
    }
}

/// Splits spans into words, remembering which follow a space.
fn words(spans: &[(String, Font)]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut pending_space = false;
    for (text, font) in spans {
        let mut current: Option<Word> = None;
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if let Some(w) = current.take() {
                    out.push(w);
                }
                pending_space = true;
            } else {
                let w = current.get_or_insert_with(|| {
                    let w = Word {
                        bytes: Vec::new(),
                        font: *font,
                        space_before: pending_space && !out.is_empty(),
                    };
                    pending_space = false;
                    w
                });
                w.bytes.extend(encode(&c.to_string()));
            }
        }
        if let Some(w) = current.take() {
            out.push(w);
        }
    }
    out
}

fn space_width(font: Font, size: f32) -> f32 {
    font.width_of_bytes(b" ", size)
}

/// Greedy line breaking; a word wider than the line is cut.
fn wrap(words: Vec<Word>, size: f32, width: f32) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for mut w in words {
        // Cut words that cannot fit on a line of their own.
        while w.font.width_of_bytes(&w.bytes, size) > width && w.bytes.len() > 1 {
            let mut n = w.bytes.len() - 1;
            while n > 1 && w.font.width_of_bytes(&w.bytes[..n], size) > width {
                n -= 1;
            }
            let head = Word {
                bytes: w.bytes[..n].to_vec(),
                font: w.font,
                space_before: w.space_before,
            };
            w.bytes.drain(..n);
            w.space_before = false;
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(vec![head]);
            used = 0.0;
        }
        let ww = w.font.width_of_bytes(&w.bytes, size);
        let gap = if line.is_empty() || !w.space_before {
            0.0
        } else {
            space_width(w.font, size)
        };
        if !line.is_empty() && used + gap + ww > width + 0.01 {
            lines.push(std::mem::take(&mut line));
            used = ww;
        } else {
            used += gap + ww;
        }
        line.push(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Natural width and number of spaces of a line.
fn measure(line: &[Word], size: f32) -> (f32, usize) {
    let mut width = 0.0;
    let mut spaces = 0;
    for (i, w) in line.iter().enumerate() {
        if i > 0 && w.space_before {
            width += space_width(w.font, size);
            spaces += 1;
        }
        width += w.font.width_of_bytes(&w.bytes, size);
    }
    (width, spaces)
}

/// A PDF literal string.
fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'(');
    for &b in bytes {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// A text string for metadata and bookmarks: UTF-16BE with a byte-order
/// mark, as hex.
fn utf16_hex(text: &str) -> String {
    let mut s = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(s, "{unit:04X}");
    }
    s.push('>');
    s
}

fn rgb(c: Color) -> String {
    format!(
        "{:.3} {:.3} {:.3}",
        f32::from(c.0) / 255.0,
        f32::from(c.1) / 255.0,
        f32::from(c.2) / 255.0
    )
}

struct Layout {
    pages: Vec<Vec<u8>>,
    /// The top of the free space on the current page.
    y: f32,
    /// Nothing has been drawn on the current page yet.
    fresh: bool,
    /// Level-one headings: text, page index, y.
    outline: Vec<(String, usize, f32)>,
}

impl Layout {
    fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            y: TOP,
            fresh: true,
            outline: Vec::new(),
        }
    }

    fn out(&mut self) -> &mut Vec<u8> {
        self.fresh = false;
        self.pages.last_mut().expect("at least one page")
    }

    fn op(&mut self, text: &str) {
        let out = self.out();
        out.extend_from_slice(text.as_bytes());
        out.push(b'\n');
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
        self.fresh = true;
    }

    /// Starts a new page unless `h` points fit on this one.
    fn ensure(&mut self, h: f32) {
        if self.y - h < BOTTOM && !self.fresh {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn space(&mut self, h: f32) {
        if !self.fresh {
            self.y -= h;
        }
    }

    fn text(&mut self, x: f32, baseline: f32, font: Font, size: f32, color: Color, bytes: &[u8]) {
        let mut op = format!(
            "BT /{} {size:.2} Tf {} rg {x:.2} {baseline:.2} Td ",
            font.resource(),
            rgb(color)
        )
        .into_bytes();
        op.extend(literal(bytes));
        op.extend_from_slice(b" Tj ET\n");
        self.out().extend(op);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Color, width: f32) {
        self.op(&format!(
            "{} RG {width:.2} w {x1:.2} {y1:.2} m {x2:.2} {y2:.2} l S",
            rgb(color)
        ));
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Color>, stroke: Option<Color>) {
        let paint = match (fill, stroke) {
            (Some(_), Some(_)) => "B",
            (Some(_), None) => "f",
            (None, Some(_)) => "S",
            (None, None) => return,
        };
        let mut op = String::new();
        if let Some(f) = fill {
            let _ = write!(op, "{} rg ", rgb(f));
        }
        if let Some(s) = stroke {
            let _ = write!(op, "{} RG 0.6 w ", rgb(s));
        }
        let _ = write!(op, "{x:.2} {y:.2} {w:.2} {h:.2} re {paint}");
        self.op(&op);
    }

    /// Draws one wrapped line at `x`; justified to `justify` points wide
    /// when given.
    fn draw_line(
        &mut self,
        x: f32,
        baseline: f32,
        line: &[Word],
        size: f32,
        color: Color,
        justify: Option<f32>,
    ) {
        let (natural, spaces) = measure(line, size);
        let tw = match justify {
            Some(w) if spaces > 0 && w > natural => (w - natural) / spaces as f32,
            _ => 0.0,
        };
        let mut op = format!("BT {} rg {x:.2} {baseline:.2} Td ", rgb(color)).into_bytes();
        if tw > 0.0 {
            op.extend(format!("{tw:.3} Tw ").into_bytes());
        }
        let mut i = 0;
        while i < line.len() {
            let font = line[i].font;
            let mut run = Vec::new();
            while i < line.len() && line[i].font == font {
                if i > 0 && line[i].space_before {
                    run.push(b' ');
                }
                run.extend_from_slice(&line[i].bytes);
                i += 1;
            }
            op.extend(format!("/{} {size:.2} Tf ", font.resource()).into_bytes());
            op.extend(literal(&run));
            op.extend_from_slice(b" Tj ");
        }
        op.extend_from_slice(b"ET");
        if tw > 0.0 {
            op.extend_from_slice(b" 0 Tw");
        }
        op.push(b'\n');
        self.out().extend(op);
    }

    /// Sets wrapped lines from the current position, breaking pages
    /// between lines. `decorate` draws something beside each line (the
    /// bar of a quotation).
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &mut self,
        lines: &[Vec<Word>],
        x: f32,
        width: f32,
        size: f32,
        leading: f32,
        color: Color,
        justify: bool,
        bar: bool,
    ) {
        // No single line left behind at the bottom of a page.
        self.ensure(leading * lines.len().min(2) as f32);
        for (i, line) in lines.iter().enumerate() {
            let last = i + 1 == lines.len();
            // Nor a single line carried over to the next.
            if i + 2 == lines.len() {
                self.ensure(2.0 * leading);
            } else {
                self.ensure(leading);
            }
            let baseline = self.y - size;
            let j = (justify && !last).then_some(width);
            self.draw_line(x, baseline, line, size, color, j);
            if bar {
                let (top, bottom) = (self.y, self.y - leading);
                self.line(x - 10.0, top, x - 10.0, bottom, Color::RULE, 1.6);
            }
            self.y -= leading;
        }
    }

    fn title_block(&mut self, doc: &Document) {
        let title = wrap(words(&[(doc.title.clone(), Font::SansBold)]), 21.0, TEXT_W);
        for line in &title {
            let baseline = self.y - 21.0;
            self.draw_line(LEFT, baseline, line, 21.0, Color::INK, None);
            self.y -= 26.0;
        }
        self.y -= 4.0;
        for sub in &doc.subtitle {
            let lines = wrap(words(&[(sub.clone(), Font::Sans)]), 10.0, TEXT_W);
            for line in &lines {
                let baseline = self.y - 10.0;
                self.draw_line(LEFT, baseline, line, 10.0, Color::MUTED, None);
                self.y -= 13.5;
            }
        }
        self.y -= 6.0;
        self.line(LEFT, self.y, LEFT + TEXT_W, self.y, Color::INK, 1.2);
        self.y -= 18.0;
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, 3.0 * BODY_LEADING),
            Block::Paragraph(spans) => {
                let lines = wrap(words(&fonted(spans, Font::Serif)), BODY, TEXT_W);
                self.lines(
                    &lines,
                    LEFT,
                    TEXT_W,
                    BODY,
                    BODY_LEADING,
                    Color::INK,
                    true,
                    false,
                );
                self.space(7.0);
            }
            Block::Bullets(items) => {
                for item in items {
                    let lines = wrap(words(&fonted(item, Font::Serif)), BODY, TEXT_W - 16.0);
                    self.ensure(BODY_LEADING * lines.len().min(2) as f32);
                    let baseline = self.y - BODY;
                    self.text(LEFT + 4.0, baseline, Font::Serif, BODY, Color::INK, &[0x95]);
                    self.lines(
                        &lines,
                        LEFT + 16.0,
                        TEXT_W - 16.0,
                        BODY,
                        BODY_LEADING,
                        Color::INK,
                        true,
                        false,
                    );
                    self.y -= 3.0;
                }
                self.space(5.0);
            }
            Block::Notice(spans) => self.notice(spans),
            Block::Quote(text) => {
                let spans = vec![(text.clone(), Font::SerifItalic)];
                let lines = wrap(words(&spans), 10.0, TEXT_W - 28.0);
                self.lines(
                    &lines,
                    LEFT + 22.0,
                    TEXT_W - 28.0,
                    10.0,
                    13.4,
                    Color::INK,
                    false,
                    true,
                );
                self.space(7.0);
            }
            Block::Table(table) => self.table(table),
            Block::Figure(figure) => self.figure(figure),
        }
    }

    /// A heading, kept on one page with the first `next` points of what
    /// follows it.
    fn heading(&mut self, level: u8, text: &str, next: f32) {
        let (font, size, leading, before, after) = match level {
            1 => (Font::SansBold, 15.0, 19.0, 16.0, 7.0),
            2 => (Font::SansBold, 11.5, 15.0, 9.0, 4.0),
            _ => (Font::SerifBold, 11.5, 15.0, 7.0, 2.0),
        };
        let lines = wrap(words(&[(text.to_owned(), font)]), size, TEXT_W);
        let needed = before + lines.len() as f32 * leading + after + next;
        self.ensure(needed);
        self.space(before);
        if level == 1 {
            let page = self.pages.len() - 1;
            self.outline.push((text.to_owned(), page, self.y + 4.0));
        }
        for line in &lines {
            let baseline = self.y - size;
            self.draw_line(LEFT, baseline, line, size, Color::INK, None);
            self.y -= leading;
        }
        if level == 1 {
            self.y -= 1.0;
            self.line(LEFT, self.y, LEFT + TEXT_W, self.y, Color::RULE, 0.6);
        }
        self.y -= after;
    }

    fn notice(&mut self, spans: &[Span]) {
        let (size, leading, pad) = (9.5, 12.8, 9.0);
        let lines = wrap(words(&fonted(spans, Font::Serif)), size, TEXT_W - 2.0 * pad);
        let h = lines.len() as f32 * leading + 2.0 * pad;
        self.ensure(h);
        let top = self.y;
        self.rect(
            LEFT,
            top - h,
            TEXT_W,
            h,
            Some(Color::HATCH_FILL),
            Some(Color::HATCH),
        );
        self.y -= pad;
        for (i, line) in lines.iter().enumerate() {
            let baseline = self.y - size;
            let j = (i + 1 < lines.len()).then_some(TEXT_W - 2.0 * pad);
            self.draw_line(LEFT + pad, baseline, line, size, Color::INK, j);
            self.y -= leading;
        }
        self.y = top - h;
        self.space(10.0);
    }

    fn table(&mut self, table: &Table) {
        let cols = table.header.len();
        if cols == 0 {
            return;
        }
        let cell_font = |muted: bool, bold: bool| match (muted, bold) {
            (true, _) => Font::SansOblique,
            (false, true) => Font::SansBold,
            (false, false) => Font::Sans,
        };
        let last = table.rows.len().saturating_sub(1);
        // Natural widths.
        let mut natural = vec![0.0_f32; cols];
        for (j, h) in table.header.iter().enumerate() {
            natural[j] = Font::SansBold.width(h, TABLE_SIZE);
        }
        for (i, row) in table.rows.iter().enumerate() {
            let bold = table.total_row && i == last;
            for (j, c) in row.iter().enumerate().take(cols) {
                natural[j] = natural[j].max(cell_font(c.muted, bold).width(&c.text, TABLE_SIZE));
            }
        }
        let natural: Vec<f32> = natural.iter().map(|w| w.ceil() + 2.0 * PAD_X).collect();
        let sum: f32 = natural.iter().sum();
        let mut widths = natural.clone();
        let table_w;
        if sum <= TEXT_W {
            table_w = sum.max(TEXT_W.min(330.0));
            widths[0] += table_w - sum;
        } else {
            table_w = TEXT_W;
            let fixed: f32 = (0..cols)
                .filter(|&j| table.numeric.get(j).copied().unwrap_or(false))
                .map(|j| natural[j])
                .sum();
            let flexible: f32 = sum - fixed;
            let room = (TEXT_W - fixed).max(40.0);
            for j in 0..cols {
                if !table.numeric.get(j).copied().unwrap_or(false) {
                    widths[j] = (natural[j] / flexible * room).max(30.0);
                }
            }
        }
        let wrap_cell = |text: &str, font: Font, w: f32| {
            wrap(
                words(&[(text.to_owned(), font)]),
                TABLE_SIZE,
                (w - 2.0 * PAD_X).max(8.0),
            )
        };
        let header: Vec<Vec<Vec<Word>>> = table
            .header
            .iter()
            .enumerate()
            .map(|(j, h)| wrap_cell(h, Font::SansBold, widths[j]))
            .collect();
        let header_h =
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * TABLE_LEADING + 2.0 * PAD_Y;
        let rows: Vec<(Vec<CellLines>, f32)> = table
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let bold = table.total_row && i == last;
                let cells: Vec<CellLines> = (0..cols)
                    .map(|j| {
                        let c = row.get(j);
                        let (text, muted) = c.map_or(("", false), |c| (c.text.as_str(), c.muted));
                        (wrap_cell(text, cell_font(muted, bold), widths[j]), muted)
                    })
                    .collect();
                let h = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(1).max(1) as f32
                    * TABLE_LEADING
                    + 2.0 * PAD_Y;
                (cells, h)
            })
            .collect();
        let caption = wrap(
            words(&[(table.caption.clone(), Font::SansBold)]),
            9.0,
            table_w,
        );
        let caption_h = caption.len() as f32 * 12.0 + 4.0;
        let first_row = rows.first().map_or(0.0, |r| r.1);
        self.ensure(caption_h + header_h + first_row);
        for line in &caption {
            let baseline = self.y - 9.0;
            self.draw_line(LEFT, baseline, line, 9.0, Color::INK, None);
            self.y -= 12.0;
        }
        self.y -= 4.0;
        let numeric = |j: usize| table.numeric.get(j).copied().unwrap_or(false);
        let draw_cells = |l: &mut Layout, cells: &[CellLines], h: f32| {
            let mut x = LEFT;
            for (j, (lines, muted)) in cells.iter().enumerate() {
                let mut baseline = l.y - PAD_Y - TABLE_SIZE + 0.5;
                for line in lines {
                    let (w, _) = measure(line, TABLE_SIZE);
                    let lx = if numeric(j) {
                        x + widths[j] - PAD_X - w
                    } else {
                        x + PAD_X
                    };
                    let color = if *muted { Color::MUTED } else { Color::INK };
                    l.draw_line(lx, baseline, line, TABLE_SIZE, color, None);
                    baseline -= TABLE_LEADING;
                }
                x += widths[j];
            }
            l.y -= h;
        };
        let draw_header = |l: &mut Layout| {
            l.rect(
                LEFT,
                l.y - header_h,
                table_w,
                header_h,
                Some(Color(0xe9, 0xec, 0xef)),
                None,
            );
            let cells: Vec<CellLines> = header.iter().map(|lines| (lines.clone(), false)).collect();
            draw_cells(l, &cells, header_h);
            l.line(LEFT, l.y, LEFT + table_w, l.y, Color::INK, 0.7);
        };
        draw_header(self);
        for (i, (cells, h)) in rows.iter().enumerate() {
            if self.y - h < BOTTOM {
                self.new_page();
                draw_header(self);
            }
            let is_total = table.total_row && i == last;
            if is_total {
                self.line(LEFT, self.y, LEFT + table_w, self.y, Color::INK, 0.7);
            } else if i % 2 == 1 {
                self.rect(
                    LEFT,
                    self.y - h,
                    table_w,
                    *h,
                    Some(Color(0xf6, 0xf7, 0xf8)),
                    None,
                );
            }
            draw_cells(self, cells, *h);
        }
        self.line(LEFT, self.y, LEFT + table_w, self.y, Color::RULE, 0.7);
        self.y -= 4.0;
        if let Some(note) = &table.note {
            let lines = wrap(words(&[(note.clone(), Font::SerifItalic)]), 8.5, table_w);
            self.lines(&lines, LEFT, table_w, 8.5, 11.0, Color::MUTED, false, false);
        }
        self.space(10.0);
    }

    fn figure(&mut self, figure: &Figure) {
        let d = &figure.drawing;
        let s = (TEXT_W / d.width).min(1.0);
        let h = d.height * s;
        let caption = wrap(
            words(&[(figure.caption.clone(), Font::SansBold)]),
            9.0,
            TEXT_W,
        );
        self.ensure(h + 8.0 + caption.len() as f32 * 12.0);
        for line in &caption {
            let baseline = self.y - 9.0;
            self.draw_line(LEFT, baseline, line, 9.0, Color::INK, None);
            self.y -= 12.0;
        }
        self.y -= 6.0;
        let left = LEFT + (TEXT_W - d.width * s) / 2.0;
        let top = self.y;
        self.drawing(d, left, top, s);
        self.y = top - h;
        self.space(14.0);
    }

    fn drawing(&mut self, d: &Drawing, left: f32, top: f32, s: f32) {
        let px = |x: f32| left + x * s;
        let py = |y: f32| top - y * s;
        for shape in &d.shapes {
            match shape {
                Shape::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => self.rect(px(*x), py(*y + *h), w * s, h * s, *fill, *stroke),
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color,
                    width,
                } => self.line(px(*x1), py(*y1), px(*x2), py(*y2), *color, width * s),
                Shape::Text {
                    x,
                    y,
                    text,
                    size,
                    anchor,
                    face,
                    color,
                    ..
                } => {
                    let font = face.font();
                    let size = size * s;
                    let bytes = encode(text);
                    let w = font.width_of_bytes(&bytes, size);
                    let x = match anchor {
                        Anchor::Start => px(*x),
                        Anchor::Middle => px(*x) - w / 2.0,
                        Anchor::End => px(*x) - w,
                    };
                    self.text(x, py(*y), font, size, *color, &bytes);
                }
            }
        }
    }

    /// Page furniture, then the file.
    fn finish(mut self, doc: &Document) -> Vec<u8> {
        let n = self.pages.len();
        let marking = encode(&doc.marking.to_uppercase());
        let short_title = encode(&doc.title);
        for i in 0..n {
            let mut ops = Vec::new();
            let header_size = 7.0;
            let w = Font::SansBold.width_of_bytes(&marking, header_size);
            let mut push_text = |x: f32, y: f32, font: Font, size: f32, bytes: &[u8]| {
                ops.extend(
                    format!(
                        "BT /{} {size:.2} Tf {} rg {x:.2} {y:.2} Td ",
                        font.resource(),
                        rgb(Color::MUTED)
                    )
                    .into_bytes(),
                );
                ops.extend(literal(bytes));
                ops.extend_from_slice(b" Tj ET\n");
            };
            push_text(
                LEFT + TEXT_W - w,
                PAGE_H - 44.0,
                Font::SansBold,
                header_size,
                &marking,
            );
            let page_label = encode(&testimonio_i18n::tr!(
                doc.lang,
                "report-page-of",
                page = i + 1,
                pages = n
            ));
            let pw = Font::Sans.width_of_bytes(&page_label, 7.5);
            push_text(LEFT + TEXT_W - pw, 40.0, Font::Sans, 7.5, &page_label);
            // The title, cut to fit beside the page number.
            let mut title = short_title.clone();
            let room = TEXT_W - pw - 24.0;
            if Font::Sans.width_of_bytes(&title, 7.5) > room {
                while !title.is_empty()
                    && Font::Sans.width_of_bytes(&title, 7.5)
                        + Font::Sans.width_of_bytes(&[0x85], 7.5)
                        > room
                {
                    title.pop();
                }
                title.push(0x85);
            }
            push_text(LEFT, 40.0, Font::Sans, 7.5, &title);
            ops.extend(
                format!(
                    "{} RG 0.5 w {LEFT:.2} 52 m {:.2} 52 l S\n",
                    rgb(Color::RULE),
                    LEFT + TEXT_W
                )
                .into_bytes(),
            );
            self.pages[i].extend(ops);
        }
        write_file(doc, &self.pages, &self.outline)
    }
}

/// Spans with the fonts they are set in, given the block's regular font.
fn fonted(spans: &[Span], regular: Font) -> Vec<(String, Font)> {
    spans
        .iter()
        .map(|s| (s.text.clone(), style_font(s.style, regular)))
        .collect()
}

fn write_file(doc: &Document, pages: &[Vec<u8>], outline: &[(String, usize, f32)]) -> Vec<u8> {
    // 1 catalog, 2 pages, 3 info, 4..=9 fonts, 10 outline root, then the
    // outline items, then a page and its content each.
    let fonts_at = 4;
    let outline_root = fonts_at + Font::ALL.len();
    let first_item = outline_root + 1;
    let first_page = first_item + outline.len();
    let page_id = |i: usize| first_page + 2 * i;
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let lang = match doc.lang {
        testimonio_domain::Lang::En => "en-US",
        testimonio_domain::Lang::Es => "es-US",
    };
    objects.push(
        format!(
            "<< /Type /Catalog /Pages 2 0 R /Lang ({lang}) /Outlines {outline_root} 0 R /PageMode /UseOutlines /ViewerPreferences << /DisplayDocTitle true >> >>"
        )
        .into_bytes(),
    );
    let kids: String = (0..pages.len())
        .map(|i| format!("{} 0 R ", page_id(i)))
        .collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{kids}] /Count {} /MediaBox [0 0 {PAGE_W} {PAGE_H}] >>",
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        format!(
            "<< /Title {} /Producer (Testimonio) /Creator (Testimonio) >>",
            utf16_hex(&doc.title)
        )
        .into_bytes(),
    );
    for font in Font::ALL {
        objects.push(
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>",
                font.base_font()
            )
            .into_bytes(),
        );
    }
    if outline.is_empty() {
        objects.push(b"<< /Type /Outlines /Count 0 >>".to_vec());
    } else {
        objects.push(
            format!(
                "<< /Type /Outlines /First {first_item} 0 R /Last {} 0 R /Count {} >>",
                first_item + outline.len() - 1,
                outline.len()
            )
            .into_bytes(),
        );
    }
    for (i, (title, page, y)) in outline.iter().enumerate() {
        let mut item = format!(
            "<< /Title {} /Parent {outline_root} 0 R /Dest [{} 0 R /XYZ 0 {y:.2} null]",
            utf16_hex(title),
            page_id(*page)
        );
        if i > 0 {
            let _ = write!(item, " /Prev {} 0 R", first_item + i - 1);
        }
        if i + 1 < outline.len() {
            let _ = write!(item, " /Next {} 0 R", first_item + i + 1);
        }
        item.push_str(" >>");
        objects.push(item.into_bytes());
    }
    let fonts: String = Font::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| format!("/{} {} 0 R ", f.resource(), fonts_at + i))
        .collect();
    for (i, content) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << {fonts}>> >> /Contents {} 0 R >>",
                page_id(i) + 1
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    assemble("1.7", &objects, 3)
}

/// The file of PDF `version` around numbered objects (object `i + 1` is `objects[i]`; the
/// catalog is object 1, the document information `info`): header, bodies,
/// cross-reference table, trailer.
pub(crate) fn assemble(version: &str, objects: &[Vec<u8>], info: usize) -> Vec<u8> {
    let mut out = format!("%PDF-{version}\n").into_bytes();
    out.extend_from_slice(b"%\xE2\xE3\xCF\xD3\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref_at = out.len();
    let mut xref = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(xref, "{offset:010} 00000 n ");
    }
    let _ = write!(
        xref,
        "trailer\n<< /Size {} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend(xref.into_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::TableCell;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            lang: testimonio_domain::Lang::Es,
            title: "Informe (prueba)".into(),
            subtitle: vec!["Para publicación".into()],
            marking: "Público".into(),
            blocks,
        }
    }

    #[test]
    fn words_keep_spaces_between_styles() {
        let w = words(&[
            ("Hola ".into(), Font::Serif),
            ("mundo".into(), Font::SerifBold),
            (", adiós".into(), Font::Serif),
        ]);
        let got: Vec<(String, bool)> = w
            .iter()
            .map(|w| {
                (
                    String::from_utf8_lossy(&w.bytes).into_owned(),
                    w.space_before,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Hola".into(), false),
                ("mundo".into(), true),
                (",".into(), false),
                ("adi\u{fffd}s".into(), true)
            ]
        );
    }

    #[test]
    fn lines_fit_their_width() {
        let text = "palabra ".repeat(200);
        let lines = wrap(words(&[(text, Font::Serif)]), BODY, 200.0);
        assert!(lines.len() > 10);
        for l in &lines {
            assert!(measure(l, BODY).0 <= 200.01);
        }
        let long = wrap(words(&[("x".repeat(500), Font::Sans)]), 8.0, 100.0);
        assert!(long.iter().all(|l| measure(l, 8.0).0 <= 100.01));
    }

    #[test]
    fn pages_break_and_xref_points_at_objects() {
        let mut blocks = vec![Block::Heading {
            level: 1,
            text: "Metodología".into(),
        }];
        for _ in 0..60 {
            blocks.push(Block::Paragraph(vec![Span::plain(
                "Las represalias (¿casualidad?) siguen a la protesta. ".repeat(4),
            )]));
        }
        blocks.push(Block::Table(Table {
            caption: "Cuadro 1".into(),
            header: vec!["Estado".into(), "Personas".into()],
            numeric: vec![false, true],
            rows: (0..80)
                .map(|i| {
                    vec![
                        TableCell::text(format!("E{i}")),
                        TableCell::muted("suprimido"),
                    ]
                })
                .collect(),
            total_row: true,
            note: Some("nota".into()),
        }));
        let pdf = render(&doc(blocks));
        let text = String::from_utf8_lossy(&pdf).into_owned();
        assert!(text.starts_with("%PDF-1.7"));
        let count: usize = text
            .split("/Count ")
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(count >= 4, "{count} pages");
        let xref = text.rfind("xref\n").unwrap();
        for line in text[xref..]
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
        {
            let offset: usize = line[..10].parse().unwrap();
            assert!(
                String::from_utf8_lossy(&pdf[offset..offset + 20])
                    .split_whitespace()
                    .nth(2)
                    == Some("obj")
            );
        }
        // Parentheses in text are escaped; Spanish letters are WinAnsi bytes.
        assert!(text.contains("\\(prueba\\)") || text.contains("(Informe \\(prueba\\))"));
        assert!(
            pdf.windows(2).any(|w| w == [b'g', 0xED]),
            "í in Metodología"
        );
    }
}
