//! The query language, parsed into a tree.
//!
//! ```text
//! instigator                     a word in any of its forms (case and accents
//!                                ignored; instigators, instigadora: instigadoras)
//! "hunger strike"                a phrase (its words in any of their forms)
//! "protest leader"~5             the words within 5 positions of each other
//! clout NEAR/5 protest           the same, in either order (also CERCA/5)
//! inst*                          words starting with "inst"
//! Dermody~1  Dermody~2           words within 1 or 2 edits (OCR errors, spellings)
//! surveillance AND (protest OR vigil) NOT training
//! huelga Y (protesta O vigilia) NO entrenamiento    the same operators in Spanish
//! -training                      NOT training
//! exact:"José Peña"              case and accents as written, no other forms
//! kind:page|event  source:foia_production  foia:ID  doc:ID
//! date:2017..2019  date:2018-03  date:..2019-06-30
//! person:ID  group:ID  lang:eng|spa
//! ```
//! Words side by side must all match (AND). AND binds tighter than OR.
//! Operators are in capitals, English or Spanish alike (`AND` `Y`, `OR`
//! `O`, `NOT` `NO`, `NEAR/N` `CERCA/N`); in lower case they are words.
//! Word forms come from stemming ([`crate::stemming`]), in the compiler
//! and the highlighter: the tree holds the words as typed.
//! A malformed query is an error with its position and reason, in both
//! languages.
//!
//! Every query is bounded, because the tree is walked recursively here, by
//! the compiler and by tantivy's scorers, and a query can come from anyone
//! with an account (or from a watchlist saved long ago): at most
//! [`MAX_DEPTH`] levels of AND, OR and NOT once simplified (`NOT NOT a` is
//! `a`; a group inside a group of the same kind is one group), at most
//! [`MAX_TERMS`] words, phrases and filters, and, as written, at most
//! [`MAX_NESTING`] parentheses and negations open at once — which bounds
//! the parser's own recursion. Real queries stay far below all three.

use chrono::NaiveDate;
use testimonio_domain::Lang;
use testimonio_i18n::tr;

/// Most levels of AND, OR and NOT from the root of a simplified query to
/// any of its words: tantivy builds one nested boolean query per level and
/// recurses through them for every index segment.
pub const MAX_DEPTH: usize = 32;

/// Most words, phrases and filters in one query (a NEAR counts its two
/// sides).
pub const MAX_TERMS: usize = 256;

/// Most parentheses and negations (NOT, `-`) open at once as written,
/// before simplification: the bound on the parser's own recursion. Twice
/// [`MAX_DEPTH`], so that double negations and redundant parentheses that
/// simplify away are not refused.
pub const MAX_NESTING: usize = 2 * MAX_DEPTH;

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Text(TextQuery),
    Filter(Filter),
}

/// Something to find in the text.
#[derive(Debug, Clone, PartialEq)]
pub enum TextQuery {
    Word {
        text: String,
        prefix: bool,
        fuzzy: Option<u8>,
        exact: bool,
    },
    Phrase {
        text: String,
        slop: u32,
        exact: bool,
    },
    Near {
        left: String,
        right: String,
        distance: u32,
    },
}

