//! Page images for display: what a reader sees beside a page's text.
//!
//! - PDFs: the page rendered by pdftoppm (through pipes, in memory). Its
//!   size is read first (pdfinfo) and the resolution lowered for pages so
//!   large that the image would exceed [`RenderOptions::max_size`]: a PDF of
//!   a few hundred bytes can declare a 200-inch page, which at screen
//!   resolution is hundreds of megapixels.
//! - PNG, JPEG, GIF, WebP, BMP: page 1 is the original itself, served with
//!   its own media type (browsers show all of them). Its first bytes are
//!   checked against the media type recorded at intake.
//! - TIFF (one page per image directory, as Tesseract reads them): decoded
//!   and re-encoded as PNG in memory, under size limits, since browsers do
//!   not show TIFF; pages over the display size are scaled down by
//!   averaging blocks of pixels.
//! - Email, plain text, HTML and anything else: no image, only text.
//!
//! Nothing here writes to disk. Errors never carry the file's content.

use std::io::Cursor;

// The `tiff` crate (`::tiff`), not this crate's TIFF writer (`crate::tiff`).
use ::tiff::decoder::{Decoder, DecodingResult, Limits};
use ::tiff::{ColorType, TiffError};

use crate::tools::{self, ToolError};

/// The largest page image made for display, in pixels: short side × long
/// side, whichever way the page is turned. A letter page at 300 dpi fits
/// (2550 × 3300 comes out 2500 × 3235); about 9 megapixels at most.
pub const MAX_DISPLAY_SIZE: (u32, u32) = (2500, 3500);

/// How pages are rendered for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Resolution of PDF pages that fit `max_size` at it.
    pub dpi: u32,
    /// The largest image: short side × long side, in pixels.
    pub max_size: (u32, u32),
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            dpi: 100,
            max_size: MAX_DISPLAY_SIZE,
        }
    }
}

/// Largest TIFF page decoded, in pixels: a letter page scanned at 600 dpi
/// is about 34 million; a map or a blueprint at 600 dpi may be larger.
pub const MAX_TIFF_PIXELS: u64 = 120_000_000;

/// Largest decoded TIFF page, in bytes (the decoder's own limit).
pub const MAX_TIFF_DECODED_BYTES: usize = 512 << 20;

/// The format of a page image, as sent to a browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    Webp,
    Bmp,
}

impl ImageFormat {
    /// The `Content-Type` to serve the image with.
    pub fn content_type(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Gif => "image/gif",
            ImageFormat::Webp => "image/webp",
            ImageFormat::Bmp => "image/bmp",
        }
    }

    /// Whether `bytes` start like a file of this format.
    fn matches(self, bytes: &[u8]) -> bool {
        match self {
            ImageFormat::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            ImageFormat::Jpeg => bytes.starts_with(b"\xff\xd8\xff"),
            ImageFormat::Gif => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
            ImageFormat::Webp => {
                bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP"
            }
            ImageFormat::Bmp => bytes.starts_with(b"BM"),
        }
    }
}

/// One page as an image a browser can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageImage {
    pub format: ImageFormat,
    pub bytes: Vec<u8>,
}

/// Why a page image could not be made. Messages name formats, sizes and
/// tools, never the file's content.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the document has no page {page}")]
    NoSuchPage { page: u32 },
    #[error("the original does not look like {media_type}")]
    NotThatType { media_type: String },
    #[error("the page is too large to show ({width} × {height} pixels)")]
    TooLarge { width: u32, height: u32 },
    #[error("the TIFF exceeds the decoding limits")]
    OverLimits,
    #[error("TIFF pages of this kind cannot be shown ({0})")]
    Unsupported(String),
    #[error("the TIFF cannot be read: {0}")]
    Tiff(String),
    #[error("the page could not be encoded as PNG: {0}")]
    Png(String),
    #[error("rendering the PDF page: {0}")]
    Tool(#[from] ToolError),
}

/// How the pages of a document of `media_type` are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Pdf,
    Tiff,
    AsIs(ImageFormat),
}

