//! The copy as a PDF written object by object (`pdf-writer`): per page,
//! the burned image (8-bit gray, deflated), the OCR words as invisible
//! text over it (so the copy is searchable and its text can be checked),
//! and under it a band holding the page's Bates label, drawn last.
//!
//! The file holds a catalog, a page tree, one standard font, the pages:
//! no document information dictionary, no XMP, outline, annotations,
//! attachments, forms, names or actions.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use zeroize::Zeroizing;

use super::BurnedPage;

/// Height of the band under each page that holds its Bates label, points.
pub const BAND: f32 = 24.0;
/// Size of the Bates label, points.
const LABEL_SIZE: f32 = 10.0;
/// Helvetica's mean advance, as a share of the size: enough to fit an
/// invisible word to its box.
const MEAN_ADVANCE: f32 = 0.5;

/// The band's height in pixels at `dpi`, for a page's stored image size.
pub fn band_pixels(dpi: u32) -> u32 {
    (BAND * dpi as f32 / 72.0).round() as u32
}

/// The PDF of `pages`, page `i` labelled `labels[i]`.
///
/// # Errors
/// Compressing a page (an I/O error of memory only).
pub fn compose(
    pages: &[BurnedPage],
    labels: &[String],
    dpi: u32,
) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let font = Ref::new(3);
    let font_name = Name(b"F1");
    let image_name = Name(b"Im1");
    let ids = |i: usize| {
        let base = 4 + 3 * i as i32;
        (Ref::new(base), Ref::new(base + 1), Ref::new(base + 2))
    };
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..pages.len()).map(|i| ids(i).0))
        .count(pages.len() as i32);
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let scale = 72.0 / dpi as f32;
    for (i, page) in pages.iter().enumerate() {
        let (page_id, content_id, image_id) = ids(i);
        let width = page.width as f32 * scale;
        let height = page.height as f32 * scale;
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, width, height + BAND));
        p.parent(tree);
        p.contents(content_id);
        let mut resources = p.resources();
        resources.x_objects().pair(image_name, image_id);
        resources.fonts().pair(font_name, font);
        resources.finish();
        p.finish();

        let deflated = Zeroizing::new(deflate(&page.pixels)?);
        let mut image = pdf.image_xobject(image_id, &deflated);
        image.filter(Filter::FlateDecode);
        image.width(page.width as i32);
        image.height(page.height as i32);
        image.color_space().device_gray();
        image.bits_per_component(8);
        image.finish();

        let mut content = Content::new();
        content.save_state();
        content.transform([width, 0.0, 0.0, height, 0.0, BAND]);
        content.x_object(image_name);
        content.restore_state();
        content.begin_text();
        content.set_text_rendering_mode(TextRenderingMode::Invisible);
        for word in &page.ocr.words {
            let encoded = win_ansi(&word.text);
            if encoded.is_empty() || word.height == 0 {
                continue;
            }
            let size = word.height as f32 * scale;
            let natural = encoded.len() as f32 * MEAN_ADVANCE * size;
            let stretch = (100.0 * word.width as f32 * scale / natural).clamp(10.0, 1000.0);
            let x = word.left as f32 * scale;
            // Baseline a fifth of the box above its bottom (descenders).
            let y = BAND + height - (word.top + word.height) as f32 * scale + size * 0.2;
            content.set_font(font_name, size);
            content.set_horizontal_scaling(stretch);
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
            content.show(Str(&encoded));
        }
        content.end_text();
        // The Bates label, drawn last, in the band under the page.
        let label = labels.get(i).map_or(&[][..], |l| l.as_bytes());
        let label_width = label.len() as f32 * 0.62 * LABEL_SIZE;
        content.begin_text();
        content.set_text_rendering_mode(TextRenderingMode::Fill);
        content.set_fill_gray(0.0);
        content.set_font(font_name, LABEL_SIZE);
        content.set_horizontal_scaling(100.0);
        content.set_text_matrix([
            1.0,
            0.0,
            0.0,
            1.0,
            (width - 24.0 - label_width).max(4.0),
            (BAND - LABEL_SIZE) / 2.0,
        ]);
        content.show(Str(label));
        content.end_text();
        let stream = Zeroizing::new(deflate(&content.finish())?);
        pdf.stream(content_id, &stream).filter(Filter::FlateDecode);
    }
    Ok(Zeroizing::new(pdf.finish()))
}

fn deflate(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::fast());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// `text` in WinAnsiEncoding (Latin-1 and Windows' quotes and dashes);
/// characters outside it become `?`, control characters are dropped.
pub fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .filter_map(|c| match c {
            ' '..='~' => Some(c as u8),
            '\u{a0}'..='\u{ff}' => Some(c as u32 as u8),
            '‘' => Some(0x91),
            '’' => Some(0x92),
            '“' => Some(0x93),
            '”' => Some(0x94),
            '–' => Some(0x96),
            '—' => Some(0x97),
            '€' => Some(0x80),
            c if c.is_control() => None,
            _ => Some(b'?'),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_text_is_encoded_in_win_ansi() {
        assert_eq!(win_ansi("Peña"), b"Pe\xf1a");
        assert_eq!(win_ansi("“sí”"), b"\x93s\xed\x94");
        assert_eq!(win_ansi("中\u{7}"), b"?");
    }
}
