//! A minimal multi-page TIFF writer for 8-bit grayscale page images, so
//! that one Tesseract run can read several pages from its standard input
//! (loading its language models once per batch instead of once per page).

/// A grayscale image, one byte per pixel, row after row.
pub struct GrayImage<'a> {
    pub width: u32,
    pub height: u32,
    pub pixels: &'a [u8],
}

/// Reads a binary PGM (`P5`, maxval 255), as pdftoppm -gray writes it.
///
/// # Errors
/// Anything else, or a truncated image.
pub fn parse_pgm(bytes: &[u8]) -> Result<GrayImage<'_>, String> {
    let mut fields = Vec::with_capacity(4);
    let mut i = 0;
    while fields.len() < 4 {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'#' {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if start == i {
            return Err("truncated PGM header".into());
        }
        fields.push(&bytes[start..i]);
    }
    // Exactly one whitespace byte separates the header from the pixels.
    i += 1;
    let number = |f: &[u8]| {
        std::str::from_utf8(f)
            .ok()
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| "bad PGM header".to_owned())
    };
    if fields[0] != b"P5" || number(fields[3])? != 255 {
        return Err("not an 8-bit binary PGM".into());
    }
    let (width, height) = (number(fields[1])?, number(fields[2])?);
    let len = width as usize * height as usize;
    let pixels = bytes
        .get(i..i + len)
        .ok_or_else(|| "truncated PGM pixels".to_owned())?;
    Ok(GrayImage {
        width,
        height,
        pixels,
    })
}

/// Writes `pages` as one little-endian, uncompressed, multi-page TIFF
/// (one strip per page) at `dpi`.
pub fn write_gray_tiff(pages: &[GrayImage<'_>], dpi: u32) -> Vec<u8> {
    const ENTRIES: u16 = 11;
    let ifd_len = 2 + 12 * u32::from(ENTRIES) + 4;
    let total: usize = pages.iter().map(|p| p.pixels.len()).sum::<usize>()
        + pages.len() * (ifd_len as usize + 16)
        + 8;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"II*\0");
    out.extend_from_slice(&8u32.to_le_bytes());
    for (n, page) in pages.iter().enumerate() {
        let ifd_at = out.len() as u32;
        debug_assert_eq!(ifd_at % 2, 0, "IFDs start on a word boundary");
        let resolution_at = ifd_at + ifd_len;
        let pixels_at = resolution_at + 16;
        let next_ifd = if n + 1 == pages.len() {
            0
        } else {
            let next = pixels_at + page.pixels.len() as u32;
            next + next % 2
        };
        const SHORT: u16 = 3;
        const LONG: u16 = 4;
        const RATIONAL: u16 = 5;
        let entries: [(u16, u16, u32); ENTRIES as usize] = [
            (256, LONG, page.width),               // ImageWidth
            (257, LONG, page.height),              // ImageLength
            (258, SHORT, 8),                       // BitsPerSample
            (259, SHORT, 1),                       // Compression: none
            (262, SHORT, 1),                       // Photometric: black is zero
            (273, LONG, pixels_at),                // StripOffsets
            (278, LONG, page.height),              // RowsPerStrip
            (279, LONG, page.pixels.len() as u32), // StripByteCounts
            (282, RATIONAL, resolution_at),        // XResolution
            (283, RATIONAL, resolution_at + 8),    // YResolution
            (296, SHORT, 2),                       // ResolutionUnit: inch
        ];
        out.extend_from_slice(&ENTRIES.to_le_bytes());
        for (tag, kind, value) in entries {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes());
            // SHORT values sit in the first two bytes of the field.
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&next_ifd.to_le_bytes());
        for _ in 0..2 {
            out.extend_from_slice(&dpi.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes());
        }
        out.extend_from_slice(page.pixels);
        if out.len() % 2 == 1 {
            out.push(0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgm_headers_with_comments_parse() {
        let mut pgm = b"P5\n# made by a test\n3 2\n255\n".to_vec();
        pgm.extend_from_slice(&[0, 1, 2, 3, 4, 5]);
        let image = parse_pgm(&pgm).unwrap();
        assert_eq!((image.width, image.height), (3, 2));
        assert_eq!(image.pixels, &[0, 1, 2, 3, 4, 5]);
        assert!(parse_pgm(b"P5\n3 2\n255\n\x00").is_err());
        assert!(parse_pgm(b"P6\n1 1\n255\n\x00\x00\x00").is_err());
    }

    #[test]
    fn pages_are_laid_out_one_after_another() {
        let a = [7u8; 3 * 3];
        let b = [9u8; 2 * 5];
        let tiff = write_gray_tiff(
            &[
                GrayImage {
                    width: 3,
                    height: 3,
                    pixels: &a,
                },
                GrayImage {
                    width: 2,
                    height: 5,
                    pixels: &b,
                },
            ],
            300,
        );
        assert!(tiff.starts_with(b"II*\0"));
        let u32_at = |at: usize| u32::from_le_bytes(tiff[at..at + 4].try_into().unwrap());
        let first = u32_at(4) as usize;
        let entries = u16::from_le_bytes([tiff[first], tiff[first + 1]]) as usize;
        let next = u32_at(first + 2 + 12 * entries) as usize;
        assert!(next > first);
        let strip_of = |ifd: usize| u32_at(ifd + 2 + 12 * 5 + 8) as usize;
        assert_eq!(&tiff[strip_of(first)..strip_of(first) + 9], &a);
        assert_eq!(&tiff[strip_of(next)..strip_of(next) + 10], &b);
        assert_eq!(
            u32_at(next + 2 + 12 * entries),
            0,
            "the last IFD ends the chain"
        );
    }
}
