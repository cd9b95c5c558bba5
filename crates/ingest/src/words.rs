//! Where each word of a PDF page's text layer is drawn: `pdftotext -bbox`
//! of that one page, read on demand (a page view marking a query's
//! matches) rather than at ingest, where a second pass over every text
//! page would double the cost of the most common kind of page for a
//! feature used on a few of them.
//!
//! The PDF reaches pdftotext through a pipe like every other tool
//! ([`crate::tools`]); its output, which is the page's text, is wiped
//! when read. Errors name the tool and the limit, never the content.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zeroize::Zeroizing;

use crate::tools::{self, Limits, ToolError};

/// One word of a text layer and its box, in points from the page's top
/// left corner (as pdftotext measures them, after the page's rotation:
/// the way pdftoppm draws the page).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerWord {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub text: String,
}

/// The words of one page's text layer, in reading order, and the page's
/// size in points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayerWords {
    pub width: f64,
    pub height: f64,
    pub words: Vec<LayerWord>,
}

/// Why a page's word boxes could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WordsError {
    #[error("reading the page's word boxes: {0}")]
    Tool(#[from] ToolError),
    /// pdftotext's XHTML did not parse; the position only, never the text.
    #[error("pdftotext's word boxes could not be read (at byte {0})")]
    Malformed(u64),
    #[error("the document has no page {0}")]
    NoSuchPage(u32),
}

/// Limits for one page: a page's word list is small, and a page that
/// takes pdftotext longer than this is not worth marking.
pub const PAGE_LIMITS: Limits = Limits {
    time: std::time::Duration::from_secs(30),
    memory: 1 << 30,
    output: 32 << 20,
};

/// The text layer's words of page `page` (from 1) of `pdf`.
///
/// # Errors
/// See [`WordsError`]: pdftotext failing or over `limits`, output that
/// does not parse, a page the PDF does not have.
pub fn text_layer_words(pdf: &[u8], page: u32, limits: Limits) -> Result<LayerWords, WordsError> {
    if page == 0 {
        return Err(WordsError::NoSuchPage(page));
    }
    let number = page.to_string();
    let out = Zeroizing::new(
        tools::run(
            "pdftotext",
            &["-bbox", "-f", &number, "-l", &number, "fd://0", "-"],
            &[],
            pdf,
            limits,
        )?
        .stdout,
    );
    parse_bbox(&out)?.ok_or(WordsError::NoSuchPage(page))
}