fn source(media_type: &str) -> Option<Source> {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Some(match essence.as_str() {
        "application/pdf" => Source::Pdf,
        "image/tiff" => Source::Tiff,
        "image/png" => Source::AsIs(ImageFormat::Png),
        "image/jpeg" => Source::AsIs(ImageFormat::Jpeg),
        "image/gif" => Source::AsIs(ImageFormat::Gif),
        "image/webp" => Source::AsIs(ImageFormat::Webp),
        "image/bmp" => Source::AsIs(ImageFormat::Bmp),
        _ => return None,
    })
}

/// Whether documents of `media_type` have page images at all (PDFs and
/// images do; email, text and HTML do not). Cheap: decides whether a page
/// view shows an image before anything is decrypted.
pub fn has_page_images(media_type: &str) -> bool {
    source(media_type).is_some()
}

/// The image of page `page` (from 1) of `original`, a document of
/// `media_type`, within `options`. `Ok(None)` for documents without page
/// images.
///
/// # Errors
/// See [`RenderError`]: a page the original does not have, bytes that are
/// not what the media type says, a TIFF too large or of an unsupported
/// kind, pdftoppm failing.
pub fn render_page(
    original: &[u8],
    media_type: &str,
    page: u32,
    options: &RenderOptions,
) -> Result<Option<PageImage>, RenderError> {
    let Some(source) = source(media_type) else {
        return Ok(None);
    };
    if page == 0 {
        return Err(RenderError::NoSuchPage { page });
    }
    let image = match source {
        Source::Pdf => PageImage {
            format: ImageFormat::Png,
            bytes: pdf_page_png(original, page, options)?,
        },
        Source::Tiff => PageImage {
            format: ImageFormat::Png,
            bytes: tiff_page_png(original, page, options.max_size)?,
        },
        Source::AsIs(format) => {
            if page != 1 {
                return Err(RenderError::NoSuchPage { page });
            }
            if !format.matches(original) {
                return Err(RenderError::NotThatType {
                    media_type: format.content_type().to_owned(),
                });
            }
            PageImage {
                format,
                bytes: original.to_vec(),
            }
        }
    };
    Ok(Some(image))
}

/// Page `page` of a PDF as PNG, at `options.dpi` or lower, so that the
/// image fits `options.max_size`.
fn pdf_page_png(pdf: &[u8], page: u32, options: &RenderOptions) -> Result<Vec<u8>, ToolError> {
    let number = page.to_string();
    let (flag, value) = match pdf_page_size(pdf, page) {
        Some((width, height)) => ("-r", format!("{:.3}", fitting_dpi(width, height, options))),
        // Size unknown: fit the long side within the short side's cap,
        // whatever the resolution that takes.
        None => ("-scale-to", options.max_size.0.to_string()),
    };
    let args = [
        flag,
        &value,
        "-png",
        "-f",
        &number,
        "-l",
        &number,
        "-singlefile",
        "-",
    ];
    Ok(tools::run("pdftoppm", &args, &[], pdf, tools::Limits::default())?.stdout)
}

/// The width and height in points of page `page`'s media box (the area
/// pdftoppm renders), as pdfinfo reads it; `None` when it cannot.
fn pdf_page_size(pdf: &[u8], page: u32) -> Option<(f64, f64)> {
    let number = page.to_string();
    let limits = tools::Limits {
        time: std::time::Duration::from_secs(30),
        memory: 1 << 30,
        output: 1 << 20,
    };
    let out = tools::run(
        "pdfinfo",
        &["-f", &number, "-l", &number, "-box", "-"],
        &[],
        pdf,
        limits,
    )
    .ok()?;
    // Only the box lines are read: the rest (title, author…) is the
    // document's own text.
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("Page") && l.contains("MediaBox:"))?;
    let (_, numbers) = line.split_once("MediaBox:")?;
    let v: Vec<f64> = numbers
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [x1, y1, x2, y2] = v[..] else {
        return None;
    };
    let (width, height) = ((x2 - x1).abs(), (y2 - y1).abs());
    (width.is_finite() && height.is_finite()).then_some((width, height))
}

