//! Plain text to PDF: wraps paragraphs to the page width, paginates, and
//! writes a PDF 1.4 file with the standard Helvetica font in WinAnsi
//! encoding (Latin-1 letters such as á, ñ, ü print correctly; characters
//! outside it print as `?`).

/// US Letter, in points.
const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 72.0;
const FONT_SIZE: f32 = 11.0;
const LEADING: f32 = 14.0;

/// Average Helvetica glyph width at 1 pt is about 0.5: wrapping by
/// characters at this width keeps lines inside the margins.
const CHARS_PER_LINE: usize = ((PAGE_WIDTH - 2.0 * MARGIN) / (FONT_SIZE * 0.5)) as usize;
const LINES_PER_PAGE: usize = ((PAGE_HEIGHT - 2.0 * MARGIN) / LEADING) as usize;

/// Wraps one paragraph at word boundaries (a longer word is cut).
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let needed = if line.is_empty() {
            word.chars().count()
        } else {
            line.chars().count() + 1 + word.chars().count()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    lines.push(line);
    lines
}

/// The text as lines: each input line is a paragraph of its own (letters
/// are laid out by line), wrapped to the page.
fn layout(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|l| {
            if l.trim().is_empty() {
                vec![String::new()]
            } else {
                wrap(l, CHARS_PER_LINE)
            }
        })
        .collect()
}

/// A PDF string literal in WinAnsi encoding, escaped.
fn pdf_string(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let byte = match c {
            '\u{2018}' | '\u{2019}' => b'\'',
            '\u{201C}' | '\u{201D}' => b'"',
            '\u{2013}' | '\u{2014}' => b'-',
            '\u{2022}' => 0x95,
            c if (c as u32) < 0x20 => b' ',
            c if (c as u32) <= 0xFF => c as u32 as u8,
            _ => b'?',
        };
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b')');
    out
}

/// Renders `text` as a PDF with `title` in its metadata.
pub fn render(title: &str, text: &str) -> Vec<u8> {
    let lines = layout(text);
    let pages: Vec<&[String]> = if lines.is_empty() {
        vec![&[][..]]
    } else {
        lines.chunks(LINES_PER_PAGE).collect()
    };
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 info; then a page and its content each.
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 5 + 2 * i).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: String = page_ids.iter().map(|id| format!("{id} 0 R ")).collect();
    objects.push(format!("<< /Type /Pages /Kids [{kids}] /Count {} >>", pages.len()).into_bytes());
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    let mut info = b"<< /Producer (Testimonio) /Title ".to_vec();
    info.extend(pdf_string(title));
    info.extend_from_slice(b" >>");
    objects.push(info);
    for (i, page_lines) in pages.iter().enumerate() {
        let content_id = page_ids[i] + 1;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let mut stream = format!(
            "BT /F1 {FONT_SIZE} Tf {LEADING} TL {MARGIN} {} Td\n",
            PAGE_HEIGHT - MARGIN
        )
        .into_bytes();
        for line in page_lines.iter() {
            stream.extend(pdf_string(line));
            stream.extend_from_slice(b" Tj T*\n");
        }
        stream.extend_from_slice(b"ET");
        let mut content = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
        content.extend(stream);
        content.extend_from_slice(b"\nendstream");
        objects.push(content);
    }
    super::assemble("1.4", &objects, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_paginates() {
        let long = "word ".repeat(400);
        let lines = layout(&long);
        assert!(lines.iter().all(|l| l.chars().count() <= CHARS_PER_LINE));
        let pdf = render("t", &format!("{long}\n").repeat(3));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-1.4"));
        assert!(
            text.contains("/Count 2") || text.contains("/Count 3"),
            "several pages"
        );
        assert!(text.trim_end().ends_with("%%EOF"));
    }

    #[test]
    fn escapes_parentheses_and_encodes_latin1() {
        assert_eq!(pdf_string("a(b)c\\"), b"(a\\(b\\)c\\\\)".to_vec());
        assert_eq!(pdf_string("ñ"), vec![b'(', 0xF1, b')']);
        assert_eq!(pdf_string("→"), b"(?)".to_vec());
    }

    #[test]
    fn xref_offsets_point_at_objects() {
        let pdf = render("Letter", "Hello\n\nWorld");
        let text = String::from_utf8_lossy(&pdf).into_owned();
        let xref = text.rfind("xref\n").unwrap();
        for line in text[xref..]
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
        {
            let offset: usize = line[..10].parse().unwrap();
            assert!(
                text[offset..].starts_with(|c: char| c.is_ascii_digit()),
                "{line}"
            );
            assert!(text[offset..].split_whitespace().nth(2) == Some("obj"));
        }
    }
}