/// The first page of `pdftotext -bbox` XHTML: `<page width= height=>`
/// holding `<word xMin= yMin= xMax= yMax=>text</word>`; `None` when it has
/// no page.
///
/// # Errors
/// [`WordsError::Malformed`] for XML that does not parse.
fn parse_bbox(xhtml: &[u8]) -> Result<Option<LayerWords>, WordsError> {
    let mut reader = Reader::from_reader(xhtml);
    let mut page: Option<LayerWords> = None;
    let mut word: Option<LayerWord> = None;
    let mut buf = Vec::new();
    loop {
        let malformed = |r: &Reader<&[u8]>| WordsError::Malformed(r.buffer_position());
        match reader
            .read_event_into(&mut buf)
            .map_err(|_| malformed(&reader))?
        {
            Event::Start(tag) | Event::Empty(tag) => match tag.name().as_ref() {
                "page" if page.is_some() => break,
                "page" => {
                    page = Some(LayerWords {
                        width: number(&tag, "width").unwrap_or(0.0),
                        height: number(&tag, "height").unwrap_or(0.0),
                        words: Vec::new(),
                    });
                }
                "word" => {
                    word = match (
                        number(&tag, "xMin"),
                        number(&tag, "yMin"),
                        number(&tag, "xMax"),
                        number(&tag, "yMax"),
                    ) {
                        (Some(left), Some(top), Some(right), Some(bottom)) => Some(LayerWord {
                            left,
                            top,
                            right,
                            bottom,
                            text: String::new(),
                        }),
                        _ => None,
                    };
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some(word) = word.as_mut() {
                    word.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(entity) => {
                if let Some(word) = word.as_mut() {
                    let resolved = entity
                        .resolve_char_ref()
                        .map_err(|_| malformed(&reader))?
                        .or_else(|| {
                            quick_xml::escape::resolve_predefined_entity(&entity.xml10_content())
                                .and_then(|s| s.chars().next())
                        });
                    if let Some(c) = resolved {
                        word.text.push(c);
                    }
                }
            }
            Event::End(tag) if tag.name().as_ref() == "word" => {
                if let (Some(page), Some(word)) = (page.as_mut(), word.take())
                    && !word.text.trim().is_empty()
                {
                    page.words.push(word);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if let Some(page) = page.as_mut() {
        page.words = join_touching(std::mem::take(&mut page.words));
    }
    Ok(page)
}

/// Words that touch on one line, joined: pdftotext starts a new word
/// where the font changes even without a space, so small capitals
/// (`A` `UGUST` for "AUGUST", the way court opinions set captions) come
/// as two boxes. A real space is a fifth of the font's height or more;
/// touching is a tenth of it or less.
fn join_touching(words: Vec<LayerWord>) -> Vec<LayerWord> {
    let mut joined: Vec<LayerWord> = Vec::with_capacity(words.len());
    for word in words {
        if let Some(last) = joined.last_mut() {
            let height = (last.bottom - last.top).min(word.bottom - word.top);
            let gap = word.left - last.right;
            let same_line = word.top < last.bottom && last.top < word.bottom;
            if same_line && height > 0.0 && gap >= -0.1 * height && gap <= 0.1 * height {
                last.right = last.right.max(word.right);
                last.top = last.top.min(word.top);
                last.bottom = last.bottom.max(word.bottom);
                last.text.push_str(&word.text);
                continue;
            }
        }
        joined.push(word);
    }
    joined
}

/// The number in attribute `name` of `tag`.
fn number(tag: &BytesStart<'_>, name: &str) -> Option<f64> {
    let value = tag.try_get_attribute(name).ok()??;
    value.value.parse().ok().filter(|v: &f64| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title></title>
<meta name="Producer" content="x"/>
</head>
<body>
<doc>
  <page width="612.000000" height="792.000000">
    <word xMin="72.000000" yMin="90.500000" xMax="110.250000" yMax="102.000000">Peña</word>
    <word xMin="112.000000" yMin="90.500000" xMax="150.000000" yMax="102.000000">A&amp;B</word>
    <word xMin="1" yMin="1" xMax="2">broken</word>
    <word xMin="152.000000" yMin="90.500000" xMax="170.000000" yMax="102.000000">&lt;x&gt;&#233;</word>
  </page>
  <page width="100" height="100">
    <word xMin="1" yMin="1" xMax="2" yMax="2">next</word>
  </page>
</doc>
</body>
</html>"#;

    #[test]
    fn words_come_with_their_boxes_and_entities_resolved() {
        let page = parse_bbox(SAMPLE.as_bytes())
            .expect("parses")
            .expect("a page");
        assert_eq!((page.width, page.height), (612.0, 792.0));
        let texts: Vec<&str> = page.words.iter().map(|w| w.text.as_str()).collect();
        // The word without a full box is left out; only the first page.
        assert_eq!(texts, ["Peña", "A&B", "<x>é"]);
        assert_eq!(page.words[0].left, 72.0);
        assert_eq!(page.words[0].bottom, 102.0);
    }

    #[test]
    fn small_capitals_set_as_two_words_are_one() {
        // Page 1 of the Second Circuit opinion: "AUGUST TERM 2021".
        let xhtml = r#"<doc><page width="612" height="792">
            <word xMin="251.16" yMin="213.249" xMax="261.28956" yMax="230.72184">A</word>
            <word xMin="261.3" yMin="215.895" xMax="297.6132" yMax="229.986">UGUST</word>
            <word xMin="300.24" yMin="213.249" xMax="308.22126" yMax="230.72184">T</word>
            <word xMin="308.16" yMin="215.895" xMax="331.5372" yMax="229.986">ERM</word>
            <word xMin="334.80198" yMin="213.249" xMax="360.819846" yMax="230.72184">2021</word>
            <word xMin="10" yMin="300" xMax="20" yMax="310">next</word>
            <word xMin="20.5" yMin="320" xMax="30" yMax="330">line</word>
        </page></doc>"#;
        let page = parse_bbox(xhtml.as_bytes())
            .expect("parses")
            .expect("a page");
        let texts: Vec<&str> = page.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["AUGUST", "TERM", "2021", "next", "line"]);
        assert_eq!(page.words[0].left, 251.16);
        assert_eq!(page.words[0].right, 297.6132);
        assert_eq!(page.words[0].top, 213.249);
    }

    #[test]
    fn no_page_and_broken_xml_are_told_apart() {
        assert!(parse_bbox(b"<doc></doc>").expect("parses").is_none());
        assert!(matches!(
            parse_bbox(b"<doc><page width=\"1\" height=\"1\"><word xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"2\">a</wrd></page>"),
            Err(WordsError::Malformed(_))
        ));
    }
}
