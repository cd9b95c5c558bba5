//! The document pages' helpers.

use super::page::{byte_of_char, marked_text};
use super::*;

#[test]
fn ids_and_page_numbers_from_urls() {
    assert!(document_id("doc-0123456789abcdef").is_ok());
    for bad in ["", "../etc", "doc 1", "doc%201", &"a".repeat(65), "doc'--"] {
        assert!(document_id(bad).is_err(), "{bad:?}");
    }
    assert_eq!(page_number("1").ok(), Some(1));
    assert_eq!(page_number("40").ok(), Some(40));
    for bad in ["0", "-1", "+1", "01", "1.0", "x", "99999999999"] {
        assert!(page_number(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn matches_and_excerpts_are_marked_escaped() {
    let text = "Él dijo <b>protesta</b> y protesta.";
    let at = text.find("protesta").unwrap();
    let later = text.rfind("protesta").unwrap();
    let m = [(at, at + 8), (later, later + 8)];
    let html = marked_text(text, &m, None).into_string();
    assert_eq!(
        html,
        "Él dijo &lt;b&gt;<mark id=\"match\">protesta</mark>&lt;/b&gt; y <mark>protesta</mark>."
    );
    // An excerpt around the second match, overlapping ranges, ranges
    // past the end or inside a character are drawn once or not at all.
    let ex = (byte_of_char(text, 26), byte_of_char(text, 35));
    let m = [
        (at, at + 8),
        (at + 2, at + 4),
        (later, later + 8),
        (1, 2),
        (90, 99),
    ];
    let html = marked_text(text, &m, Some(ex)).into_string();
    assert!(
        html.ends_with("y <mark class=\"excerpt\" id=\"excerpt\"><mark>protesta</mark>.</mark>"),
        "{html}"
    );
    assert_eq!(html.matches("<mark").count(), 3, "{html}");
    assert_eq!(byte_of_char("aé b", 2), 3);
    assert_eq!(byte_of_char("ab", 5), 2);
}

#[test]
fn sizes_follow_the_language() {
    // Sizes are written by the one formatting module, in decimal units
    // (this page's own 1024-based copy, "430.2 KB", is gone).
    assert_eq!(format::file_size(Lang::En, 812), "812 bytes");
    assert_eq!(format::file_size(Lang::En, 440_551), "440.6 kB");
    assert_eq!(format::file_size(Lang::Es, 440_551), "440,6 kB");
    assert_eq!(format::file_size(Lang::En, 2_495_130), "2.5 MB");
    assert_eq!(format_confidence(Lang::Es, 92.6), "93\u{a0}%");
    assert_eq!(format_confidence(Lang::En, 92.6), "93%");
}

#[test]
fn times_are_shown_as_day_and_utc_time() {
    assert_eq!(
        format_time(Lang::Es, "2025-03-04T05:06:07.123Z"),
        "4 de marzo de 2025 05:06 UTC"
    );
    assert_eq!(
        format_added(Lang::En, "2025-03-04T05:06:07.123Z"),
        "4 March 2025"
    );
    assert_eq!(format_time(Lang::En, "garbage"), "garbage");
}
