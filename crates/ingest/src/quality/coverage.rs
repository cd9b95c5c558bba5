//! How much of a page its text layer covers, and how much its images.
//!
//! A scan whose only text layer is a stamp (a court's `Case … Document …
//! Filed … Page 1 of 15` header, a Bates number, a "(b)(6)" label) has a
//! text layer that reads as language, so only geometry tells it apart
//! from a typed page: its words cover a sliver of a page an image fills.
//! Image sizes come from `pdfimages -list` (pixels and resolution as
//! drawn, so points on the page), page sizes from `pdfinfo`, word boxes
//! from `pdftotext -bbox`, each run on the PDF through a pipe like every
//! other tool ([`crate::tools`]); the word boxes are asked for only on
//! pages an image covers, so a born-digital document costs one
//! `pdfimages` run.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use crate::tools::{self, Limits, ToolError};

/// Least share of the page its images must cover for the page to be an
/// image page. Measured on `../shared/corpus`: the scanned ICE letter's
/// pages and the joint appendix's 20 stamped scans are covered 100 %;
/// no page of the Second Circuit opinion has an image, and no other page
/// of the joint appendix one above 5 % (its images are rules 3 pixels
/// high).
pub const IMAGE_MIN: f64 = 0.5;

/// Most share of the page its words may cover for the text layer to be a
/// stamp on an image page. Measured: the joint appendix's stamped scans,
/// whose layer is the court's two header lines and the "JA 030" number,
/// 0.018; the typed pages of the Second Circuit opinion 0.18 to 0.39
/// (median 0.32), of the joint appendix down to 0.034 (one-paragraph
/// exhibit cover sheets, which have no image). A typed letter with a
/// scanned attachment keeps its layer while its words cover more than
/// this (half a page typed at the opinion's density covers about 0.16).
pub const TEXT_MAX: f64 = 0.05;

/// What covers one page, as shares of its area (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    pub image: f64,
    pub text: f64,
}

impl Coverage {
    /// An image fills the page and the text layer is a stamp on it.
    pub fn is_stamp_on_image(&self) -> bool {
        self.image >= IMAGE_MIN && self.text <= TEXT_MAX
    }
}

/// The coverage of those of `pages` (1-based) that an image covers at
/// least [`IMAGE_MIN`]; pages absent from the answer have no such image.
///
/// # Errors
/// A tool failed (see [`ToolError`]); the caller decides without
/// coverage.
pub fn measure(
    pdf: &[u8],
    pages: &[u32],
    limits: Limits,
) -> Result<BTreeMap<u32, Coverage>, ToolError> {
    let (Some(&first), Some(&last)) = (pages.iter().min(), pages.iter().max()) else {
        return Ok(BTreeMap::new());
    };
    let listed = tools::run("pdfimages", &["-list", "fd://0"], &[], pdf, limits)?;
    let images = image_areas(&String::from_utf8_lossy(&listed.stdout));
    if !pages.iter().any(|p| images.contains_key(p)) {
        return Ok(BTreeMap::new());
    }
    let (from, to) = (first.to_string(), last.to_string());
    let info = tools::run(
        "pdfinfo",
        &["-f", &from, "-l", &to, "fd://0"],
        &[],
        pdf,
        limits,
    )?;
    let sizes = page_areas(&String::from_utf8_lossy(&info.stdout));
    let image_pages: Vec<(u32, f64)> = pages
        .iter()
        .filter_map(|p| {
            let share = (images.get(p)? / sizes.get(p)?).min(1.0);
            (share >= IMAGE_MIN).then_some((*p, share))
        })
        .collect();
    let (Some(&(first, _)), Some(&(last, _))) = (image_pages.first(), image_pages.last()) else {
        return Ok(BTreeMap::new());
    };
    let (from, to) = (first.to_string(), last.to_string());
    // The word boxes carry the page's words: kept in memory, wiped after.
    let boxes = Zeroizing::new(
        tools::run(
            "pdftotext",
            &["-bbox", "-f", &from, "-l", &to, "fd://0", "-"],
            &[],
            pdf,
            limits,
        )?
        .stdout,
    );
    let text = text_shares(&String::from_utf8_lossy(&boxes), first);
    Ok(image_pages
        .into_iter()
        .map(|(page, image)| {
            let text = text.get(&page).copied().unwrap_or(0.0);
            (page, Coverage { image, text })
        })
        .collect())
}

/// Area in square points of the images drawn on each page, from
/// `pdfimages -list`: pixels over resolution (as drawn) times 72. Soft
/// masks and masks go with an image already counted; stencils (1-bit
/// scans drawn as masks) are counted.
fn image_areas(listing: &str) -> BTreeMap<u32, f64> {
    let mut areas = BTreeMap::new();
    for line in listing.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        if cols.len() < 14 || !matches!(cols[2], "image" | "stencil") {
            continue;
        }
        let parsed = (
            cols[0].parse::<u32>(),
            cols[3].parse::<f64>(),
            cols[4].parse::<f64>(),
            cols[12].parse::<f64>(),
            cols[13].parse::<f64>(),
        );
        let (Ok(page), Ok(width), Ok(height), Ok(x_ppi), Ok(y_ppi)) = parsed else {
            continue;
        };
        if x_ppi > 0.0 && y_ppi > 0.0 {
            *areas.entry(page).or_insert(0.0) += (width / x_ppi * 72.0) * (height / y_ppi * 72.0);
        }
    }
    areas
}

