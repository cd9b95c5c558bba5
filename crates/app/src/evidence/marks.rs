//! A query's matches marked on a page image: the boxes of the words the
//! query matches, from the page's OCR word boxes (stored at ingest) and
//! from its PDF text layer's word boxes (read from the original when the
//! page is viewed, see [`testimonio_ingest::words`]). The front end draws
//! them over the image; no script runs in the reader's browser.
//!
//! The words are matched as the page text is ([`highlight::matched_words`]):
//! what the text beside the image marks, the image marks.

use testimonio_domain::{PageDecision, TextMethod};
use testimonio_ingest::words::LayerWords;
use testimonio_search::highlight;
use testimonio_search::query::TextQuery;
use testimonio_vault::PageText;

/// A box over the page image, in the coordinates of its [`PageMarks`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The boxes to draw over a page image that fills `width` × `height`
/// (the OCR image's pixels, or the page's points for a text layer).
#[derive(Debug, Clone, PartialEq)]
pub struct PageMarks {
    pub width: f64,
    pub height: f64,
    pub boxes: Vec<MarkBox>,
}

/// Whether the page's matches are drawn from its text layer, which is
/// read from the original: a PDF page read from its layer, or a scan
/// whose stamp (a Bates number, a court header) the layer holds.
pub fn needs_text_layer(page: &PageText, media_type: &str) -> bool {
    is_pdf(media_type)
        && (page.method == TextMethod::TextLayer
            || page.decision == Some(PageDecision::ImagePageWithStamp))
}

fn is_pdf(media_type: &str) -> bool {
    media_type
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/pdf"))
}

/// The words of a page placed on it: its OCR words (in the OCR image's
/// pixels) followed by the words of its text layer `layer`, when given
/// (scaled to the OCR image when the page has one, else in points), in
/// the space `width` × `height`. A word's position in `words` is its
/// index on the page (what a redaction picks).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedWords<'a> {
    pub width: f64,
    pub height: f64,
    pub words: Vec<(MarkBox, &'a str)>,
}

/// The placed words of `page`; `None` when it has none at all.
pub fn placed_words<'a>(
    page: &'a PageText,
    layer: Option<&'a LayerWords>,
) -> Option<PlacedWords<'a>> {
    let layer = layer.filter(|l| l.width > 0.0 && l.height > 0.0);
    let ocr = page
        .image_size
        .filter(|&(w, h)| w > 0 && h > 0 && !page.words.is_empty());
    let (width, height, scale) = match (ocr, layer) {
        (Some((w, h)), layer) => {
            let (w, h) = (f64::from(w), f64::from(h));
            let scale = layer.map_or((1.0, 1.0), |l| (w / l.width, h / l.height));
            (w, h, scale)
        }
        (None, Some(l)) => (l.width, l.height, (1.0, 1.0)),
        (None, None) => return None,
    };
    let mut words: Vec<(MarkBox, &str)> = Vec::new();
    if ocr.is_some() {
        for w in &page.words {
            words.push((
                MarkBox {
                    left: f64::from(w.left),
                    top: f64::from(w.top),
                    width: f64::from(w.width),
                    height: f64::from(w.height),
                },
                w.text.as_str(),
            ));
        }
    }
    for w in layer.map_or(&[][..], |l| &l.words) {
        words.push((
            MarkBox {
                left: w.left * scale.0,
                top: w.top * scale.1,
                width: (w.right - w.left).max(0.0) * scale.0,
                height: (w.bottom - w.top).max(0.0) * scale.1,
            },
            w.text.as_str(),
        ));
    }
    Some(PlacedWords {
        width,
        height,
        words,
    })
}

