//! A minimal multi-page TIFF writer for 8-bit grayscale page images, so
//! that one Tesseract run can read several pages from its standard input
//! (loading its language models once per batch instead of once per page).
//! The TIFF itself is written by the `tiff` crate.

use std::io::Cursor;

pub use ::tiff::TiffError;
use ::tiff::encoder::colortype::Gray8;
use ::tiff::encoder::{Rational, TiffEncoder};
use ::tiff::tags::ResolutionUnit;

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

/// Writes `pages` as one little-endian, uncompressed, multi-page grayscale
/// TIFF at `dpi`, with the `tiff` crate's encoder.
///
/// # Errors
/// A page whose pixel count does not match its size, or one too large for
/// a (non-Big) TIFF.
pub fn write_gray_tiff(pages: &[GrayImage<'_>], dpi: u32) -> Result<Vec<u8>, TiffError> {
    // Room for every page up front, so the buffer (which the caller wipes)
    // is not reallocated and its content left behind in freed memory.
    const PER_PAGE_OVERHEAD: usize = 512;
    let capacity: usize = pages
        .iter()
        .map(|page| page.pixels.len() + PER_PAGE_OVERHEAD)
        .sum::<usize>()
        + 16;
    let mut out = Cursor::new(Vec::with_capacity(capacity));
    let mut encoder = TiffEncoder::new(&mut out)?;
    for page in pages {
        let mut image = encoder.new_image::<Gray8>(page.width, page.height)?;
        image.resolution(ResolutionUnit::Inch, Rational { n: dpi, d: 1 });
        image.write_data(page.pixels)?;
    }
    Ok(out.into_inner())
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
        )
        .unwrap();
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

    #[test]
    fn a_tiff_decoder_reads_back_every_page_its_pixels_and_resolution() {
        use ::tiff::decoder::{Decoder, DecodingResult};
        use ::tiff::tags::Tag;
        let a: Vec<u8> = (0..=255).cycle().take(640 * 300).collect();
        let b = [200u8; 17 * 3];
        let pages = [
            GrayImage {
                width: 640,
                height: 300,
                pixels: &a,
            },
            GrayImage {
                width: 17,
                height: 3,
                pixels: &b,
            },
        ];
        let tiff = write_gray_tiff(&pages, 300).unwrap();
        let mut decoder = Decoder::new(Cursor::new(tiff)).unwrap();
        for (n, page) in pages.iter().enumerate() {
            if n > 0 {
                decoder.next_image().unwrap();
            }
            assert_eq!(decoder.dimensions().unwrap(), (page.width, page.height));
            assert_eq!(decoder.colortype().unwrap(), ::tiff::ColorType::Gray(8));
            assert_eq!(decoder.get_tag_u32(Tag::ResolutionUnit).unwrap(), 2);
            assert_eq!(
                decoder.get_tag_u32_vec(Tag::XResolution).unwrap(),
                vec![300, 1]
            );
            let DecodingResult::U8(pixels) = decoder.read_image().unwrap() else {
                panic!("8-bit pixels expected");
            };
            assert_eq!(pixels, page.pixels);
        }
        assert!(!decoder.more_images(), "two pages, no more");
    }

    #[test]
    fn a_page_whose_pixels_do_not_match_its_size_is_an_error() {
        let short = [0u8; 5];
        let page = GrayImage {
            width: 3,
            height: 2,
            pixels: &short,
        };
        assert!(write_gray_tiff(&[page], 300).is_err());
    }
}