/// Area in square points of each page, from `pdfinfo -f -l`'s
/// `Page    3 size: 612 x 792 pts (letter)` lines.
fn page_areas(info: &str) -> BTreeMap<u32, f64> {
    let mut areas = BTreeMap::new();
    for line in info.lines() {
        let Some(rest) = line.strip_prefix("Page") else {
            continue;
        };
        let Some((number, size)) = rest.split_once("size:") else {
            continue;
        };
        let mut dims = size.split_whitespace();
        let (Some(w), Some("x"), Some(h)) = (dims.next(), dims.next(), dims.next()) else {
            continue;
        };
        if let (Ok(n), Ok(w), Ok(h)) = (
            number.trim().parse::<u32>(),
            w.parse::<f64>(),
            h.parse::<f64>(),
        ) && w > 0.0
            && h > 0.0
        {
            areas.insert(n, w * h);
        }
    }
    areas
}

/// The share of each page its words' boxes cover, from `pdftotext -bbox`
/// (XHTML: `<page width= height=>` then `<word xMin= yMin= xMax= yMax=>`),
/// the first page being `first`.
fn text_shares(xhtml: &str, first: u32) -> BTreeMap<u32, f64> {
    let mut shares = BTreeMap::new();
    for (k, chunk) in xhtml.split("<page ").skip(1).enumerate() {
        let page = first + k as u32;
        let head = chunk.split('>').next().unwrap_or("");
        let (Some(w), Some(h)) = (attr(head, "width"), attr(head, "height")) else {
            continue;
        };
        if w <= 0.0 || h <= 0.0 {
            continue;
        }
        let mut covered = 0.0;
        for word in chunk.split("<word ").skip(1) {
            let tag = word.split('>').next().unwrap_or("");
            if let (Some(x0), Some(y0), Some(x1), Some(y1)) = (
                attr(tag, "xMin"),
                attr(tag, "yMin"),
                attr(tag, "xMax"),
                attr(tag, "yMax"),
            ) {
                covered += (x1 - x0).max(0.0) * (y1 - y0).max(0.0);
            }
        }
        shares.insert(page, (covered / (w * h)).min(1.0));
    }
    shares
}

/// The number in `name="…"` of a tag's attributes.
fn attr(tag: &str, name: &str) -> Option<f64> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let value = &tag[at..];
    value[..value.find('"')?].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_areas_come_from_pixels_and_resolution_and_skip_masks() {
        let listing = "\
page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   1     0 image    2550  3300  icc     3   8  jpeg   yes        5  0   300   300 1006K 4.1%
   2     1 image     265     3  index   1   8  image  no      2815  0    41    69   19B 2.4%
   2     2 smask     265     3  gray    1   8  image  no      2815  0    41    69   28B 3.5%
   3     3 stencil  1700  2200  -       1   1  ccitt  no        12  0   200   200  50K 1.0%
";
        let areas = image_areas(listing);
        assert!((areas[&1] - 612.0 * 792.0).abs() < 1.0, "{areas:?}");
        assert!(areas[&2] < 2000.0, "{areas:?}");
        assert!((areas[&3] - 612.0 * 792.0).abs() < 1.0, "{areas:?}");
    }

    #[test]
    fn page_sizes_come_from_pdfinfo() {
        let info = "Pages:           3\nPage    2 size: 612 x 792 pts (letter)\nPage    2 rot:  0\nPage    3 size: 595.276 x 841.89 pts (A4)\n";
        let areas = page_areas(info);
        assert_eq!(areas.len(), 2);
        assert!((areas[&2] - 612.0 * 792.0).abs() < 0.01);
        assert!((areas[&3] - 595.276 * 841.89).abs() < 0.01);
    }

    #[test]
    fn text_shares_sum_word_boxes_per_page() {
        let xhtml = r#"<doc>
  <page width="100.000000" height="200.000000">
    <word xMin="10.000000" yMin="10.000000" xMax="30.000000" yMax="20.000000">Case</word>
    <word xMin="40.000000" yMin="10.000000" xMax="60.000000" yMax="20.000000">52</word>
  </page>
  <page width="100.000000" height="200.000000">
  </page>
</doc>"#;
        let shares = text_shares(xhtml, 7);
        assert_eq!(shares.len(), 2);
        assert!((shares[&7] - 400.0 / 20_000.0).abs() < 1e-9, "{shares:?}");
        assert_eq!(shares[&8], 0.0);
    }

    #[test]
    fn a_stamp_is_a_sliver_of_text_on_a_page_an_image_fills() {
        let stamp = Coverage {
            image: 1.0,
            text: 0.018,
        };
        assert!(stamp.is_stamp_on_image());
        let typed_letter_with_attachment = Coverage {
            image: 0.5,
            text: 0.12,
        };
        assert!(!typed_letter_with_attachment.is_stamp_on_image());
        let small_photo = Coverage {
            image: 0.2,
            text: 0.01,
        };
        assert!(!small_photo.is_stamp_on_image());
    }
}