/// The resolution at which a page of `width` × `height` points comes out
/// within `options.max_size`: `options.dpi`, or less for a large page.
fn fitting_dpi(width: f64, height: f64, options: &RenderOptions) -> f64 {
    let (short, long) = if width <= height {
        (width, height)
    } else {
        (height, width)
    };
    let mut dpi = f64::from(options.dpi);
    for (points, pixels) in [(short, options.max_size.0), (long, options.max_size.1)] {
        if points > 0.0 {
            dpi = dpi.min(f64::from(pixels) * 72.0 / points);
        }
    }
    // Rounded down to what is passed on, so that rounding never adds a pixel.
    (dpi * 1000.0).floor().max(1.0) / 1000.0
}

fn tiff_error(e: &TiffError) -> RenderError {
    match e {
        TiffError::LimitsExceeded => RenderError::OverLimits,
        TiffError::UnsupportedError(u) => RenderError::Unsupported(u.to_string()),
        // Format errors describe the structure (tags, offsets), not pixels.
        other => RenderError::Tiff(other.to_string()),
    }
}

/// Page `page` of a TIFF (its `page`th image directory) as PNG, scaled
/// down to fit `max_size` (short side × long side).
fn tiff_page_png(bytes: &[u8], page: u32, max_size: (u32, u32)) -> Result<Vec<u8>, RenderError> {
    let mut limits = Limits::default();
    limits.decoding_buffer_size = MAX_TIFF_DECODED_BYTES;
    limits.intermediate_buffer_size = 128 << 20;
    limits.ifd_value_size = 1 << 20;
    let mut decoder = Decoder::new(Cursor::new(bytes))
        .map_err(|e| tiff_error(&e))?
        .with_limits(limits);
    for _ in 1..page {
        if !decoder.more_images() {
            return Err(RenderError::NoSuchPage { page });
        }
        decoder.next_image().map_err(|e| tiff_error(&e))?;
    }
    let (width, height) = decoder.dimensions().map_err(|e| tiff_error(&e))?;
    if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_TIFF_PIXELS {
        return Err(RenderError::TooLarge { width, height });
    }
    let color = decoder.colortype().map_err(|e| tiff_error(&e))?;
    let data = decoder.read_image().map_err(|e| match e {
        TiffError::LimitsExceeded => RenderError::TooLarge { width, height },
        other => tiff_error(&other),
    })?;
    let (png_color, depth, samples) = pixels_for_png(color, data, width, height)?;
    let factor = shrink_factor(width, height, max_size);
    if factor > 1 {
        let small = Pixels {
            width,
            height,
            color: png_color,
            depth,
            samples: &samples,
        }
        .shrink(factor)?;
        return encode_png(
            small.width,
            small.height,
            png_color,
            png::BitDepth::Eight,
            &small.samples,
        );
    }
    encode_png(width, height, png_color, depth, &samples)
}

/// The smallest whole factor that brings `width` × `height` within
/// `max_size` (short side × long side).
fn shrink_factor(width: u32, height: u32, max_size: (u32, u32)) -> u32 {
    let (short, long) = (width.min(height), width.max(height));
    short
        .div_ceil(max_size.0.max(1))
        .max(long.div_ceil(max_size.1.max(1)))
        .max(1)
}

/// Samples as PNG wants them (see [`pixels_for_png`]).
struct Pixels<'a> {
    width: u32,
    height: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    samples: &'a [u8],
}

/// A smaller image: 8-bit samples of the same colour type.
struct Shrunk {
    width: u32,
    height: u32,
    samples: Vec<u8>,
}

