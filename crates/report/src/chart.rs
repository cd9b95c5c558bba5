//! Charts and the map as vector drawings: rectangles, lines and text in
//! points, origin at the top left, laid out with the widths of the fonts
//! the PDF is set in. [`crate::svg`] writes a drawing as SVG: inline in
//! the HTML, embedded as an image in the PDF ([`crate::pdf`]).
//!
//! A suppressed count is never drawn as a length or a colour that could
//! encode it: its bar is absent and the word for "suppressed" stands in
//! its place; its map tile is hatched and says so.

use testimonio_analysis::Cell;
use testimonio_domain::UsState;

use crate::fonts::{self, Face as Metric};

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// Ink for text.
    pub const INK: Color = Color(0x1f, 0x23, 0x28);
    /// Secondary text.
    pub const MUTED: Color = Color(0x5f, 0x66, 0x6d);
    /// Rules and axes.
    pub const RULE: Color = Color(0xb8, 0xbe, 0xc4);
    /// Grid lines.
    pub const GRID: Color = Color(0xe3, 0xe6, 0xe9);
    /// White.
    pub const WHITE: Color = Color(0xff, 0xff, 0xff);
    /// Bars.
    pub const BAR: Color = Color(0x2b, 0x5c, 0x8a);
    /// The fill of a suppressed tile.
    pub const HATCH_FILL: Color = Color(0xf1, 0xef, 0xea);
    /// The hatching of a suppressed tile.
    pub const HATCH: Color = Color(0xa8, 0xa2, 0x96);
    /// A tile with no one documented.
    pub const EMPTY: Color = Color(0xf4, 0xf5, 0xf6);
    /// The map's classes, light to dark.
    pub const SCALE: [Color; 4] = [
        Color(0xc6, 0xdb, 0xef),
        Color(0x84, 0xb1, 0xd6),
        Color(0x3b, 0x7b, 0xb5),
        Color(0x17, 0x48, 0x7a),
    ];

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Where a text's `x` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// At the start of the text.
    Start,
    /// In its middle.
    Middle,
    /// At its end.
    End,
}

/// The faces a drawing uses (all sans-serif).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
    /// Oblique, for "suppressed".
    Oblique,
}

/// One shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or stroked.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Option<Color>,
        /// Stroke colour.
        stroke: Option<Color>,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Colour.
        color: Color,
        /// Width in points.
        width: f32,
    },
    /// One line of text; `y` is its baseline.
    Text {
        /// Anchor point x.
        x: f32,
        /// Baseline y.
        y: f32,
        /// The text.
        text: String,
        /// Size in points.
        size: f32,
        /// Where `x` is.
        anchor: Anchor,
        /// The face.
        face: Face,
        /// Colour.
        color: Color,
        /// A key for the element (the map puts the state code here), so
        /// that tests and style sheets can find it. Not shown.
        key: Option<String>,
    },
}

/// A picture made of shapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What it shows, in words (the SVG's title, for screen readers).
    pub description: String,
    /// The shapes, painted in order.
    pub shapes: Vec<Shape>,
}

impl Drawing {
    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, anchor: Anchor, face: Face) {
        self.text_colored(x, y, text, size, anchor, face, Color::INK, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn text_colored(
        &mut self,
        x: f32,
        y: f32,
        text: &str,
        size: f32,
        anchor: Anchor,
        face: Face,
        color: Color,
        key: Option<String>,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.to_owned(),
            size,
            anchor,
            face,
            color,
            key,
        });
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Color, width: f32) {
        self.shapes.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            color,
            width,
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Color>, stroke: Option<Color>) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    /// A rectangle hatched with 45° lines, every `step` points.
    fn hatched(&mut self, x: f32, y: f32, w: f32, h: f32, step: f32) {
        self.rect(x, y, w, h, Some(Color::HATCH_FILL), None);
        // Lines x + y = c, for c from x + y + step to x + w + y + h.
        let mut c = x + y + step;
        while c < x + w + y + h {
            // Intersections with the rectangle's edges.
            let (mut x1, mut y1) = (c - y, y);
            if x1 > x + w {
                x1 = x + w;
                y1 = c - x1;
            }
            let (mut x2, mut y2) = (x, c - x);
            if y2 > y + h {
                y2 = y + h;
                x2 = c - y2;
            }
            self.line(x1, y1, x2, y2, Color::HATCH, 0.6);
            c += step;
        }
        self.rect(x, y, w, h, None, Some(Color::HATCH));
    }
}

