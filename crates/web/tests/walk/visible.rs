//! The text of a page that a person sees or hears: text nodes, the
//! `<title>`, and the attributes read aloud or shown (`aria-label`,
//! `title`, `placeholder`, `alt`, a button's `value`). Content inside an
//! element marked `translate="no"` (user data: names, ids, codes) is left
//! out, as are `<script>` and `<style>`.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use testimonio_i18n::{PSEUDO_CLOSE, PSEUDO_OPEN};

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Attributes a person sees or hears.
const SHOWN_ATTRIBUTES: &[&str] = &["aria-label", "title", "placeholder", "alt"];

#[derive(Default)]
struct Sink {
    pieces: RefCell<Vec<String>>,
    /// The text run since the last tag (the tokenizer splits runs at
    /// character references).
    run: RefCell<String>,
    /// Open elements, each with whether it starts a `translate="no"` span.
    open: RefCell<Vec<(String, bool)>>,
    /// How many open elements say `translate="no"`.
    untranslated: Cell<usize>,
    /// Inside `<script>` or `<style>`.
    hidden: Cell<usize>,
}

impl Sink {
    fn flush(&self) {
        let run = std::mem::take(&mut *self.run.borrow_mut());
        if !run.is_empty() {
            self.pieces.borrow_mut().push(run);
        }
    }

    fn tag(&self, tag: &Tag) {
        self.flush();
        let name = tag.name.to_string();
        match tag.kind {
            TagKind::StartTag => {
                let attr = |wanted: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == wanted)
                        .map(|a| a.value.to_string())
                };
                let no = attr("translate").is_some_and(|v| v.eq_ignore_ascii_case("no"));
                if self.untranslated.get() == 0 && !no {
                    for wanted in SHOWN_ATTRIBUTES {
                        if let Some(value) = attr(wanted) {
                            self.pieces.borrow_mut().push(value);
                        }
                    }
                    let is_button = name == "input"
                        && attr("type").is_some_and(|t| t == "submit" || t == "button");
                    if let (true, Some(value)) = (is_button, attr("value")) {
                        self.pieces.borrow_mut().push(value);
                    }
                }
                if VOID.contains(&name.as_str()) || tag.self_closing {
                    return;
                }
                if no {
                    self.untranslated.set(self.untranslated.get() + 1);
                }
                if name == "script" || name == "style" {
                    self.hidden.set(self.hidden.get() + 1);
                }
                self.open.borrow_mut().push((name, no));
            }
            TagKind::EndTag => {
                let mut open = self.open.borrow_mut();
                // Close up to the matching element (maud's markup is well
                // formed; this only guards against a stray end tag).
                let Some(at) = open.iter().rposition(|(n, _)| *n == name) else {
                    return;
                };
                for (closed, no) in open.drain(at..) {
                    if no {
                        self.untranslated.set(self.untranslated.get() - 1);
                    }
                    if closed == "script" || closed == "style" {
                        self.hidden.set(self.hidden.get() - 1);
                    }
                }
            }
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => self.tag(&tag),
            Token::CharacterTokens(text)
                if self.untranslated.get() == 0 && self.hidden.get() == 0 =>
            {
                self.run.borrow_mut().push_str(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The pieces of visible text of `html`, in document order.
pub fn visible_text(html: &str) -> Vec<String> {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.flush();
    tokenizer.sink.pieces.into_inner()
}

/// `text` without its pseudo-locale marked spans (nested marks included).
pub fn outside_marks(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            PSEUDO_OPEN => depth += 1,
            PSEUDO_CLOSE => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The visible words of `html` that did not come from the catalog: any
/// piece that still holds a letter once the marked spans are removed,
/// unless it is one of `data` (texts that are records' data, shown as
/// stored, such as the vocabulary's labels).
pub fn unmarked(html: &str, data: &[&str]) -> Vec<String> {
    // A message may hold markup (`⟦<data>12</data> de 40⟧`): its marks open
    // in one piece and close in another, so they are balanced across the
    // page's pieces, joined by a separator no page holds.
    const SEPARATOR: char = '\u{1}';
    let joined = visible_text(html).join(&SEPARATOR.to_string());
    outside_marks(&joined)
        .split(SEPARATOR)
        .map(|rest| rest.trim().to_owned())
        .filter(|rest| rest.chars().any(char::is_alphabetic))
        .filter(|rest| !data.contains(&rest.as_str()))
        .collect()
}

#[test]
fn finds_text_outside_the_marks() {
    let html = "<html><head><title>⟦Inicio⟧</title></head><body>\
        <p>⟦Hola ⟦Ana &amp; Bea⟧⟧ · </p><p title=\"Help\">Hello</p>\
        <td translate=\"no\"><b>p-1</b> user:ana</td><input type=\"submit\" value=\"Send\">\
        <input type=\"hidden\" value=\"token\"><img alt=\"⟦ok⟧\"><span>Queja</span></body></html>";
    assert_eq!(unmarked(html, &["Queja"]), ["Help", "Hello", "Send"]);
    // Marks that span markup hold what is between them.
    let html = "<p>⟦<data>12</data> de <b>40</b> pares⟧ <i>suelto</i></p>";
    assert_eq!(unmarked(html, &[]), ["suelto"]);
}