/// The boxes of the words of `page` that `leaves` match (see
/// [`placed_words`]). `None` when the page has no placed words at all.
pub fn page_marks(
    page: &PageText,
    layer: Option<&LayerWords>,
    leaves: &[&TextQuery],
) -> Option<PageMarks> {
    let placed = placed_words(page, layer)?;
    let texts: Vec<&str> = placed.words.iter().map(|(_, t)| *t).collect();
    let marked = highlight::matched_words(&texts, leaves);
    let boxes = placed
        .words
        .into_iter()
        .zip(marked)
        .filter_map(|((b, _), m)| m.then_some(b))
        .collect();
    Some(PageMarks {
        width: placed.width,
        height: placed.height,
        boxes,
    })
}

#[cfg(test)]
mod tests {
    use testimonio_ingest::words::LayerWord;
    use testimonio_search::query::{parse, positive_text};
    use testimonio_vault::WordBox;

    use super::*;

    fn page(method: TextMethod, words: Vec<WordBox>, size: Option<(u32, u32)>) -> PageText {
        PageText {
            number: 1,
            method,
            text: String::new(),
            confidence: None,
            bates: None,
            image_size: size,
            words,
            problem: None,
            decision: None,
        }
    }

    fn word(left: u32, text: &str) -> WordBox {
        WordBox {
            left,
            top: 100,
            width: 50,
            height: 20,
            confidence: 90.0,
            text: text.into(),
        }
    }

    fn layer(words: &[(f64, &str)]) -> LayerWords {
        LayerWords {
            width: 612.0,
            height: 792.0,
            words: words
                .iter()
                .map(|&(left, text)| LayerWord {
                    left,
                    top: 72.0,
                    right: left + 30.0,
                    bottom: 84.0,
                    text: text.into(),
                })
                .collect(),
        }
    }

    fn marks(page: &PageText, layer: Option<&LayerWords>, query: &str) -> Option<PageMarks> {
        let node = parse(query).expect("query parses");
        page_marks(page, layer, &positive_text(&node))
    }

    #[test]
    fn ocr_words_are_marked_in_the_image_pixels() {
        let p = page(
            TextMethod::Ocr,
            vec![word(10, "Huelga"), word(70, "de"), word(130, "hambre")],
            Some((2550, 3300)),
        );
        let m = marks(&p, None, "hambre").expect("placed words");
        assert_eq!((m.width, m.height), (2550.0, 3300.0));
        assert_eq!(m.boxes.len(), 1);
        assert_eq!(m.boxes[0].left, 130.0);
    }

    #[test]
    fn a_text_layer_is_marked_in_points_and_a_stamp_scaled_to_the_scan() {
        let typed = page(TextMethod::TextLayer, Vec::new(), None);
        let l = layer(&[(72.0, "Notice"), (110.0, "to"), (130.0, "Appear")]);
        let m = marks(&typed, Some(&l), "\"notice to appear\"").expect("placed");
        assert_eq!((m.width, m.height), (612.0, 792.0));
        assert_eq!(m.boxes.len(), 3);

        // A scan with a Bates stamp: OCR words in pixels (300 dpi), the
        // stamp's word from the layer scaled from points to them.
        let mut scan = page(
            TextMethod::Ocr,
            vec![word(10, "Letter")],
            Some((2550, 3300)),
        );
        scan.decision = Some(PageDecision::ImagePageWithStamp);
        let stamp = layer(&[(72.0, "ICE-000123")]);
        let m = marks(&scan, Some(&stamp), "ICE-000123").expect("placed");
        assert_eq!(m.boxes.len(), 1);
        assert!((m.boxes[0].left - 300.0).abs() < 1e-9, "{:?}", m.boxes);
        assert!((m.boxes[0].width - 125.0).abs() < 1e-9, "{:?}", m.boxes);
    }

    #[test]
    fn pages_without_placed_words_have_no_marks() {
        let p = page(TextMethod::TextLayer, Vec::new(), None);
        assert!(marks(&p, None, "x").is_none());
        assert!(needs_text_layer(&p, "application/pdf"));
        assert!(!needs_text_layer(&p, "text/plain"));
        let ocr = page(TextMethod::Ocr, Vec::new(), Some((10, 10)));
        assert!(!needs_text_layer(&ocr, "application/pdf"));
    }
}
