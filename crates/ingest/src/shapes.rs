//! Hand-built PDFs of two shapes real productions hold and a text layer
//! alone misreads, for the tests (and the benchmark's mixed production):
//! a page whose font encoding shifts its glyph codes, and a scan with a
//! one-line text stamp. Built in memory, from standard fonts only.

/// One page of `lines` in Helvetica 12 whose glyph codes are shifted by
/// three letters: the page shows the real words, its text layer
/// extracts as `Wkh djhqfb vkdoo` for "The agency shall".
///
/// Each letter is written as the code of the letter three places on; the
/// font's `/Differences` names, for each such code, the real letter's
/// glyph, so the page draws the real words; a `/ToUnicode` map gives each
/// code back as itself, as broken producers' maps do. (A `/Differences`
/// array alone would not break extraction: poppler maps glyph names to
/// Unicode, so it would extract the real words too.)
pub fn shifted_encoding_pdf(lines: &[&str]) -> Vec<u8> {
    let shifted: Vec<String> = lines
        .iter()
        .map(|l| l.chars().map(|c| shift(c, 3)).collect())
        .collect();
    let mut differences = String::from("[");
    let mut to_unicode = String::new();
    for c in ('A'..='Z').chain('a'..='z') {
        let code = shift(c, 3);
        differences.push_str(&format!(" {} /{c}", u32::from(code)));
        to_unicode.push_str(&format!(
            "<{:02X}> <{:04X}>\n",
            u32::from(code),
            u32::from(code)
        ));
    }
    differences.push_str(" ]");
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Shifted def\n1 begincodespacerange <00> <FF> endcodespacerange\n\
         52 beginbfchar\n{to_unicode}endbfchar\n\
         endcmap CMapName currentdict /CMap defineresource pop end end\n"
    );
    let content = text_lines(&shifted, 12, 720.0);
    write_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
          /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_vec(),
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding \
             << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences {differences} >> \
             /ToUnicode 6 0 R >>"
        )
        .into_bytes(),
        stream("", content.as_bytes()),
        stream("", cmap.as_bytes()),
    ])
}

/// One letter-size page filled by a JPEG scan, with `stamp` printed over
/// its top in Helvetica 9 as the page's only text layer: a court's header
/// or a Bates number on a scanned release. `None` if `jpeg` is not a JPEG
/// with 1, 3 or 4 components.
pub fn stamped_scan_pdf(jpeg: &[u8], stamp: &str) -> Option<Vec<u8>> {
    let frame = jpeg_frame(jpeg)?;
    let color_space = match frame.components {
        1 => "/DeviceGray",
        3 => "/DeviceRGB",
        4 => "/DeviceCMYK",
        _ => return None,
    };
    let content = format!(
        "q 612 0 0 792 0 0 cm /Im1 Do Q\n{}",
        text_lines(&[stamp.to_owned()], 9, 778.0)
    );
    Some(write_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
          /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        stream("", content.as_bytes()),
        stream(
            &format!(
                "/Type /XObject /Subtype /Image /Width {} /Height {} \
                 /ColorSpace {color_space} /BitsPerComponent 8 /Filter /DCTDecode",
                frame.width, frame.height
            ),
            jpeg,
        ),
    ]))
}

/// What a JPEG's frame header declares.
#[derive(Debug, PartialEq, Eq)]
struct JpegFrame {
    width: u32,
    height: u32,
    components: u8,
}

/// The frame header (SOF0 to SOF15, except the DHT, JPG and DAC markers)
/// of a JPEG, if it is one.
fn jpeg_frame(jpeg: &[u8]) -> Option<JpegFrame> {
    if !jpeg.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    while at + 10 < jpeg.len() {
        if jpeg[at] != 0xFF {
            return None;
        }
        let marker = jpeg[at + 1];
        let length = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u16::from_be_bytes([jpeg[at + 5], jpeg[at + 6]]);
            let width = u16::from_be_bytes([jpeg[at + 7], jpeg[at + 8]]);
            return Some(JpegFrame {
                width: u32::from(width),
                height: u32::from(height),
                components: jpeg[at + 9],
            });
        }
        at += 2 + length;
    }
    None
}

fn shift(c: char, by: u8) -> char {
    match c {
        'a'..='z' => char::from(b'a' + (c as u8 - b'a' + by) % 26),
        'A'..='Z' => char::from(b'A' + (c as u8 - b'A' + by) % 26),
        c => c,
    }
}

/// A text object writing `lines` down from `top`, in font `/F1`.
fn text_lines(lines: &[String], size: u32, top: f32) -> String {
    let mut content = format!("BT /F1 {size} Tf 72 {top} Td {} TL\n", size * 3 / 2);
    for line in lines {
        let escaped: String = line
            .chars()
            .flat_map(|c| match c {
                '(' | ')' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        content.push_str(&format!("({escaped}) Tj T*\n"));
    }
    content.push_str("ET\n");
    content
}

fn stream(dictionary: &str, data: &[u8]) -> Vec<u8> {
    let mut object = format!("<< {dictionary} /Length {} >>\nstream\n", data.len()).into_bytes();
    object.extend_from_slice(data);
    object.extend_from_slice(b"\nendstream");
    object
}

/// The objects (numbered from 1, the first the catalog) as a PDF with
/// its cross-reference table.
fn write_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_shift_within_their_case() {
        let s: String = "The agency, Zz.".chars().map(|c| shift(c, 3)).collect();
        assert_eq!(s, "Wkh djhqfb, Cc.");
    }

    #[test]
    fn a_jpeg_frame_header_gives_its_size() {
        // SOI, an APP0 segment, then SOF0 with height 3300 and width 2550.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x0C, 0xE4, 0x09, 0xF6, 0x01]);
        jpeg.extend_from_slice(&[0x01, 0x11, 0x00]);
        assert_eq!(
            jpeg_frame(&jpeg),
            Some(JpegFrame {
                width: 2550,
                height: 3300,
                components: 1
            })
        );
        assert_eq!(jpeg_frame(b"%PDF-1.4"), None);
        assert!(stamped_scan_pdf(b"GIF89a", "JA 001").is_none());
    }
}
