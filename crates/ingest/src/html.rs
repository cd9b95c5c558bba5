//! HTML to plain text.
//!
//! [`html_to_text`] turns (possibly hostile, malformed) HTML into readable
//! plain text for the page text of an email or a saved web page. The
//! input is read by html5ever's HTML5 tokenizer (all 2,231 named character
//! references, numeric references as browsers decode them, comments,
//! doctypes, raw-text elements); this module only decides what a reader
//! sees. It builds no tree, so time is linear in the input and nesting
//! depth costs nothing.
//!
//! What it does:
//! - drops the content of `<script>`, `<style>`, `<title>` and the rest of
//!   `<head>`, and drops comments, doctypes and processing instructions;
//! - turns block elements into line breaks (paragraph-like ones into a
//!   blank line), `<br>` into a line break, `<li>` into a line starting with
//!   "- ", and separates table cells on a row with " | ";
//! - collapses runs of whitespace inside a line (`<pre>` keeps its line
//!   breaks), keeps at most one blank line in a row, and trims the result.
//!
//! Where HTML5 would silently hide text a reader of the message meant to
//! see, the text is kept instead:
//! - a tag that is never closed (`<` with no `>` before the end) is not a
//!   tag: the rest of the input is kept as text;
//! - a "tag" whose name no element has (`<ana@example.org>`) is text;
//! - an `&` that starts no whole reference stays literal (`&ampere` is not
//!   `&` + `ere`), while a whole legacy name without `;` (`&copy 2024`) is
//!   still decoded.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::data::NAMED_ENTITIES;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Readable plain text from HTML. Never panics; linear time.
pub fn html_to_text(html: &str) -> String {
    let tokenizer = Tokenizer::new(TextSink::new(html.len()), TokenizerOpts::default());
    let queue = BufferQueue::default();
    // Fed in pieces that each start at a `<`, so that the start of a tag
    // the input ends inside is known (the tokenizer reports no offsets).
    for (start, piece) in pieces_at_less_than(html) {
        tokenizer.sink.piece_starts(start);
        queue.push_back(StrTendril::from(keep_ambiguous_ampersands(piece).as_ref()));
        // The sink never asks to pause for a script, so one call is enough.
        let _ = tokenizer.feed(&queue);
    }
    let quiet_since = tokenizer.sink.quiet_since.get();
    let errors = tokenizer.sink.errors.get();
    tokenizer.end();
    let sink = tokenizer.sink;
    // The end inside a tag is a parse error and no token (the end inside a
    // comment or doctype emits it); inside dropped raw text it stays dropped.
    let ended_inside_a_tag = sink.skipping.borrow().is_none()
        && sink.errors.get() > errors
        && sink.quiet_since.get() == quiet_since;
    let mut out = sink.out.into_inner();
    if let (true, Some(start)) = (ended_inside_a_tag, quiet_since) {
        let mut in_head = sink.in_head.get();
        emit_text(&html[start..], &mut out, &mut in_head, sink.pre_depth.get());
    }
    out.finish()
}

/// `html` cut before every `<`, with the offset of each piece.
fn pieces_at_less_than(html: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut starts = html.match_indices('<').map(|(at, _)| at).peekable();
    let first_end = starts.peek().copied().unwrap_or(html.len());
    let first = (first_end > 0).then_some((0, &html[..first_end]));
    let rest = std::iter::from_fn(move || {
        let start = starts.next()?;
        let end = starts.peek().copied().unwrap_or(html.len());
        Some((start, &html[start..end]))
    });
    first.into_iter().chain(rest)
}

