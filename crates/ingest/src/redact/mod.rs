//! Redacted copies of a PDF: each page rasterized (`pdftoppm`, gray, a
//! fixed resolution), the chosen areas burned into its pixels as opaque
//! black with a margin, the burned image read again by Tesseract, and a
//! new PDF written from the images alone ([`compose`]): the image, the
//! OCR words as invisible text, and the Bates label in a band added under
//! the page as the last thing drawn. Nothing of the original's objects
//! survives (no text layer, metadata, XMP, outline, annotations,
//! attachments, forms or scripts). [`verify`] reads the copy back.
//!
//! Like every tool run here, pages pass through pipes in memory
//! ([`crate::tools`]): no page image or text touches the disk, and the
//! buffers holding them are wiped when dropped.

pub mod compose;
pub mod verify;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use testimonio_vault::PageText;
use zeroize::Zeroizing;

use crate::ocr::{self, OcrLanguages};
use crate::tiff::{self, GrayImage};
use crate::tools::{self, Limits, ToolError};

/// A rectangle on a page in fractions of its width and height, from its
/// top left corner: the same on every rendering of the page, whatever
/// its resolution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Area {
    /// The rectangle between two corners given in any order, clamped to
    /// the page; `None` when it is empty or not a number.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Option<Area> {
        if ![x0, y0, x1, y1].iter().all(|v| v.is_finite()) {
            return None;
        }
        let c = |v: f64| v.clamp(0.0, 1.0);
        let area = Area {
            x0: c(x0.min(x1)),
            y0: c(y0.min(y1)),
            x1: c(x0.max(x1)),
            y1: c(y0.max(y1)),
        };
        (area.x1 > area.x0 && area.y1 > area.y0).then_some(area)
    }

    /// The share of `other`'s surface that lies inside this area (0–1).
    pub fn covers(&self, other: &Area) -> f64 {
        let w = (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0);
        let h = (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0);
        let surface = (other.x1 - other.x0) * (other.y1 - other.y0);
        if surface <= 0.0 {
            0.0
        } else {
            (w * h / surface).clamp(0.0, 1.0)
        }
    }

    /// Rounded to 1/10,000 of the page, for records.
    pub fn rounded(&self) -> [f64; 4] {
        let r = |v: f64| (v * 10_000.0).round() / 10_000.0;
        [r(self.x0), r(self.y0), r(self.x1), r(self.y1)]
    }
}

/// One page of the original to copy, with the areas to burn.
#[derive(Debug, Clone, PartialEq)]
pub struct PageToBurn {
    /// The page of the original, from 1.
    pub number: u32,
    pub areas: Vec<Area>,
}

/// How copies are made.
#[derive(Debug, Clone)]
pub struct RedactOptions {
    /// Resolution of the copy's page images (and of its OCR).
    pub dpi: u32,
    /// Black added around every area, in pixels at `dpi`.
    pub margin: u32,
    pub languages: OcrLanguages,
    /// Pages made at once (one Tesseract each).
    pub jobs: usize,
    /// Limits of each tool run (one page).
    pub limits: Limits,
}

impl Default for RedactOptions {
    fn default() -> Self {
        RedactOptions {
            dpi: 300,
            margin: 4,
            languages: OcrLanguages::default(),
            jobs: std::thread::available_parallelism().map_or(2, usize::from),
            limits: Limits {
                time: std::time::Duration::from_secs(120),
                ..Limits::default()
            },
        }
    }
}

/// A page of the copy: its burned image and what OCR reads on it.
pub struct BurnedPage {
    /// The page of the original it was made from.
    pub number: u32,
    pub width: u32,
    pub height: u32,
    /// 8-bit gray, `width` × `height`, the areas black.
    pub pixels: Zeroizing<Vec<u8>>,
    /// Tesseract's reading of the burned image (words in its pixels).
    pub ocr: PageText,
}

impl std::fmt::Debug for BurnedPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BurnedPage")
            .field("number", &self.number)
            .field("width", &self.width)
            .field("height", &self.height)
            .finish_non_exhaustive()
    }
}

/// Why a copy could not be made. Reasons name the tool and the page,
/// never the content.
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("page {page}: {source}")]
    Tool { page: u32, source: ToolError },
    #[error("page {page}: {reason}")]
    Image { page: u32, reason: String },
}

/// Rasterizes, burns and re-reads `pages` of `pdf`, `options.jobs` pages
/// at once; the pages come back in the order asked.
///
/// # Errors
/// The first page that failed: a tool failing or over its limits, an
/// image that does not parse.
pub fn burn_pages(
    pdf: &[u8],
    pages: &[PageToBurn],
    options: &RedactOptions,
) -> Result<Vec<BurnedPage>, RedactError> {
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Result<BurnedPage, RedactError>)>> =
        Mutex::new(Vec::with_capacity(pages.len()));
    let workers = options.jobs.clamp(1, pages.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    let Some(page) = pages.get(k) else { break };
                    let outcome = burn_page(pdf, page, options);
                    let failed = outcome.is_err();
                    done.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((k, outcome));
                    if failed {
                        // No more pages once one failed.
                        next.store(pages.len(), Ordering::SeqCst);
                    }
                }
            });
        }
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, outcome)| outcome).collect()
}

