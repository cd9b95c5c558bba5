//! HTML to plain text.
//!
//! [`html_to_text`] turns (possibly hostile, malformed) HTML into readable
//! plain text for the page text of an email or a saved web page. It is a
//! single forward pass over the input with no recursion and no regular
//! expressions: every byte is looked at a bounded number of times, so the
//! time is linear in the input and the stack does not grow with nesting.
//!
//! What it does:
//! - drops the content of `<script>`, `<style>`, `<title>` and the rest of
//!   `<head>`, and drops comments, doctypes and processing instructions;
//! - turns block elements into line breaks (paragraph-like ones into a
//!   blank line), `<br>` into a line break, `<li>` into a line starting with
//!   "- ", and separates table cells on a row with " | ";
//! - decodes named character references (the common ones), and decimal and
//!   hexadecimal numeric references (invalid code points become U+FFFD);
//! - collapses runs of whitespace inside a line (`<pre>` keeps its line
//!   breaks), keeps at most one blank line in a row, and trims the result.
//!
//! A tag that is never closed (`<` with no `>` before the end) is not a tag:
//! the rest of the input is kept as text, so nothing is silently hidden.

/// Readable plain text from HTML. Never panics; linear time.
pub fn html_to_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = Writer::with_capacity(html.len() / 2);
    let mut in_head = false;
    let mut pre_depth: u32 = 0;
    let mut text_start = 0;
    let mut i = 0;

    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(markup) = scan_markup(bytes, i) else {
            // A lone `<` (followed by a space, a digit, …): plain text.
            i += 1;
            continue;
        };
        // The text before the markup.
        emit_text(&html[text_start..i], &mut out, &mut in_head, pre_depth);
        match markup {
            Markup::Unterminated => {
                // No `>` before the end: keep the rest as text, parse no more.
                emit_text(&html[i..], &mut out, &mut in_head, pre_depth);
                return out.finish();
            }
            Markup::Skip { end } => {
                i = end;
            }
            Markup::Tag { name, closing, end } => {
                i = end;
                let name = name.as_str();
                if !closing && is_raw_text_element(name) {
                    // Skip to the matching end tag (or the end of the input).
                    i = find_end_tag(bytes, i, name);
                } else {
                    handle_tag(name, closing, &mut out, &mut in_head, &mut pre_depth);
                }
            }
        }
        text_start = i;
    }
    emit_text(&html[text_start..], &mut out, &mut in_head, pre_depth);
    out.finish()
}

/// How the text is written: whitespace is collapsed lazily, so that breaks
/// and spaces are only written when real text follows them.
struct Writer {
    out: String,
    /// Line breaks wanted before the next text (0, 1 or 2).
    pending_newlines: u8,
    /// A space wanted before the next text.
    pending_space: bool,
}

impl Writer {
    fn with_capacity(capacity: usize) -> Self {
        Writer {
            out: String::with_capacity(capacity),
            pending_newlines: 0,
            pending_space: false,
        }
    }

    fn at_line_start(&self) -> bool {
        self.pending_newlines > 0 || self.out.is_empty() || self.out.ends_with('\n')
    }

    /// Writes whatever break or space is pending.
    fn flush(&mut self) {
        if self.pending_newlines > 0 {
            if !self.out.is_empty() {
                self.trim_trailing_spaces();
                for _ in 0..self.pending_newlines.min(2) {
                    self.out.push('\n');
                }
            }
            self.pending_newlines = 0;
            self.pending_space = false;
        } else if self.pending_space {
            if !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
                self.out.push(' ');
            }
            self.pending_space = false;
        }
    }

    fn trim_trailing_spaces(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
    }

    fn text_char(&mut self, c: char, pre: bool) {
        if c.is_whitespace() {
            if pre && c == '\n' {
                self.hard_break();
            } else {
                self.pending_space = true;
            }
            return;
        }
        if c.is_control() || is_invisible(c) {
            return;
        }
        self.flush();
        self.out.push(c);
    }

    /// Literal markup text (a list bullet, a cell separator).
    fn literal(&mut self, s: &str) {
        self.flush();
        self.out.push_str(s);
    }

    /// At least a line break before the next text.
    fn line_break(&mut self) {
        self.pending_newlines = self.pending_newlines.max(1);
    }

    /// A blank line before the next text.
    fn paragraph_break(&mut self) {
        self.pending_newlines = 2;
    }

    /// One more line break (`<br>`), up to one blank line.
    fn hard_break(&mut self) {
        self.pending_newlines = (self.pending_newlines + 1).min(2);
    }

    fn finish(mut self) -> String {
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.out
    }
}