/// A restriction on where matches may be.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    Kind(String),
    Source(String),
    Foia(String),
    Doc(String),
    Person(String),
    Group(String),
    Lang(String),
    Date {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

/// Why a query could not be read, and where (a character position, from 0).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {}: {}", .position + 1, .problem.message(Lang::En))]
pub struct QueryError {
    pub position: usize,
    pub problem: QueryProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    Empty,
    UnclosedQuote,
    UnclosedParenthesis,
    UnexpectedClosingParenthesis,
    MissingOperand(&'static str),
    UnknownField(String),
    EmptyValue(String),
    BadDate(String),
    BadDistance,
    PrefixTooShort,
    FuzzyDistance,
    NearNeedsWords,
    OnlyNegative,
    /// More than [`MAX_DEPTH`] levels once simplified, or more than
    /// [`MAX_NESTING`] parentheses and negations open at once as written.
    TooDeep,
    /// More than [`MAX_TERMS`] words, phrases and filters.
    TooManyTerms,
}

impl QueryProblem {
    /// The reason in `lang`, from the catalog.
    pub fn message(&self, lang: Lang) -> String {
        use QueryProblem::*;
        match self {
            Empty => tr!(lang, "query-empty").to_owned(),
            UnclosedQuote => tr!(lang, "query-unclosed-quote").to_owned(),
            UnclosedParenthesis => tr!(lang, "query-unclosed-parenthesis").to_owned(),
            UnexpectedClosingParenthesis => tr!(lang, "query-unexpected-closing").to_owned(),
            MissingOperand(op) => tr!(lang, "query-missing-operand", operator = *op),
            UnknownField(f) => tr!(lang, "query-unknown-field", field = f.as_str()),
            EmptyValue(f) => tr!(lang, "query-empty-value", field = f.as_str()),
            BadDate(v) => tr!(lang, "query-bad-date", value = v.as_str()),
            BadDistance => tr!(lang, "query-bad-distance").to_owned(),
            PrefixTooShort => tr!(lang, "query-prefix-too-short").to_owned(),
            FuzzyDistance => tr!(lang, "query-fuzzy-distance").to_owned(),
            NearNeedsWords => tr!(lang, "query-near-needs-words").to_owned(),
            OnlyNegative => tr!(lang, "query-only-negative").to_owned(),
            TooDeep => tr!(lang, "query-too-deep", max = MAX_DEPTH),
            TooManyTerms => tr!(lang, "query-too-many-terms", max = MAX_TERMS),
        }
    }
}

impl QueryError {
    /// "at character N: reason" in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        tr!(
            lang,
            "query-error-at",
            position = self.position + 1,
            problem = self.problem.message(lang)
        )
    }
}

/// The error at `position`.
pub(super) fn err(position: usize, problem: QueryProblem) -> QueryError {
    QueryError { position, problem }
}

/// Parses a query, simplified (`NOT NOT a` is `a`; a group inside a group
/// of the same kind is one group) and within the bounds: [`MAX_DEPTH`],
/// [`MAX_TERMS`], [`MAX_NESTING`].
///
/// # Errors
/// A [`QueryError`] with the position and the reason.
pub fn parse(input: &str) -> Result<Node, QueryError> {
    let tokens = lex::lex(input)?;
    if tokens.is_empty() {
        return Err(err(0, QueryProblem::Empty));
    }
    let node = parser::parse_tokens(tokens, input.chars().count())?;
    if !has_positive(&node) {
        return Err(err(0, QueryProblem::OnlyNegative));
    }
    Ok(node)
}

/// Levels of AND, OR and NOT from the root of `node` to its deepest word
/// or filter (0 for a lone word). Walks without recursion, so that any
/// tree, however built, can be measured.
pub fn depth(node: &Node) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(node, 0_usize)];
    while let Some((node, above)) = stack.pop() {
        match node {
            Node::And(children) | Node::Or(children) => {
                stack.extend(children.iter().map(|c| (c, above + 1)));
            }
            Node::Not(inner) => stack.push((inner, above + 1)),
            Node::Text(_) | Node::Filter(_) => deepest = deepest.max(above),
        }
    }
    deepest
}

/// Whether a node can match on its own (is not only exclusions).
fn has_positive(node: &Node) -> bool {
    match node {
        Node::Not(_) => false,
        Node::And(children) => children.iter().any(has_positive),
        Node::Or(children) => children.iter().all(has_positive),
        Node::Text(_) | Node::Filter(_) => true,
    }
}

/// The positive text leaves of a query (not under NOT): what to highlight.
pub fn positive_text(node: &Node) -> Vec<&TextQuery> {
    let mut out = Vec::new();
    fn walk<'a>(node: &'a Node, out: &mut Vec<&'a TextQuery>) {
        match node {
            Node::And(children) | Node::Or(children) => children.iter().for_each(|c| walk(c, out)),
            Node::Not(_) | Node::Filter(_) => {}
            Node::Text(t) => out.push(t),
        }
    }
    walk(node, &mut out);
    out
}

mod fields;
mod lex;
mod parser;

#[cfg(test)]
mod tests;