/// One page: rendered, burned, read.
fn burn_page(
    pdf: &[u8],
    page: &PageToBurn,
    options: &RedactOptions,
) -> Result<BurnedPage, RedactError> {
    let number = page.number;
    let tool = |source| RedactError::Tool {
        page: number,
        source,
    };
    let image = |reason: String| RedactError::Image {
        page: number,
        reason,
    };
    let n = number.to_string();
    let dpi = options.dpi.to_string();
    let pgm = Zeroizing::new(
        tools::run(
            "pdftoppm",
            &["-r", &dpi, "-gray", "-f", &n, "-l", &n, "-"],
            &[],
            pdf,
            options.limits,
        )
        .map_err(tool)?
        .stdout,
    );
    let parsed = tiff::parse_pgm(&pgm).map_err(image)?;
    let (width, height) = (parsed.width, parsed.height);
    let mut pixels = Zeroizing::new(Vec::with_capacity(parsed.pixels.len()));
    pixels.extend_from_slice(parsed.pixels);
    for area in &page.areas {
        burn(&mut pixels, width, height, area, options.margin);
    }
    let stack = Zeroizing::new(
        tiff::write_gray_tiff(
            &[GrayImage {
                width,
                height,
                pixels: &pixels,
            }],
            options.dpi,
        )
        .map_err(|e| image(e.to_string()))?,
    );
    let ocr = ocr::recognize(&stack, &options.languages, 1, options.limits)
        .map_err(tool)?
        .pop()
        .ok_or_else(|| image("tesseract read no page".into()))?;
    Ok(BurnedPage {
        number,
        width,
        height,
        pixels,
        ocr,
    })
}

/// Paints `area` (and `margin` pixels around it) black.
pub fn burn(pixels: &mut [u8], width: u32, height: u32, area: &Area, margin: u32) {
    let (w, h) = (f64::from(width), f64::from(height));
    let m = i64::from(margin);
    let clamp = |v: i64, max: u32| v.clamp(0, i64::from(max)) as usize;
    let x0 = clamp((area.x0 * w).floor() as i64 - m, width);
    let x1 = clamp((area.x1 * w).ceil() as i64 + m, width);
    let y0 = clamp((area.y0 * h).floor() as i64 - m, height);
    let y1 = clamp((area.y1 * h).ceil() as i64 + m, height);
    let stride = width as usize;
    for y in y0..y1 {
        if let Some(row) = pixels.get_mut(y * stride + x0..y * stride + x1) {
            row.fill(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_normalised_and_empty_ones_refused() {
        let a = Area::new(0.5, 0.6, 0.1, 0.2).expect("an area");
        assert_eq!(a.rounded(), [0.1, 0.2, 0.5, 0.6]);
        assert!(Area::new(0.1, 0.1, 0.1, 0.5).is_none());
        assert!(Area::new(f64::NAN, 0.0, 1.0, 1.0).is_none());
        let clamped = Area::new(-1.0, -1.0, 2.0, 2.0).expect("the page");
        assert_eq!(clamped.rounded(), [0.0, 0.0, 1.0, 1.0]);
    }

    #[test]
    fn coverage_is_the_share_of_the_other_area_inside() {
        let region = Area::new(0.0, 0.0, 0.5, 1.0).expect("area");
        let word = Area::new(0.4, 0.1, 0.6, 0.2).expect("area");
        assert!((region.covers(&word) - 0.5).abs() < 1e-9);
        let inside = Area::new(0.1, 0.1, 0.2, 0.2).expect("area");
        assert!((region.covers(&inside) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn burning_blackens_the_area_and_its_margin_only() {
        let (w, h) = (100u32, 50u32);
        let mut pixels = vec![255u8; (w * h) as usize];
        let area = Area::new(0.1, 0.2, 0.2, 0.4).expect("area");
        burn(&mut pixels, w, h, &area, 2);
        let at = |pixels: &[u8], x: usize, y: usize| pixels[y * w as usize + x];
        assert_eq!(at(&pixels, 15, 15), 0);
        assert_eq!(at(&pixels, 8, 8), 0, "the margin is black");
        assert_eq!(at(&pixels, 7, 15), 255);
        assert_eq!(at(&pixels, 23, 15), 255);
        assert_eq!(at(&pixels, 15, 23), 255);
        // An area at the edge stays inside the image.
        burn(
            &mut pixels,
            w,
            h,
            &Area::new(0.9, 0.9, 1.0, 1.0).expect("area"),
            5,
        );
        assert_eq!(at(&pixels, 99, 49), 0);
    }
}