impl Pixels<'_> {
    /// Every `factor` × `factor` block of pixels averaged into one (area
    /// averaging: what a scan loses when printed smaller); 8-bit samples.
    fn shrink(&self, factor: u32) -> Result<Shrunk, RenderError> {
        let channels = match self.color {
            png::ColorType::Grayscale => 1,
            png::ColorType::GrayscaleAlpha => 2,
            png::ColorType::Rgb => 3,
            png::ColorType::Rgba => 4,
            png::ColorType::Indexed => {
                return Err(RenderError::Unsupported("indexed colour".into()));
            }
        };
        let bits: usize = match self.depth {
            png::BitDepth::One => 1,
            png::BitDepth::Two => 2,
            png::BitDepth::Four => 4,
            png::BitDepth::Eight => 8,
            png::BitDepth::Sixteen => 16,
        };
        let (w, h, f) = (self.width as usize, self.height as usize, factor as usize);
        let row_bytes = (w * channels * bits).div_ceil(8);
        // One sample as 0–255 (16-bit: its high byte; below 8 bits: scaled).
        let sample = |row: &[u8], i: usize| -> u32 {
            match bits {
                8 => u32::from(row[i]),
                16 => u32::from(row[2 * i]),
                _ => {
                    let bit = i * bits;
                    let max = (1u32 << bits) - 1;
                    let v = (u32::from(row[bit / 8]) >> (8 - bits - bit % 8)) & max;
                    v * 255 / max
                }
            }
        };
        let (out_w, out_h) = (w.div_ceil(f), h.div_ceil(f));
        let mut out = Vec::with_capacity(out_w * out_h * channels);
        let mut sums = vec![0u32; out_w * channels];
        for out_y in 0..out_h {
            sums.fill(0);
            let rows = (out_y * f)..((out_y + 1) * f).min(h);
            let block_h = rows.len();
            for y in rows {
                let row = &self.samples[y * row_bytes..(y + 1) * row_bytes];
                for x in 0..w {
                    for c in 0..channels {
                        sums[(x / f) * channels + c] += sample(row, x * channels + c);
                    }
                }
            }
            for out_x in 0..out_w {
                let block_w = f.min(w - out_x * f);
                let n = (block_w * block_h) as u32;
                for c in 0..channels {
                    let sum = sums[out_x * channels + c];
                    out.push(((sum + n / 2) / n) as u8);
                }
            }
        }
        Ok(Shrunk {
            width: out_w as u32,
            height: out_h as u32,
            samples: out,
        })
    }
}

/// The decoded samples as PNG wants them: rows of packed samples,
/// 16-bit samples big-endian.
fn pixels_for_png(
    color: ColorType,
    data: DecodingResult,
    width: u32,
    height: u32,
) -> Result<(png::ColorType, png::BitDepth, Vec<u8>), RenderError> {
    use png::{BitDepth, ColorType as Png};
    let unsupported = || RenderError::Unsupported(format!("{color:?}"));
    let (w, h) = (width as usize, height as usize);
    let out = match (color, data) {
        (ColorType::Gray(bits @ (1 | 2 | 4 | 8)), DecodingResult::U8(v)) => {
            let depth = match bits {
                1 => BitDepth::One,
                2 => BitDepth::Two,
                4 => BitDepth::Four,
                _ => BitDepth::Eight,
            };
            let row = (w * usize::from(bits)).div_ceil(8);
            (Png::Grayscale, depth, exact(v, row * h)?)
        }
        (ColorType::Gray(16), DecodingResult::U16(v)) => {
            (Png::Grayscale, BitDepth::Sixteen, big_endian(&v, w * h)?)
        }
        (ColorType::RGB(8), DecodingResult::U8(v)) => {
            (Png::Rgb, BitDepth::Eight, exact(v, w * h * 3)?)
        }
        (ColorType::RGB(16), DecodingResult::U16(v)) => {
            (Png::Rgb, BitDepth::Sixteen, big_endian(&v, w * h * 3)?)
        }
        (ColorType::RGBA(8), DecodingResult::U8(v)) => {
            (Png::Rgba, BitDepth::Eight, exact(v, w * h * 4)?)
        }
        (ColorType::RGBA(16), DecodingResult::U16(v)) => {
            (Png::Rgba, BitDepth::Sixteen, big_endian(&v, w * h * 4)?)
        }
        (
            ColorType::Multiband {
                bit_depth: 8,
                num_samples: 2,
            },
            DecodingResult::U8(v),
        ) => (Png::GrayscaleAlpha, BitDepth::Eight, exact(v, w * h * 2)?),
        (ColorType::CMYK(8), DecodingResult::U8(v)) => {
            let v = exact(v, w * h * 4)?;
            let rgb = v
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = 255 - u16::from(p[3]);
                    let ch = |c: u8| ((255 - u16::from(c)) * k / 255) as u8;
                    [ch(p[0]), ch(p[1]), ch(p[2])]
                })
                .collect();
            (Png::Rgb, BitDepth::Eight, rgb)
        }
        // JPEG-compressed colour scans: the decoder leaves them in YCbCr.
        (ColorType::YCbCr(8), DecodingResult::U8(v)) => {
            let v = exact(v, w * h * 3)?;
            let rgb = v
                .chunks_exact(3)
                .flat_map(|p| ycbcr_to_rgb(p[0], p[1], p[2]))
                .collect();
            (Png::Rgb, BitDepth::Eight, rgb)
        }
        _ => return Err(unsupported()),
    };
    Ok(out)
}