/// What a bar chart needs.
#[derive(Debug, Clone)]
pub struct BarChart {
    /// What it shows, in words.
    pub description: String,
    /// One bar per category: its label and its count.
    pub bars: Vec<(String, Cell)>,
    /// The word printed in place of a suppressed bar.
    pub suppressed: String,
    /// The axis title ("people").
    pub axis: String,
    /// Total width in points.
    pub width: f32,
    /// Thousands separator style: formats a count.
    pub format: fn(u64) -> String,
}

const LABEL_SIZE: f32 = 8.0;
const ROW: f32 = 17.0;

/// A horizontal bar chart: one row per category, its count at the end of
/// its bar. Suppressed categories have no bar, only the word.
pub fn bar_chart(spec: &BarChart) -> Drawing {
    let label_w = spec
        .bars
        .iter()
        .map(|(l, _)| fonts::width(Metric::Regular, l, LABEL_SIZE))
        .fold(0.0_f32, f32::max)
        .ceil()
        + 10.0;
    let suppressed_w = fonts::width(Metric::Italic, &spec.suppressed, LABEL_SIZE);
    let x0 = label_w;
    let top = 6.0;
    let plot_w = (spec.width - x0 - 40.0).max(60.0);
    let rows = spec.bars.len().max(1) as f32;
    let axis_y = top + rows * ROW;
    let height = axis_y + 30.0;
    let mut d = Drawing {
        width: spec.width,
        height,
        description: spec.description.clone(),
        shapes: Vec::new(),
    };
    let max = spec
        .bars
        .iter()
        .filter_map(|(_, c)| c.shown())
        .max()
        .unwrap_or(0)
        .max(1);
    let step = nice_step(max);
    let ticks: Vec<u64> = (0..).map(|i| i * step).take_while(|&t| t <= max).collect();
    let scale_max = (max.div_ceil(step) * step) as f32;
    let scale = |v: u64| v as f32 / scale_max * plot_w;
    for &t in &ticks {
        let x = x0 + scale(t);
        d.line(x, top, x, axis_y, Color::GRID, 0.5);
        let label = (spec.format)(t);
        d.shapes.push(Shape::Text {
            x,
            y: axis_y + 11.0,
            text: label,
            size: 7.0,
            anchor: Anchor::Middle,
            face: Face::Regular,
            color: Color::MUTED,
            key: None,
        });
    }
    d.line(x0, top, x0, axis_y, Color::RULE, 0.8);
    d.text_colored(
        x0 + plot_w / 2.0,
        axis_y + 24.0,
        &spec.axis,
        7.5,
        Anchor::Middle,
        Face::Regular,
        Color::MUTED,
        None,
    );
    for (i, (label, cell)) in spec.bars.iter().enumerate() {
        let y = top + i as f32 * ROW;
        let baseline = y + ROW / 2.0 + LABEL_SIZE * 0.35;
        d.text(
            x0 - 6.0,
            baseline,
            label,
            LABEL_SIZE,
            Anchor::End,
            Face::Regular,
        );
        match cell {
            Cell::Shown(v) => {
                let w = scale(*v);
                if w > 0.0 {
                    d.rect(x0, y + 3.0, w, ROW - 6.0, Some(Color::BAR), None);
                }
                d.text(
                    x0 + w + 4.0,
                    baseline,
                    &(spec.format)(*v),
                    LABEL_SIZE,
                    Anchor::Start,
                    Face::Bold,
                );
            }
            Cell::Suppressed => {
                debug_assert!(suppressed_w < plot_w);
                d.text_colored(
                    x0 + 4.0,
                    baseline,
                    &spec.suppressed,
                    LABEL_SIZE,
                    Anchor::Start,
                    Face::Oblique,
                    Color::MUTED,
                    None,
                );
            }
        }
    }
    d
}

