//! Bates numbers: the production stamps ("ICE 000123", "JA 017",
//! "DHS-FOIA-000045") that litigants cite pages by.

/// The Bates number stamped on a page, if one is found.
///
/// With `prefix`, the last occurrence of the prefix followed by digits
/// anywhere on the page. Without one, a line near the top or bottom of the
/// page that consists only of an upper-case prefix and a number.
pub fn find(text: &str, prefix: Option<&str>) -> Option<String> {
    match prefix {
        Some(prefix) => with_prefix(text, prefix),
        None => {
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let bottom = lines.iter().rev().take(4);
            let top = lines.iter().take(3);
            bottom.chain(top).find_map(|l| stamp_line(l))
        }
    }
}

fn with_prefix(text: &str, prefix: &str) -> Option<String> {
    let prefix = prefix.trim();
    if prefix.is_empty() {
        return None;
    }
    let mut found = None;
    let mut from = 0;
    while let Some(at) = text[from..].find(prefix) {
        let start = from + at;
        let after = &text[start + prefix.len()..];
        let sep = after
            .chars()
            .take_while(|c| matches!(c, ' ' | '-' | '_'))
            .map(char::len_utf8)
            .sum::<usize>();
        let digits = after[sep..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        let boundary_before = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let boundary_after = after[sep + digits..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if digits >= 3 && sep <= 2 && boundary_before && boundary_after {
            found = Some(text[start..start + prefix.len() + sep + digits].to_owned());
        }
        from = start + prefix.len();
    }
    found
}

fn stamp_line(line: &str) -> Option<String> {
    if line.len() > 40 || line.split_whitespace().count() > 4 {
        return None;
    }
    let digits = line.chars().rev().take_while(char::is_ascii_digit).count();
    if !(3..=10).contains(&digits) {
        return None;
    }
    let prefix = line[..line.len() - digits].trim_end_matches([' ', '-', '_']);
    let upper = prefix.chars().filter(char::is_ascii_uppercase).count();
    let clean = prefix
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '-' | '_'));
    (upper >= 2 && clean && prefix.len() < line.len()).then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_line_at_the_bottom_is_found() {
        let page = "Case 21-1233, Document 32\nThe declaration of ...\nmore text here\n\nJA 017\n";
        assert_eq!(find(page, None).as_deref(), Some("JA 017"));
        assert_eq!(
            find("text\nICE-FOIA-000045", None).as_deref(),
            Some("ICE-FOIA-000045")
        );
        assert_eq!(
            find("DHS 0001234\nbody text", None).as_deref(),
            Some("DHS 0001234")
        );
    }

    #[test]
    fn ordinary_lines_are_not_stamps() {
        assert_eq!(find("No. 21-1233\nbody\nPage 12", None), None);
        assert_eq!(find("August 7, 2025\nSincerely 2025", None), None);
        assert_eq!(find("body\n12", None), None);
    }

    #[test]
    fn a_given_prefix_is_found_anywhere() {
        let page = "Released under FOIA\nsome text 2024-ICLI-00019 000123 more\nend";
        assert_eq!(
            find(page, Some("2024-ICLI-00019")).as_deref(),
            Some("2024-ICLI-00019 000123")
        );
        assert_eq!(find("XICE 000123", Some("ICE")), None);
        assert_eq!(find("ICE 12", Some("ICE")), None);
    }
}
