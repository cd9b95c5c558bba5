//! The fonts every PDF is set in, shipped inside the binary: Noto Sans and
//! Noto Serif (regular, bold, italic) from Debian's `fonts-noto-core`,
//! under the SIL Open Font License (`crates/report/fonts/OFL.txt`). They
//! cover Latin (Vietnamese included), Greek and Cyrillic. No CJK: one
//! weight of Noto Sans CJK is about 19 MB, six times all of these.
//!
//! The typesetting engine ([`crate::pdf`]) is given exactly these files
//! and never looks for system fonts, so a PDF comes out the same on every
//! machine. [`width`] measures text with the same fonts, for laying out
//! charts and sizing table columns before the engine sets them.

use std::sync::OnceLock;

/// Noto Sans, regular.
pub(crate) const SANS: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
/// Noto Sans, bold.
pub(crate) const SANS_BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
/// Noto Sans, italic.
pub(crate) const SANS_ITALIC: &[u8] = include_bytes!("../fonts/NotoSans-Italic.ttf");
/// Noto Serif, regular.
pub(crate) const SERIF: &[u8] = include_bytes!("../fonts/NotoSerif-Regular.ttf");
/// Noto Serif, bold.
pub(crate) const SERIF_BOLD: &[u8] = include_bytes!("../fonts/NotoSerif-Bold.ttf");
/// Noto Serif, italic.
pub(crate) const SERIF_ITALIC: &[u8] = include_bytes!("../fonts/NotoSerif-Italic.ttf");

/// Every shipped font file.
pub(crate) const ALL: [&[u8]; 6] = [
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
];

/// The sans-serif faces measured for layout (tables and charts are set
/// in Noto Sans).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
}

/// Advance widths of one face, in font units, with its units per em.
struct Metrics {
    units_per_em: f32,
    /// Advances of the characters U+0000..U+0250, looked up once.
    common: Vec<u16>,
    /// The face, for characters beyond the table.
    data: &'static [u8],
    /// The advance of the missing glyph.
    missing: u16,
}

impl Metrics {
    fn load(data: &'static [u8]) -> Self {
        // The files are shipped in the binary and parsed by a test; a
        // face that does not parse measures every character as 0.6 em.
        match ttf_parser::Face::parse(data, 0) {
            Ok(face) => {
                let missing = face
                    .glyph_hor_advance(ttf_parser::GlyphId(0))
                    .unwrap_or(600);
                let common = (0u32..0x250)
                    .map(|c| advance(&face, char::from_u32(c).unwrap_or(' '), missing))
                    .collect();
                Self {
                    units_per_em: f32::from(face.units_per_em().max(1)),
                    common,
                    data,
                    missing,
                }
            }
            Err(_) => Self {
                units_per_em: 1000.0,
                common: vec![600; 0x250],
                data,
                missing: 600,
            },
        }
    }

    fn units(&self, text: &str) -> u32 {
        let mut face = None;
        text.chars()
            .map(|c| match self.common.get(c as usize) {
                Some(w) => u32::from(*w),
                None => {
                    let face =
                        face.get_or_insert_with(|| ttf_parser::Face::parse(self.data, 0).ok());
                    u32::from(
                        face.as_ref()
                            .map_or(self.missing, |f| advance(f, c, self.missing)),
                    )
                }
            })
            .sum()
    }
}

fn advance(face: &ttf_parser::Face<'_>, c: char, missing: u16) -> u16 {
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(missing)
}

fn metrics(face: Face) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    static ITALIC: OnceLock<Metrics> = OnceLock::new();
    match face {
        Face::Regular => REGULAR.get_or_init(|| Metrics::load(SANS)),
        Face::Bold => BOLD.get_or_init(|| Metrics::load(SANS_BOLD)),
        Face::Italic => ITALIC.get_or_init(|| Metrics::load(SANS_ITALIC)),
    }
}

/// The width of `text` set in Noto Sans `face` at `size` points (sum of
/// advances, without kerning: a hair wider than set, never narrower in
/// practice).
pub(crate) fn width(face: Face, text: &str, size: f32) -> f32 {
    let m = metrics(face);
    m.units(text) as f32 * size / m.units_per_em
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_parses_and_covers_the_scripts() {
        for data in ALL {
            let face = ttf_parser::Face::parse(data, 0).expect("a shipped font parses");
            for c in "Nguyễn Thị Lan Đà Nẵng Łódź Ольга Peña Núñez Ελληνικά “—”€".chars()
            {
                assert!(
                    c == ' ' || face.glyph_index(c).is_some(),
                    "{c:?} missing from a shipped font"
                );
            }
        }
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = width(Face::Regular, "Fecha", 10.0);
        assert!(a > 20.0 && a < 40.0, "{a}");
        assert!(width(Face::Bold, "Fecha", 10.0) > a);
        assert!((width(Face::Regular, "Fecha", 20.0) - 2.0 * a).abs() < 0.01);
        assert!(width(Face::Regular, "Ольга", 10.0) > 0.0);
        assert_eq!(width(Face::Italic, "", 10.0), 0.0);
    }
}