/// A round step for an axis up to `max` with at most about five ticks.
fn nice_step(max: u64) -> u64 {
    let mut magnitude = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if max / step <= 5 {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// The tile grid: each state's column and row.
pub const TILES: [(&str, u8, u8); 56] = [
    ("AK", 0, 0),
    ("ME", 11, 0),
    ("VT", 10, 1),
    ("NH", 11, 1),
    ("WA", 1, 2),
    ("ID", 2, 2),
    ("MT", 3, 2),
    ("ND", 4, 2),
    ("MN", 5, 2),
    ("IL", 6, 2),
    ("WI", 7, 2),
    ("MI", 8, 2),
    ("NY", 9, 2),
    ("RI", 10, 2),
    ("MA", 11, 2),
    ("OR", 1, 3),
    ("NV", 2, 3),
    ("WY", 3, 3),
    ("SD", 4, 3),
    ("IA", 5, 3),
    ("IN", 6, 3),
    ("OH", 7, 3),
    ("PA", 8, 3),
    ("NJ", 9, 3),
    ("CT", 10, 3),
    ("CA", 1, 4),
    ("UT", 2, 4),
    ("CO", 3, 4),
    ("NE", 4, 4),
    ("MO", 5, 4),
    ("KY", 6, 4),
    ("WV", 7, 4),
    ("VA", 8, 4),
    ("MD", 9, 4),
    ("DE", 10, 4),
    ("AZ", 2, 5),
    ("NM", 3, 5),
    ("KS", 4, 5),
    ("AR", 5, 5),
    ("TN", 6, 5),
    ("NC", 7, 5),
    ("SC", 8, 5),
    ("DC", 9, 5),
    ("OK", 4, 6),
    ("LA", 5, 6),
    ("MS", 6, 6),
    ("AL", 7, 6),
    ("GA", 8, 6),
    ("HI", 0, 7),
    ("TX", 4, 7),
    ("FL", 9, 7),
    ("PR", 11, 7),
    ("VI", 11, 6),
    ("GU", 0, 6),
    ("MP", 0, 5),
    ("AS", 0, 4),
];

/// What the map needs.
#[derive(Debug, Clone)]
pub struct TileMap {
    /// What it shows, in words.
    pub description: String,
    /// The count of each state listed; states not listed have none.
    pub states: Vec<(UsState, Cell)>,
    /// The word in a suppressed tile ("suppressed").
    pub suppressed: String,
    /// The legend's word for a state with no one ("none documented").
    pub none: String,
    /// Formats a count.
    pub format: fn(u64) -> String,
    /// Total width in points.
    pub width: f32,
    /// The smallest count that can be shown (the audience's minimum), where
    /// the colour classes start.
    pub min_shown: u64,
}

/// A tile-grid map of the states: one square per state, shaded by its
/// count in four classes, with the count written in it; suppressed states
/// hatched and marked in words.
pub fn tile_map(spec: &TileMap) -> Drawing {
    let cols = 12.0;
    let gap = 3.0;
    let tile = ((spec.width - gap * (cols - 1.0)) / cols).floor();
    let pitch = tile + gap;
    let grid_h = 8.0 * pitch;
    let legend_y = grid_h + 12.0;
    let mut d = Drawing {
        width: spec.width,
        height: legend_y + 26.0,
        description: spec.description.clone(),
        shapes: Vec::new(),
    };
    let max = spec
        .states
        .iter()
        .filter_map(|(_, c)| c.shown())
        .max()
        .unwrap_or(0);
    // Four classes over the counts that can be shown, base..=max.
    let base = spec.min_shown.max(1);
    let class = |v: u64| -> usize {
        if max < base {
            return 0;
        }
        let span = max - base + 1;
        let pos = v.saturating_sub(base) + 1;
        ((pos * 4).div_ceil(span) as usize).clamp(1, 4) - 1
    };
    for (code, col, row) in TILES {
        let Ok(state) = UsState::parse("state", code) else {
            continue;
        };
        let (x, y) = (f32::from(col) * pitch, f32::from(row) * pitch);
        let cell = spec
            .states
            .iter()
            .find(|(s, _)| *s == state)
            .map_or(Cell::Shown(0), |(_, c)| *c);
        let key = Some(code.to_owned());
        match cell {
            Cell::Suppressed => {
                d.hatched(x, y, tile, tile, 4.0);
                d.text_colored(
                    x + tile / 2.0,
                    y + 13.0,
                    code,
                    8.5,
                    Anchor::Middle,
                    Face::Bold,
                    Color::INK,
                    key.clone(),
                );
                d.shapes.push(Shape::Rect {
                    x: x + 1.5,
                    y: y + tile - 13.0,
                    w: tile - 3.0,
                    h: 9.0,
                    fill: Some(Color::HATCH_FILL),
                    stroke: None,
                });
                d.text_colored(
                    x + tile / 2.0,
                    y + tile - 6.5,
                    &spec.suppressed,
                    fit_size(&spec.suppressed, tile - 4.0, 6.0),
                    Anchor::Middle,
                    Face::Oblique,
                    Color::INK,
                    key,
                );
            }
            Cell::Shown(0) => {
                d.rect(x, y, tile, tile, Some(Color::EMPTY), Some(Color::GRID));
                d.text_colored(
                    x + tile / 2.0,
                    y + 13.0,
                    code,
                    8.5,
                    Anchor::Middle,
                    Face::Regular,
                    Color::MUTED,
                    key,
                );
            }
            Cell::Shown(v) => {
                let c = class(v);
                let ink = if c >= 2 { Color::WHITE } else { Color::INK };
                d.rect(x, y, tile, tile, Some(Color::SCALE[c]), None);
                d.text_colored(
                    x + tile / 2.0,
                    y + 13.0,
                    code,
                    8.5,
                    Anchor::Middle,
                    Face::Bold,
                    ink,
                    key.clone(),
                );
                d.text_colored(
                    x + tile / 2.0,
                    y + tile - 6.5,
                    &(spec.format)(v),
                    9.0,
                    Anchor::Middle,
                    Face::Regular,
                    ink,
                    key,
                );
            }
        }
    }
    // Legend: the four classes, suppressed, none.
    let mut x = 0.0;
    let sw = 12.0;
    let by = legend_y;
    if max >= base {
        let mut ranges: [Option<(u64, u64)>; 4] = [None; 4];
        for v in base..=max {
            let r = &mut ranges[class(v)];
            *r = Some(r.map_or((v, v), |(lo, _)| (lo, v)));
        }
        for (color, range) in Color::SCALE.iter().zip(ranges) {
            let Some((lo, hi)) = range else { continue };
            d.rect(x, by, sw, sw, Some(*color), None);
            let label = if lo == hi {
                (spec.format)(lo)
            } else {
                format!("{}–{}", (spec.format)(lo), (spec.format)(hi))
            };
            d.text(
                x + sw + 3.0,
                by + 9.0,
                &label,
                7.5,
                Anchor::Start,
                Face::Regular,
            );
            x += sw + 3.0 + fonts::width(Metric::Regular, &label, 7.5) + 12.0;
        }
    }
    if spec.states.iter().any(|(_, c)| c.is_suppressed()) {
        d.hatched(x, by, sw, sw, 3.0);
        d.text_colored(
            x + sw + 3.0,
            by + 9.0,
            &spec.suppressed,
            7.5,
            Anchor::Start,
            Face::Oblique,
            Color::INK,
            None,
        );
        x += sw + 3.0 + fonts::width(Metric::Italic, &spec.suppressed, 7.5) + 12.0;
    }
    d.rect(x, by, sw, sw, Some(Color::EMPTY), Some(Color::GRID));
    d.text(
        x + sw + 3.0,
        by + 9.0,
        &spec.none,
        7.5,
        Anchor::Start,
        Face::Regular,
    );
    d
}

/// The largest size up to `max` at which `text` fits in `width`.
fn fit_size(text: &str, width: f32, max: f32) -> f32 {
    let at_one = fonts::width(Metric::Italic, text, 1.0);
    if at_one <= 0.0 {
        max
    } else {
        (width / at_one).min(max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(n: u64) -> String {
        n.to_string()
    }

    fn texts(d: &Drawing) -> Vec<(String, Option<String>)> {
        d.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, key, .. } => Some((text.clone(), key.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_state_has_one_tile() {
        let mut codes: Vec<&str> = TILES.iter().map(|t| t.0).collect();
        let mut places: Vec<(u8, u8)> = TILES.iter().map(|t| (t.1, t.2)).collect();
        codes.sort_unstable();
        codes.dedup();
        places.sort_unstable();
        places.dedup();
        assert_eq!(codes.len(), TILES.len());
        assert_eq!(places.len(), TILES.len());
        assert_eq!(codes.len(), UsState::all().count());
        for code in codes {
            assert!(UsState::parse("s", code).is_ok(), "{code}");
        }
    }

    #[test]
    fn a_suppressed_state_shows_the_word_never_a_number() {
        let vt = UsState::parse("s", "VT").unwrap();
        let tx = UsState::parse("s", "TX").unwrap();
        let d = tile_map(&TileMap {
            description: "map".into(),
            states: vec![(vt, Cell::Suppressed), (tx, Cell::Shown(12))],
            suppressed: "suppressed".into(),
            none: "none".into(),
            format: fmt,
            width: 468.0,
            min_shown: 5,
        });
        let vt_texts: Vec<String> = texts(&d)
            .into_iter()
            .filter(|(_, k)| k.as_deref() == Some("VT"))
            .map(|(t, _)| t)
            .collect();
        assert_eq!(vt_texts, ["VT", "suppressed"]);
        let tx_texts: Vec<String> = texts(&d)
            .into_iter()
            .filter(|(_, k)| k.as_deref() == Some("TX"))
            .map(|(t, _)| t)
            .collect();
        assert_eq!(tx_texts, ["TX", "12"]);
        // The colour classes start at the smallest count that can be shown.
        let legend: Vec<String> = texts(&d)
            .into_iter()
            .filter(|(_, k)| k.is_none())
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            legend,
            ["5–6", "7–8", "9–10", "11–12", "suppressed", "none"]
        );
    }

    #[test]
    fn a_suppressed_bar_has_no_length() {
        let d = bar_chart(&BarChart {
            description: "bars".into(),
            bars: vec![("a".into(), Cell::Shown(8)), ("b".into(), Cell::Suppressed)],
            suppressed: "suppressed".into(),
            axis: "people".into(),
            width: 400.0,
            format: fmt,
        });
        let bars = d
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Rect { fill: Some(c), .. } if *c == Color::BAR))
            .count();
        assert_eq!(bars, 1);
        assert!(texts(&d).iter().any(|(t, _)| t == "suppressed"));
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(1), 1);
        assert_eq!(nice_step(7), 2);
        assert_eq!(nice_step(23), 5);
        assert_eq!(nice_step(140), 50);
    }
}