/// `v` if it holds exactly `len` bytes (a decoder that returned another
/// amount has misread the file).
fn exact(mut v: Vec<u8>, len: usize) -> Result<Vec<u8>, RenderError> {
    if v.len() < len {
        return Err(RenderError::Tiff(format!(
            "{} bytes of pixels where {len} were expected",
            v.len()
        )));
    }
    v.truncate(len);
    Ok(v)
}

fn big_endian(v: &[u16], len: usize) -> Result<Vec<u8>, RenderError> {
    if v.len() < len {
        return Err(RenderError::Tiff(format!(
            "{} samples where {len} were expected",
            v.len()
        )));
    }
    Ok(v[..len].iter().flat_map(|s| s.to_be_bytes()).collect())
}

/// JFIF (BT.601, full range) YCbCr to RGB.
fn ycbcr_to_rgb(y: u8, cb: u8, cr: u8) -> [u8; 3] {
    let (y, cb, cr) = (f32::from(y), f32::from(cb) - 128.0, f32::from(cr) - 128.0);
    let clamp = |x: f32| x.round().clamp(0.0, 255.0) as u8;
    [
        clamp(y + 1.402 * cr),
        clamp(y - 0.344_136 * cb - 0.714_136 * cr),
        clamp(y + 1.772 * cb),
    ]
}