/// Escapes each `&` that does not start a whole character reference, so
/// that the tokenizer keeps it literal instead of decoding a legacy prefix
/// (`&ampere` would otherwise read `&ere`). A piece starts at a `<`, and
/// neither `<` nor a piece's end can be inside a reference name.
fn keep_ambiguous_ampersands(text: &str) -> Cow<'_, str> {
    let mut escaped: Option<String> = None;
    let mut copied = 0;
    for (at, _) in text.match_indices('&') {
        let rest = &text[at + 1..];
        let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if name_len == 0 {
            continue;
        }
        let whole = if rest.as_bytes().get(name_len) == Some(&b';') {
            &rest[..=name_len]
        } else {
            &rest[..name_len]
        };
        if is_named_reference(whole) {
            continue;
        }
        let out = escaped.get_or_insert_with(|| String::with_capacity(text.len() + 16));
        out.push_str(&text[copied..=at]);
        out.push_str("amp;");
        copied = at + 1;
    }
    match escaped {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// A whole named character reference (`amp;`, or a legacy `amp`).
fn is_named_reference(name: &str) -> bool {
    // The table also holds every prefix of a name, mapped to 0.
    NAMED_ENTITIES
        .get(name)
        .is_some_and(|&(first, _)| first != 0)
}

/// Receives the tokens and writes the text. The tokenizer hands tokens to
/// a shared reference, hence the cells.
struct TextSink {
    out: RefCell<Writer>,
    in_head: Cell<bool>,
    pre_depth: Cell<u32>,
    /// The raw-text element whose content is being dropped.
    skipping: RefCell<Option<String>>,
    /// The start of the first piece fed since the last token that is not a
    /// parse error: where an unfinished tag at the end must have begun.
    quiet_since: Cell<Option<usize>>,
    errors: Cell<u64>,
}

impl TextSink {
    fn new(input_len: usize) -> Self {
        TextSink {
            out: RefCell::new(Writer::with_capacity(input_len / 2)),
            in_head: Cell::new(false),
            pre_depth: Cell::new(0),
            skipping: RefCell::new(None),
            quiet_since: Cell::new(None),
            errors: Cell::new(0),
        }
    }

    fn piece_starts(&self, at: usize) {
        if self.quiet_since.get().is_none() {
            self.quiet_since.set(Some(at));
        }
    }

    fn text(&self, text: &str) {
        let mut in_head = self.in_head.get();
        emit_text(
            text,
            &mut self.out.borrow_mut(),
            &mut in_head,
            self.pre_depth.get(),
        );
        self.in_head.set(in_head);
    }

    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let closing = tag.kind == TagKind::EndTag;
        let name: &str = &tag.name;
        if self.skipping.borrow().is_some() {
            // In raw text the tokenizer only reports the element's own end.
            *self.skipping.borrow_mut() = None;
            return TokenSinkResult::Continue;
        }
        if !is_element_name(name) {
            self.text(&tag_as_text(tag));
            return TokenSinkResult::Continue;
        }
        if let (false, Some(kind)) = (closing, dropped_raw_text(name)) {
            *self.skipping.borrow_mut() = Some(name.to_owned());
            return TokenSinkResult::RawData(kind);
        }
        let mut in_head = self.in_head.get();
        let mut pre_depth = self.pre_depth.get();
        handle_tag(
            name,
            closing,
            &mut self.out.borrow_mut(),
            &mut in_head,
            &mut pre_depth,
        );
        self.in_head.set(in_head);
        self.pre_depth.set(pre_depth);
        TokenSinkResult::Continue
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::ParseError(_) => {
                self.errors.set(self.errors.get() + 1);
                return TokenSinkResult::Continue;
            }
            Token::EOFToken => return TokenSinkResult::Continue,
            _ => self.quiet_since.set(None),
        }
        match token {
            Token::TagToken(tag) => self.tag(&tag),
            Token::CharacterTokens(text) => {
                if self.skipping.borrow().is_none() {
                    self.text(&text);
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Element names: ASCII letters, digits, `-`, `:` and `_`. Anything else
/// (`<ana@example.org>`, `<www.example.org>`) is text, as a reader of the
/// message would expect.
fn is_element_name(name: &str) -> bool {
    name.bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
}

/// A "tag" that is text, written back as it was read (lowercased).
fn tag_as_text(tag: &Tag) -> String {
    let mut text = String::from(if tag.kind == TagKind::EndTag {
        "</"
    } else {
        "<"
    });
    text.push_str(&tag.name);
    for attribute in &tag.attrs {
        text.push(' ');
        text.push_str(&attribute.name.local);
        if !attribute.value.is_empty() {
            text.push_str("=\"");
            text.push_str(&attribute.value);
            text.push('"');
        }
    }
    text.push_str(if tag.self_closing { "/>" } else { ">" });
    text
}

/// Elements whose content is never text for a reader, and how the
/// tokenizer must read that content to find their end.
fn dropped_raw_text(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "title" => Some(RawKind::Rcdata),
        "style" | "noembed" | "noframes" | "iframe" | "template" | "xml" => Some(RawKind::Rawtext),
        _ => None,
    }
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

/// Text between tags (references already decoded): whitespace collapsed.
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
    for c in text.chars() {
        out.text_char(c, pre);
    }
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

    #[test]
    fn every_named_reference_of_html5_is_decoded() {
        assert_eq!(html_to_text("&Aring;ngstr&ouml;m"), "Ångström");
        assert_eq!(html_to_text("p&aacute;gina 1 &rsaquo; 2"), "página 1 › 2");
        assert_eq!(
            html_to_text("a &NotEqualTilde; b"),
            "a \u{2242}\u{0338} b",
            "two code points"
        );
        assert_eq!(html_to_text("&#x1F600; &#128512;"), "😀 😀");
        assert_eq!(html_to_text("&euro;5 &check; &rarr; &Uuml;"), "€5 ✓ → Ü");
        // Legacy names still work without their semicolon, whole.
        assert_eq!(html_to_text("&Aring &ntilde"), "Å ñ");
    }

    #[test]
    fn deep_nesting_and_unclosed_formatting_cost_nothing() {
        let n = 100_000;
        let html = format!("{}texto{}", "<b><i><div>".repeat(n), "</div>".repeat(n));
        assert_eq!(html_to_text(&html), "texto");
    }

    #[test]
    fn textarea_text_is_kept_but_template_content_is_not() {
        assert_eq!(
            html_to_text("<textarea>a &lt;b&gt;</textarea><template><p>no</p></template>sí"),
            "a <b>sí"
        );
    }

    #[test]
    fn random_markup_soup_gives_clean_text() {
        use testimonio_domain::seeded::SeededRng;
        const PIECES: &[&str] = &[
            "<", ">", "</", "/>", "&", "&amp", ";", "&#x", "1F600", "&#", "65", "p", "li", "br",
            "div", "pre", "script", "style", "head", "title", "td", "<!--", "-->", "<!", "?", "'",
            "\"", "=", " ", "\n", "\t", "\r", "\0", "é", "x", "@", ".", "copy", "Aring",
        ];
        let mut rng = SeededRng::new(12);
        for _ in 0..3_000 {
            let len = rng.between(1, 40);
            let html: String = (0..len).map(|_| *rng.pick(PIECES)).collect();
            let text = html_to_text(&html);
            assert_eq!(text, text.trim(), "{html:?} gave {text:?}");
            assert!(!text.contains("\n\n\n"), "{html:?} gave {text:?}");
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{html:?} gave {text:?}"
            );
        }
    }
}
