//! Optical character recognition with Tesseract, on image bytes in memory.
//!
//! Tesseract reads the image from its standard input and writes TSV (one
//! row per page, block, paragraph, line and word, with boxes and
//! confidences) to its standard output. From the TSV we keep the words
//! with their boxes, for highlighting later, and rebuild the page text
//! line by line.

use testimonio_domain::TextMethod;
use testimonio_vault::{PageText, WordBox};

use crate::tools::{self, Limits, ToolError};

/// Tesseract's language setting, e.g. `eng+spa`: one or more installed
/// language codes joined by `+`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcrLanguages(String);

impl OcrLanguages {
    /// # Errors
    /// Anything but 3-letter-ish lowercase codes joined by `+` (the value
    /// goes on a command line).
    pub fn parse(s: &str) -> Result<Self, String> {
        let ok = !s.is_empty()
            && s.split('+').all(|code| {
                (2..=12).contains(&code.len())
                    && code
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
            });
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(format!(
                "{s:?} is not a Tesseract language list such as eng+spa"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for OcrLanguages {
    fn default() -> Self {
        Self("eng+spa".into())
    }
}

/// Runs Tesseract on one image (PNG, JPEG, PNM, TIFF — multi-page TIFF
/// gives several pages) and returns one [`PageText`] per image page,
/// numbered from `first_page`.
///
/// # Errors
/// Tesseract is missing, fails, or exceeds its limits.
pub fn recognize(
    image: &[u8],
    languages: &OcrLanguages,
    first_page: u32,
    limits: Limits,
) -> Result<Vec<PageText>, ToolError> {
    // One thread per process: we run one process per core instead, which
    // is several times faster than OpenMP inside one Tesseract.
    let output = tools::run(
        "tesseract",
        &[
            "stdin",
            "stdout",
            "-l",
            languages.as_str(),
            "--psm",
            "3",
            "tsv",
        ],
        &[("OMP_THREAD_LIMIT", "1")],
        image,
        limits,
    )?;
    let tsv = String::from_utf8_lossy(&output.stdout);
    let pages = parse_tsv(&tsv, first_page);
    if pages.is_empty() {
        return Err(ToolError::Failed {
            tool: "tesseract".into(),
            reason: if output.stderr.is_empty() {
                "read no page from the image".into()
            } else {
                output.stderr
            },
        });
    }
    Ok(pages)
}

/// Rebuilds pages from Tesseract's TSV output.
///
/// Columns: level, page_num, block_num, par_num, line_num, word_num, left,
/// top, width, height, conf, text. Level 1 rows are pages (their box is
/// the image size), level 5 rows are words.
pub fn parse_tsv(tsv: &str, first_page: u32) -> Vec<PageText> {
    let mut pages: Vec<PageText> = Vec::new();
    let mut last_line: Option<(u32, u32, u32)> = None;
    let mut last_block_par: Option<(u32, u32)> = None;
    for row in tsv.lines().skip_while(|l| l.starts_with("level")) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 11 {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<u32>().unwrap_or(0);
        match cols[0] {
            "1" => {
                let number = first_page + num(1).saturating_sub(1);
                pages.push(PageText {
                    number,
                    method: TextMethod::Ocr,
                    text: String::new(),
                    confidence: None,
                    bates: None,
                    image_size: Some((num(8), num(9))),
                    words: Vec::new(),
                    problem: None,
                    decision: None,
                });
                last_line = None;
                last_block_par = None;
            }
            "5" => {
                let text = cols.get(11).map_or("", |t| t.trim());
                let Some(page) = pages.last_mut() else {
                    continue;
                };
                if text.is_empty() {
                    continue;
                }
                let block_par = (num(2), num(3));
                let line = (num(2), num(3), num(4));
                if last_line != Some(line) {
                    if !page.text.is_empty() {
                        page.text.push('\n');
                        if last_block_par != Some(block_par) {
                            page.text.push('\n');
                        }
                    }
                } else {
                    page.text.push(' ');
                }
                page.text.push_str(text);
                last_line = Some(line);
                last_block_par = Some(block_par);
                let confidence = cols[10].trim().parse::<f32>().unwrap_or(-1.0);
                page.words.push(WordBox {
                    left: num(6),
                    top: num(7),
                    width: num(8),
                    height: num(9),
                    confidence: confidence.clamp(0.0, 100.0),
                    text: text.to_owned(),
                });
            }
            _ => {}
        }
    }
    for page in &mut pages {
        if !page.words.is_empty() {
            let sum: f32 = page.words.iter().map(|w| w.confidence).sum();
            page.confidence = Some(sum / page.words.len() as f32);
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t
2\t1\t1\t0\t0\t0\t100\t100\t600\t40\t-1\t
5\t1\t1\t1\t1\t1\t100\t100\t80\t32\t96.5\tOffice
5\t1\t1\t1\t1\t2\t190\t100\t30\t32\t93.5\tof
5\t1\t1\t1\t2\t1\t100\t150\t80\t32\t90\tWashington
5\t1\t2\t1\t1\t1\t100\t400\t80\t32\t80\tAugust
1\t2\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t
5\t2\t1\t1\t1\t1\t10\t10\t80\t32\t50\tJosé
";

    #[test]
    fn words_lines_and_blocks_rebuild_the_page_text() {
        let pages = parse_tsv(TSV, 3);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].number, 3);
        assert_eq!(pages[0].text, "Office of\nWashington\n\nAugust");
        assert_eq!(pages[0].image_size, Some((2550, 3300)));
        assert_eq!(pages[0].words.len(), 4);
        assert_eq!(pages[0].words[1].left, 190);
        assert_eq!(pages[0].confidence, Some((96.5 + 93.5 + 90.0 + 80.0) / 4.0));
        assert_eq!(pages[1].number, 4);
        assert_eq!(pages[1].text, "José");
    }

    #[test]
    fn language_lists_are_checked_before_reaching_a_command_line() {
        assert!(OcrLanguages::parse("eng+spa").is_ok());
        assert!(OcrLanguages::parse("eng").is_ok());
        assert!(OcrLanguages::parse("eng; rm -rf /").is_err());
        assert!(OcrLanguages::parse("").is_err());
        assert!(OcrLanguages::parse("eng++spa").is_err());
    }
}