fn encode_png(
    width: u32,
    height: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    samples: &[u8],
) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    encoder.set_depth(depth);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder
        .write_header()
        .map_err(|e| RenderError::Png(e.to_string()))?;
    writer
        .write_image_data(samples)
        .map_err(|e| RenderError::Png(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| RenderError::Png(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(dpi: u32) -> RenderOptions {
        RenderOptions {
            dpi,
            ..RenderOptions::default()
        }
    }

    const PHOTOTEST: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/ocr/phototest.tif"
    );
    const OPINION: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/foia/second-circuit-opinion-aclu-v-ice-2021.pdf"
    );

    /// Width, height, colour type and bit depth of a PNG, and its pixels.
    fn decode_png(bytes: &[u8]) -> (u32, u32, png::ColorType, png::BitDepth, Vec<u8>) {
        let mut reader = png::Decoder::new(Cursor::new(bytes))
            .read_info()
            .expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        buf.truncate(info.buffer_size());
        (
            info.width,
            info.height,
            info.color_type,
            info.bit_depth,
            buf,
        )
    }

    /// A TIFF of the given gray pages (width, height, value), 8-bit.
    fn gray_tiff(pages: &[(u32, u32, u8)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut encoder = ::tiff::encoder::TiffEncoder::new(&mut out).expect("an encoder");
        for &(w, h, value) in pages {
            let pixels = vec![value; (w * h) as usize];
            encoder
                .write_image::<::tiff::encoder::colortype::Gray8>(w, h, &pixels)
                .expect("a page written");
        }
        out.into_inner()
    }

    #[test]
    fn a_bilevel_tiff_becomes_a_png_of_the_same_size_with_black_text_on_white() {
        let tiff = std::fs::read(PHOTOTEST).expect("the corpus file phototest.tif");
        let image = render_page(&tiff, "image/tiff", 1, &at(100))
            .expect("rendered")
            .expect("a TIFF has page images");
        assert_eq!(image.format, ImageFormat::Png);
        assert!(image.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        let (w, h, color, depth, pixels) = decode_png(&image.bytes);
        assert_eq!((w, h), (640, 480));
        assert_eq!(
            (color, depth),
            (png::ColorType::Grayscale, png::BitDepth::One)
        );
        // WhiteIsZero in the file; in the PNG 1 is white: a page of text is
        // mostly white.
        let ones: u32 = pixels.iter().map(|b| b.count_ones()).sum();
        let total = 640 * 480;
        assert!(
            ones > total * 8 / 10,
            "{ones} of {total} pixels are white: the page came out inverted"
        );
        assert!(
            matches!(
                render_page(&tiff, "image/tiff", 2, &at(100)),
                Err(RenderError::NoSuchPage { page: 2 })
            ),
            "phototest.tif has one page"
        );
    }

    #[test]
    fn each_page_of_a_multi_page_tiff_is_its_own_image_directory() {
        let tiff = gray_tiff(&[(30, 20, 10), (12, 40, 200), (5, 5, 0)]);
        for (page, (w, h, value)) in [(1, (30, 20, 10)), (2, (12, 40, 200)), (3, (5, 5, 0))] {
            let image = render_page(&tiff, "image/tiff", page, &at(100))
                .expect("rendered")
                .expect("an image");
            let (pw, ph, color, depth, pixels) = decode_png(&image.bytes);
            assert_eq!((pw, ph), (w, h), "page {page}");
            assert_eq!(
                (color, depth),
                (png::ColorType::Grayscale, png::BitDepth::Eight)
            );
            assert!(pixels.iter().all(|&p| p == value), "page {page}");
        }
        assert!(matches!(
            render_page(&tiff, "image/tiff", 4, &at(100)),
            Err(RenderError::NoSuchPage { page: 4 })
        ));
        assert!(matches!(
            render_page(&tiff, "image/tiff", 0, &at(100)),
            Err(RenderError::NoSuchPage { page: 0 })
        ));
    }

    /// A TIFF whose one directory claims 100 000 × 100 000 pixels, with no
    /// pixels at all.
    fn bomb_tiff() -> Vec<u8> {
        let mut t = Vec::new();
        t.extend_from_slice(b"II*\0");
        t.extend_from_slice(&8u32.to_le_bytes());
        let entries: [(u16, u16, u32, u32); 8] = [
            (256, 4, 1, 100_000), // ImageWidth
            (257, 4, 1, 100_000), // ImageLength
            (258, 3, 1, 8),       // BitsPerSample
            (259, 3, 1, 1),       // Compression: none
            (262, 3, 1, 1),       // BlackIsZero
            (273, 4, 1, 200),     // StripOffsets
            (278, 4, 1, 100_000), // RowsPerStrip
            (279, 4, 1, 10),      // StripByteCounts
        ];
        t.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for (tag, kind, count, value) in entries {
            t.extend_from_slice(&tag.to_le_bytes());
            t.extend_from_slice(&kind.to_le_bytes());
            t.extend_from_slice(&count.to_le_bytes());
            if kind == 3 {
                t.extend_from_slice(&(value as u16).to_le_bytes());
                t.extend_from_slice(&[0, 0]);
            } else {
                t.extend_from_slice(&value.to_le_bytes());
            }
        }
        t.extend_from_slice(&0u32.to_le_bytes());
        t.resize(210, 0);
        t
    }

    #[test]
    fn a_tiff_claiming_billions_of_pixels_is_refused_before_decoding() {
        let started = std::time::Instant::now();
        let result = render_page(&bomb_tiff(), "image/tiff", 1, &at(100));
        assert!(
            matches!(
                result,
                Err(RenderError::TooLarge {
                    width: 100_000,
                    height: 100_000
                })
            ),
            "{result:?}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        // And garbage is an error, not a panic.
        assert!(matches!(
            render_page(b"II*\0garbage", "image/tiff", 1, &at(100)),
            Err(RenderError::Tiff(_) | RenderError::Unsupported(_))
        ));
    }

    #[test]
    fn a_pdf_page_is_rendered_as_png_and_a_missing_page_is_an_error() {
        let pdf = std::fs::read(OPINION).expect("the corpus file of the Second Circuit opinion");
        let image = render_page(&pdf, "application/pdf", 1, &at(50))
            .expect("rendered")
            .expect("PDFs have page images");
        assert_eq!(image.format, ImageFormat::Png);
        let (w, h, ..) = decode_png(&image.bytes);
        // A letter page at 50 dpi.
        assert!(
            (420..=430).contains(&w) && (545..=555).contains(&h),
            "{w}×{h}"
        );
        let last = render_page(&pdf, "application/pdf", 40, &at(50)).expect("page 40 rendered");
        assert!(last.is_some());
        assert!(render_page(&pdf, "application/pdf", 41, &at(50)).is_err());
    }

    /// A one-page PDF whose page is `width` × `height` points, turned by
    /// `rotate` degrees, with a small square drawn on it.
    fn pdf_with_page(width: u32, height: u32, rotate: u32) -> Vec<u8> {
        let content = "0 0 1 rg 0 0 100 100 re f";
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Rotate {rotate} /Contents 4 0 R >>"
            ),
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            ),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn a_huge_pdf_page_is_rendered_within_the_display_cap() {
        // 200 × 200 inches: 20,000 × 20,000 pixels at 100 dpi.
        let pdf = pdf_with_page(14_400, 14_400, 0);
        assert!(pdf.len() < 1000);
        let image = render_page(&pdf, "application/pdf", 1, &at(100))
            .expect("rendered")
            .expect("an image");
        let (w, h, ..) = decode_png(&image.bytes);
        assert_eq!((w, h), (2500, 2500));
        // Long and narrow, and turned sideways: each side within its cap.
        let pdf = pdf_with_page(2_000, 14_400, 90);
        let image = render_page(&pdf, "application/pdf", 1, &at(100))
            .unwrap()
            .unwrap();
        let (w, h, ..) = decode_png(&image.bytes);
        assert!(w.max(h) <= 3500 && w.min(h) <= 2500, "{w}×{h}");
        assert!(w > h, "turned: {w}×{h}");
        // A letter page keeps the requested resolution.
        let pdf = pdf_with_page(612, 792, 0);
        let image = render_page(&pdf, "application/pdf", 1, &at(100))
            .unwrap()
            .unwrap();
        let (w, h, ..) = decode_png(&image.bytes);
        assert_eq!((w, h), (850, 1100));
    }

    #[test]
    fn the_resolution_is_lowered_only_for_pages_over_the_cap() {
        let options = at(100);
        assert_eq!(fitting_dpi(612.0, 792.0, &options), 100.0);
        assert_eq!(fitting_dpi(792.0, 612.0, &options), 100.0);
        assert_eq!(fitting_dpi(14_400.0, 14_400.0, &options), 12.5);
        // The long side decides for a long, narrow page.
        assert_eq!(fitting_dpi(500.0, 14_400.0, &options), 17.5);
        // Never zero, whatever the page claims.
        assert!(fitting_dpi(1e12, 1e12, &options) > 0.0);
        assert_eq!(fitting_dpi(0.0, 0.0, &options), 100.0);
    }

    #[test]
    fn a_large_tiff_page_is_scaled_down_by_averaging() {
        assert_eq!(shrink_factor(2550, 3300, MAX_DISPLAY_SIZE), 2);
        assert_eq!(shrink_factor(2500, 3500, MAX_DISPLAY_SIZE), 1);
        assert_eq!(shrink_factor(3500, 2500, MAX_DISPLAY_SIZE), 1);
        assert_eq!(shrink_factor(10_000, 100, MAX_DISPLAY_SIZE), 3);
        let tiff = gray_tiff(&[(5200, 2600, 77)]);
        let image = render_page(&tiff, "image/tiff", 1, &at(100))
            .unwrap()
            .unwrap();
        let (w, h, color, depth, pixels) = decode_png(&image.bytes);
        assert_eq!((w, h), (2600, 1300));
        assert_eq!(
            (color, depth),
            (png::ColorType::Grayscale, png::BitDepth::Eight)
        );
        assert!(pixels.iter().all(|&p| p == 77));
        // A bilevel scan becomes gray: mostly white, still.
        let scan = std::fs::read(PHOTOTEST).expect("the corpus file phototest.tif");
        let small = RenderOptions {
            dpi: 100,
            max_size: (200, 300),
        };
        let image = render_page(&scan, "image/tiff", 1, &small)
            .unwrap()
            .unwrap();
        let (w, h, color, depth, pixels) = decode_png(&image.bytes);
        assert_eq!((w, h), (214, 160));
        assert_eq!(
            (color, depth),
            (png::ColorType::Grayscale, png::BitDepth::Eight)
        );
        let mean = pixels.iter().map(|&p| u64::from(p)).sum::<u64>() / pixels.len() as u64;
        assert!(mean > 200, "mean {mean}: the page came out dark");
    }

    #[test]
    fn shrinking_averages_blocks_and_keeps_the_edges() {
        // 3 × 2 RGB, 16-bit (high bytes 0, 100, 200 …), shrunk by 2: the
        // last column is a block of its own.
        let mut samples = Vec::new();
        for value in [0u8, 100, 200, 50, 150, 250] {
            for _ in 0..3 {
                samples.extend_from_slice(&[value, 0xff]);
            }
        }
        let pixels = Pixels {
            width: 3,
            height: 2,
            color: png::ColorType::Rgb,
            depth: png::BitDepth::Sixteen,
            samples: &samples,
        };
        let small = pixels.shrink(2).unwrap();
        assert_eq!((small.width, small.height), (2, 1));
        assert_eq!(small.samples, vec![75, 75, 75, 225, 225, 225]);
        // 4-bit gray, 4 × 1: 0x0F, 0xF0 → 0, 255, 255, 0.
        let pixels = Pixels {
            width: 4,
            height: 1,
            color: png::ColorType::Grayscale,
            depth: png::BitDepth::Four,
            samples: &[0x0f, 0xf0],
        };
        assert_eq!(pixels.shrink(2).unwrap().samples, vec![128, 128]);
    }

    #[test]
    fn images_browsers_show_are_served_as_they_are_and_only_as_page_one() {
        let mut png_bytes = Vec::new();
        {
            let mut e = png::Encoder::new(&mut png_bytes, 3, 2);
            e.set_color(png::ColorType::Grayscale);
            e.set_depth(png::BitDepth::Eight);
            let mut w = e.write_header().unwrap();
            w.write_image_data(&[0, 1, 2, 3, 4, 5]).unwrap();
        }
        let image = render_page(&png_bytes, "image/png", 1, &at(100))
            .unwrap()
            .unwrap();
        assert_eq!(image.format, ImageFormat::Png);
        assert_eq!(image.bytes, png_bytes, "the original, byte for byte");
        assert!(matches!(
            render_page(&png_bytes, "image/png", 2, &at(100)),
            Err(RenderError::NoSuchPage { page: 2 })
        ));
        let jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0fake".to_vec();
        let image = render_page(&jpeg, "image/jpeg", 1, &at(100))
            .unwrap()
            .unwrap();
        assert_eq!(image.format.content_type(), "image/jpeg");
        assert_eq!(image.bytes, jpeg);
        // Bytes that are not what the media type says are not served.
        assert!(matches!(
            render_page(b"<svg onload=alert(1)>", "image/png", 1, &at(100)),
            Err(RenderError::NotThatType { .. })
        ));
    }

    #[test]
    fn text_documents_have_no_page_images() {
        for media_type in [
            "message/rfc822",
            "text/plain",
            "text/html",
            "application/mbox",
            "application/octet-stream",
            "",
        ] {
            assert!(!has_page_images(media_type), "{media_type}");
            assert!(
                render_page(b"<script>alert(1)</script>", media_type, 1, &at(100))
                    .unwrap()
                    .is_none(),
                "{media_type}"
            );
        }
        for media_type in [
            "application/pdf",
            "image/tiff",
            "image/png",
            "IMAGE/JPEG",
            "image/png; charset=binary",
        ] {
            assert!(has_page_images(media_type), "{media_type}");
        }
    }

    #[test]
    fn ycbcr_conversion_keeps_grays_gray() {
        assert_eq!(ycbcr_to_rgb(0, 128, 128), [0, 0, 0]);
        assert_eq!(ycbcr_to_rgb(255, 128, 128), [255, 255, 255]);
        assert_eq!(ycbcr_to_rgb(100, 128, 128), [100, 100, 100]);
        let [r, g, b] = ycbcr_to_rgb(76, 85, 255);
        assert!(r > 240 && g < 10 && b < 10, "pure red: {r} {g} {b}");
    }
}