/// Zero-width and formatting characters that only get in the way of search.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// Text between tags: entities decoded, whitespace collapsed.
fn emit_text(text: &str, out: &mut Writer, in_head: &mut bool, pre_depth: u32) {
    if text.is_empty() {
        return;
    }
    if *in_head {
        if text.chars().all(char::is_whitespace) {
            return;
        }
        // Text cannot be in <head>: browsers end the head here, so do we.
        *in_head = false;
    }
    let pre = pre_depth > 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut run_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'&' {
            i += 1;
            continue;
        }
        if let Some((decoded, len)) = decode_entity(&text[i..]) {
            for c in text[run_start..i].chars() {
                out.text_char(c, pre);
            }
            for c in decoded.chars() {
                out.text_char(c, pre);
            }
            i += len;
            run_start = i;
        } else {
            i += 1;
        }
    }
    for c in text[run_start..].chars() {
        out.text_char(c, pre);
    }
}

/// Elements whose content is never text for a reader.
fn is_raw_text_element(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "title" | "noembed" | "noframes" | "iframe" | "template" | "xml"
    )
}

/// Elements that may stay inside `<head>` without ending it.
fn is_head_element(name: &str) -> bool {
    matches!(
        name,
        "meta"
            | "link"
            | "base"
            | "basefont"
            | "bgsound"
            | "style"
            | "script"
            | "title"
            | "noscript"
            | "template"
            | "html"
            | "head"
            | "o:p"
    )
}

fn handle_tag(name: &str, closing: bool, out: &mut Writer, in_head: &mut bool, pre: &mut u32) {
    match name {
        "head" => {
            *in_head = !closing;
            return;
        }
        "body" => {
            *in_head = false;
            return;
        }
        _ => {}
    }
    if *in_head {
        if closing || is_head_element(name) {
            return;
        }
        *in_head = false;
    }
    match name {
        "br" => out.hard_break(),
        "li" => {
            out.line_break();
            if !closing {
                out.literal("-");
                out.pending_space = true;
            }
        }
        "td" | "th" if !closing && !out.at_line_start() => {
            out.pending_space = false;
            out.literal(" |");
            out.pending_space = true;
        }
        "pre" | "listing" | "plaintext" | "xmp" => {
            *pre = if closing {
                pre.saturating_sub(1)
            } else {
                pre.saturating_add(1)
            };
            out.paragraph_break();
        }
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table" | "ul" | "ol"
        | "dl" | "hr" | "menu" => out.paragraph_break(),
        "div" | "tr" | "dt" | "dd" | "section" | "article" | "header" | "footer" | "address"
        | "form" | "fieldset" | "legend" | "figure" | "figcaption" | "caption" | "nav"
        | "aside" | "main" | "center" | "details" | "summary" | "tbody" | "thead" | "tfoot"
        | "option" | "html" | "frame" => out.line_break(),
        _ => {}
    }
}

/// What starts at a `<`.
enum Markup {
    /// A start or end tag; `end` is just past its `>`.
    Tag {
        name: TagName,
        closing: bool,
        end: usize,
    },
    /// A comment, doctype or processing instruction; `end` is past it.
    Skip { end: usize },
    /// Looks like a tag but has no `>` before the end of the input.
    Unterminated,
}

/// A lowercased tag name, kept short (longer names never match anything).
struct TagName {
    buf: [u8; 16],
    len: usize,
}

impl TagName {
    fn as_str(&self) -> &str {
        // Only ASCII bytes are stored, so this cannot fail.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Reads the markup starting at `bytes[start] == b'<'`, or `None` when the
/// `<` is just text.
fn scan_markup(bytes: &[u8], start: usize) -> Option<Markup> {
    let mut i = start + 1;
    match bytes.get(i) {
        Some(b'!') => {
            if bytes[i..].starts_with(b"!--") {
                // A comment ends at `-->`; an unclosed one runs to the end
                // (as in browsers).
                let body = i + 3;
                let end = find(bytes, body, b"-->").map_or(bytes.len(), |p| p + 3);
                return Some(Markup::Skip { end });
            }
            // <!DOCTYPE …>, <![CDATA[…]]>, <![if …]>: skip to `>`.
            return Some(skip_to_gt(bytes, i));
        }
        Some(b'?') => return Some(skip_to_gt(bytes, i)),
        Some(b'/') => {
            i += 1;
            match bytes.get(i) {
                Some(c) if c.is_ascii_alphabetic() => {}
                Some(b'>') => return Some(Markup::Skip { end: i + 1 }),
                Some(_) => return Some(skip_to_gt(bytes, i)),
                None => return None,
            }
            let (name, end) = scan_tag(bytes, i)?;
            return Some(match end {
                Some(end) => Markup::Tag {
                    name,
                    closing: true,
                    end,
                },
                None => Markup::Unterminated,
            });
        }
        Some(c) if c.is_ascii_alphabetic() => {}
        _ => return None,
    }
    let (name, end) = scan_tag(bytes, i)?;
    Some(match end {
        Some(end) => Markup::Tag {
            name,
            closing: false,
            end,
        },
        None => Markup::Unterminated,
    })
}

fn skip_to_gt(bytes: &[u8], from: usize) -> Markup {
    match bytes[from..].iter().position(|&b| b == b'>') {
        Some(p) => Markup::Skip { end: from + p + 1 },
        None => Markup::Unterminated,
    }
}

/// Reads a tag name at `bytes[i]` (a letter) and the attributes after it.
/// Returns the name and the position past the closing `>` (`None` when
/// the input ends first), or `None` when the name has characters no
/// element name has.
fn scan_tag(bytes: &[u8], mut i: usize) -> Option<(TagName, Option<usize>)> {
    let mut name = TagName {
        buf: [0; 16],
        len: 0,
    };
    let mut too_long = false;
    while let Some(&c) = bytes.get(i) {
        if c.is_ascii_whitespace() || matches!(c, b'/' | b'>' | b'<') {
            break;
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')) {
            // Not an element name (`<ana@example.org>`, `<www.example.org>`):
            // the `<` is text, as a reader of the message would expect.
            return None;
        }
        if name.len < name.buf.len() {
            name.buf[name.len] = c.to_ascii_lowercase();
            name.len += 1;
        } else {
            too_long = true;
        }
        i += 1;
    }
    if too_long {
        name.len = 0;
    }
    // Attributes: a quote only opens a value right after `=`.
    let mut after_equals = false;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'>' => return Some((name, Some(i + 1))),
            b'=' => after_equals = true,
            b'"' | b'\'' if after_equals => {
                match bytes[i + 1..].iter().position(|&b| b == c) {
                    Some(p) => i += p + 1,
                    None => return Some((name, None)),
                }
                after_equals = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    Some((name, None))
}

/// Position of the `<` of the end tag `</name` (case-insensitive) at or
/// after `from`, or the end of the input.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> usize {
    let name = name.as_bytes();
    let mut i = from;
    while let Some(p) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + p;
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && matches!(
                rest.get(name.len() + 1),
                None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
            )
        {
            return lt;
        }
        i = lt + 1;
    }
    bytes.len()
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    // `windows` is linear here because the needle is a few bytes long.
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`). Returns the text and the number of bytes used, or `None` when it
/// is not a reference (the `&` is then kept as text).
fn decode_entity(s: &str) -> Option<(CharOrStr, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        return decode_numeric(bytes);
    }
    let name_len = bytes[1..]
        .iter()
        .take(33)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > 32 {
        return None;
    }
    let name = &s[1..1 + name_len];
    if bytes.get(1 + name_len) == Some(&b';') {
        return named_entity(name).map(|c| (c, name_len + 2));
    }
    // A few references are still recognised without their `;` (as browsers
    // do), but only when no letter or digit follows.
    match name {
        "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg" => {
            named_entity(name).map(|c| (c, name_len + 1))
        }
        _ => None,
    }
}

fn decode_numeric(bytes: &[u8]) -> Option<(CharOrStr, usize)> {
    let (radix, digits_start) = match bytes.get(2) {
        Some(b'x' | b'X') => (16, 3),
        _ => (10, 2),
    };
    let mut value: u32 = 0;
    let mut i = digits_start;
    while let Some(d) = bytes.get(i).and_then(|&b| (b as char).to_digit(radix)) {
        // Saturate well above the largest code point.
        value = value
            .saturating_mul(radix)
            .saturating_add(d)
            .min(0x0100_0000);
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    if bytes.get(i) == Some(&b';') {
        i += 1;
    }
    Some((CharOrStr::Char(numeric_char(value)), i))
}

/// The character for a numeric reference, as browsers map it.
fn numeric_char(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        // Windows-1252 code points sent as if they were Unicode.
        const CP1252: [char; 32] = [
            '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
            '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
            '\u{9D}', 'ž', 'Ÿ',
        ];
        return CP1252[(value - 0x80) as usize];
    }
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// A decoded reference: one character or a short string.
enum CharOrStr {
    Char(char),
    Str(&'static str),
}

impl CharOrStr {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let (one, many) = match self {
            CharOrStr::Char(c) => (Some(*c), ""),
            CharOrStr::Str(s) => (None, *s),
        };
        one.into_iter().chain(many.chars())
    }
}

/// The named character references we know (case-sensitive, as in HTML).
fn named_entity(name: &str) -> Option<CharOrStr> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        // Invisible: dropped by the writer.
        "shy" => '\u{AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        // Latin-1 punctuation and symbols.
        "iexcl" => '¡',
        "cent" => '¢',
        "pound" => '£',
        "curren" => '¤',
        "yen" => '¥',
        "brvbar" => '¦',
        "sect" => '§',
        "uml" => '¨',
        "copy" | "COPY" => '©',
        "ordf" => 'ª',
        "laquo" => '«',
        "not" => '¬',
        "reg" | "REG" => '®',
        "macr" => '¯',
        "deg" => '°',
        "plusmn" => '±',
        "sup2" => '²',
        "sup3" => '³',
        "acute" => '´',
        "micro" => 'µ',
        "para" => '¶',
        "middot" => '·',
        "cedil" => '¸',
        "sup1" => '¹',
        "ordm" => 'º',
        "raquo" => '»',
        "frac14" => '¼',
        "frac12" => '½',
        "frac34" => '¾',
        "iquest" => '¿',
        "times" => '×',
        "divide" => '÷',
        // Latin-1 letters.
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Yuml" => 'Ÿ',
        "fnof" => 'ƒ',
        "circ" => 'ˆ',
        "tilde" => '˜',
        // General punctuation and symbols.
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "dagger" => '†',
        "Dagger" => '‡',
        "bull" => '•',
        "hellip" => '…',
        "permil" => '‰',
        "prime" => '′',
        "Prime" => '″',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "oline" => '‾',
        "euro" => '€',
        "trade" | "TRADE" => '™',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "minus" => '−',
        "check" => '✓',
        "star" => '☆',
        "hearts" => '♥',
        _ => {
            return match name {
                "NewLine" => Some(CharOrStr::Str("\n")),
                "Tab" => Some(CharOrStr::Str("\t")),
                _ => None,
            };
        }
    };
    Some(CharOrStr::Char(c))
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn spanish_accents_from_entities_and_literal_text() {
        let html = "<p>Se&ntilde;or P&eacute;rez: &iexcl;Atenci&oacute;n!</p>\
                    <p>¿Dónde está la oficina de ICE?</p>\
                    <p>&Ntilde;and&uacute; &aacute;&iacute;&uuml; &iquest;Qu&eacute;?</p>";
        assert_eq!(
            html_to_text(html),
            "Señor Pérez: ¡Atención!\n\n¿Dónde está la oficina de ICE?\n\nÑandú áíü ¿Qué?"
        );
    }

    #[test]
    fn nested_tags_keep_only_their_text() {
        let html = "<html><body><div><div><p><b>Hola <i>mundo</i></b>, \
                    <a href=\"https://example.org/?a=1&amp;b=2\">enlace</a></p></div></div></body></html>";
        assert_eq!(html_to_text(html), "Hola mundo, enlace");
    }

    #[test]
    fn unclosed_elements_still_break_lines() {
        assert_eq!(
            html_to_text("<p>uno<p>dos<ul><li>tres<li>cuatro</ul>cinco"),
            "uno\n\ndos\n\n- tres\n- cuatro\n\ncinco"
        );
        assert_eq!(html_to_text("<b>bold <i>never closed"), "bold never closed");
    }

    #[test]
    fn a_tag_without_its_closing_bracket_is_kept_as_text() {
        assert_eq!(html_to_text("antes <b sin cierre"), "antes <b sin cierre");
        assert_eq!(
            html_to_text("ok <a href=\"never closed>text"),
            "ok <a href=\"never closed>text"
        );
    }

    #[test]
    fn less_than_in_text() {
        assert_eq!(html_to_text("5 < 6 &amp; x<3 &lt;b&gt;"), "5 < 6 & x<3 <b>");
        assert_eq!(html_to_text("a <= b"), "a <= b");
        assert_eq!(html_to_text("<"), "<");
        assert_eq!(html_to_text("</"), "</");
        assert_eq!(html_to_text("a</>b"), "ab");
    }

    #[test]
    fn addresses_in_angle_brackets_are_text() {
        assert_eq!(
            html_to_text("<p>Ana Ruiz <ana@example.org> escribió:</p>"),
            "Ana Ruiz <ana@example.org> escribió:"
        );
        assert_eq!(
            html_to_text("ver <www.example.org> y <o:p>x</o:p>"),
            "ver <www.example.org> y x"
        );
    }

    #[test]
    fn script_style_head_and_comments_never_appear() {
        let html = "<!DOCTYPE html><html><head><title>Secret title</title>\
            <style>p { color: red }</style><meta charset=utf-8>\
            <script>var x = '<p>not text</p>'; if (a < b) {}</script></head>\
            <body><p>Visible</p><!-- hidden comment <p>x</p> -->\
            <SCRIPT type=\"text/javascript\">alert('XSS')</ScRiPt >after \
            <script>document.write('</scripty>')</script>\
            <style/>.a{}</style>end</body></html>";
        let text = html_to_text(html);
        assert_eq!(text, "Visible\n\nafter end");
        for hidden in [
            "Secret", "color", "not text", "alert", "hidden", "scripty", ".a",
        ] {
            assert!(!text.contains(hidden), "{hidden:?} leaked into {text:?}");
        }
        // An unclosed script hides the rest, never shows it.
        assert_eq!(html_to_text("ok<script>evil()"), "ok");
        // An unclosed comment hides the rest (as in browsers).
        assert_eq!(html_to_text("a<!-- never closed <b>x</b>"), "a");
    }

    #[test]
    fn head_without_end_tag_ends_at_body_content() {
        assert_eq!(
            html_to_text("<head><meta x=y><p>Texto del cuerpo</p>"),
            "Texto del cuerpo"
        );
        assert_eq!(html_to_text("<head>\n  texto suelto"), "texto suelto");
    }

    #[test]
    fn entity_edge_cases() {
        assert_eq!(html_to_text("&#233;&#xE9;&#XE9;&#x41;&#65"), "éééAA");
        assert_eq!(
            html_to_text("&#0;|&#xD800;|&#x110000;"),
            "\u{FFFD}|\u{FFFD}|\u{FFFD}"
        );
        assert_eq!(
            html_to_text("&#99999999999999999999999999;"),
            "\u{FFFD}",
            "overflow must not wrap around"
        );
        assert_eq!(html_to_text("&#150; &#147;x&#148;"), "– “x”");
        assert_eq!(html_to_text("&#; &#x; &#xZ;"), "&#; &#x; &#xZ;");
        assert_eq!(
            html_to_text("&unknown; &amp &copy 2024"),
            "&unknown; & © 2024"
        );
        assert_eq!(html_to_text("AT&T &ampere"), "AT&T &ampere");
        assert_eq!(html_to_text("&amp;lt;"), "&lt;");
        assert_eq!(html_to_text("a&nbsp;&nbsp;&nbsp;b"), "a b");
        assert_eq!(
            html_to_text("&ndash;&mdash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;"),
            "–—…‘’“”"
        );
        assert_eq!(html_to_text("&copy;&reg;&quot;&apos;"), "©®\"'");
        assert_eq!(html_to_text("in&shy;vi&zwnj;sible"), "invisible");
        assert_eq!(html_to_text("&"), "&");
        assert_eq!(
            html_to_text(&format!("&{};", "a".repeat(100))),
            format!("&{};", "a".repeat(100))
        );
    }

    #[test]
    fn tables_lists_and_breaks() {
        let html = "<table><tr><th>Nombre</th><th>Fecha</th></tr>\
                    <tr><td>Ana</td><td>2024-05-01</td></tr>\
                    <tr><td></td><td>sin nombre</td></tr></table>";
        assert_eq!(
            html_to_text(html),
            "Nombre | Fecha\nAna | 2024-05-01\nsin nombre"
        );
        assert_eq!(
            html_to_text("uno<br>dos<br/><br />tres"),
            "uno\ndos\n\ntres"
        );
        assert_eq!(
            html_to_text("<div>línea 1</div><div><br></div><div>línea 2</div>"),
            "línea 1\n\nlínea 2"
        );
        assert_eq!(
            html_to_text("<h1>Título</h1>Texto<blockquote>cita</blockquote>"),
            "Título\n\nTexto\n\ncita"
        );
    }

    #[test]
    fn whitespace_is_collapsed_and_blank_lines_limited() {
        let html = "  <p>  a \t\n  b  </p>\n\n<p></p><p></p><br><br><br><br>  c  ";
        assert_eq!(html_to_text(html), "a b\n\nc");
        assert_eq!(
            html_to_text("<pre>l1\n  l2\n\n\n\nl3</pre>"),
            "l1\nl2\n\nl3"
        );
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("   \n\t "), "");
    }

    #[test]
    fn attributes_may_contain_angle_brackets_and_quotes() {
        assert_eq!(html_to_text("<a title=\"x > y\" b='<p>'>link</a>"), "link");
        assert_eq!(html_to_text("<img alt=don't src=x>text"), "text");
    }

    #[test]
    fn hostile_inputs_are_fast_and_do_not_overflow() {
        let n = 200_000;
        let cases = [
            "<div>".repeat(n),
            "<".repeat(n),
            "<a '".repeat(n),
            "<a<".repeat(n),
            "<a@".repeat(n),
            "<a b='".repeat(n),
            "<!--".repeat(n),
            "&#".repeat(n),
            "&".repeat(n),
            "<script>".repeat(n),
            "</scrip".repeat(n),
            "<li>".repeat(n),
            format!("<p>{}", "x ".repeat(n)),
        ];
        let started = std::time::Instant::now();
        for case in &cases {
            let _ = html_to_text(case);
        }
        // Linear: a few MB of input takes milliseconds; quadratic would take minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert_eq!(html_to_text(&"<div>".repeat(n)), "");
        assert_eq!(html_to_text(&"<li>".repeat(3)), "-\n-\n-");
    }
}
