//! The query language, parsed into a tree.
//!
//! ```text
//! instigator                     a word (case and accents ignored)
//! "hunger strike"                a phrase
//! "protest leader"~5             the words within 5 positions of each other
//! clout NEAR/5 protest           the same, in either order
//! inst*                          words starting with "inst"
//! Dermody~1  Dermody~2           words within 1 or 2 edits (OCR errors, spellings)
//! surveillance AND (protest OR vigil) NOT training
//! -training                      NOT training
//! exact:"José Peña"              case and accents as written
//! kind:page|event  source:foia_production  foia:ID  doc:ID
//! date:2017..2019  date:2018-03  date:..2019-06-30
//! person:ID  group:ID  lang:eng|spa
//! ```
//! Words side by side must all match (AND). AND binds tighter than OR.
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

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Minus,
    Near(u32),
    Word(String),
    Phrase(String, u32),
    Field(String, String),
}

fn err(position: usize, problem: QueryProblem) -> QueryError {
    QueryError { position, problem }
}

fn lex(input: &str) -> Result<Vec<(usize, Token)>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                tokens.push((start, Token::Open));
                i += 1;
            }
            ')' => {
                tokens.push((start, Token::Close));
                i += 1;
            }
            // At the start of a token, '-' excludes what follows; a lone
            // '-' is punctuation.
            '-' => {
                if chars.get(i + 1).is_some_and(|c| !c.is_whitespace()) {
                    tokens.push((start, Token::Minus));
                }
                i += 1;
            }
            '"' => {
                let (text, next) = quoted(&chars, i)?;
                let (slop, next) = tilde_number(&chars, next)?;
                tokens.push((start, Token::Phrase(text, slop.unwrap_or(0))));
                i = next;
            }
            _ => {
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '"')
                {
                    // A colon ends a field's name, not a token that
                    // starts with one (which would never advance).
                    if chars[i] == ':' && i > start {
                        break;
                    }
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if i < chars.len() && chars[i] == ':' && !word.is_empty() {
                    // field:value or field:"quoted value"
                    let field = word.to_lowercase();
                    i += 1;
                    let value = if i < chars.len() && chars[i] == '"' {
                        let (text, next) = quoted(&chars, i)?;
                        i = next;
                        format!("\"{text}\"")
                    } else {
                        let value_start = i;
                        while i < chars.len()
                            && !chars[i].is_whitespace()
                            && !matches!(chars[i], '(' | ')')
                        {
                            i += 1;
                        }
                        chars[value_start..i].iter().collect()
                    };
                    if value.is_empty() || value == "\"\"" {
                        return Err(err(start, QueryProblem::EmptyValue(field)));
                    }
                    tokens.push((start, Token::Field(field, value)));
                    continue;
                }
                let token = match word.as_str() {
                    "AND" | "&&" => Token::And,
                    "OR" | "||" => Token::Or,
                    "NOT" => Token::Not,
                    w if w.starts_with("NEAR/") => {
                        let n = w[5..]
                            .parse::<u32>()
                            .ok()
                            .filter(|n| *n <= 100)
                            .ok_or_else(|| err(start, QueryProblem::BadDistance))?;
                        Token::Near(n)
                    }
                    "NEAR" => Token::Near(5),
                    _ => Token::Word(word),
                };
                tokens.push((start, token));
            }
        }
    }
    Ok(tokens)
}

fn quoted(chars: &[char], open: usize) -> Result<(String, usize), QueryError> {
    let mut i = open + 1;
    while i < chars.len() && chars[i] != '"' {
        i += 1;
    }
    if i >= chars.len() {
        return Err(err(open, QueryProblem::UnclosedQuote));
    }
    Ok((chars[open + 1..i].iter().collect(), i + 1))
}

fn tilde_number(chars: &[char], at: usize) -> Result<(Option<u32>, usize), QueryError> {
    if at >= chars.len() || chars[at] != '~' {
        return Ok((None, at));
    }
    let mut i = at + 1;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    let digits: String = chars[at + 1..i].iter().collect();
    let n = digits
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 100)
        .ok_or_else(|| err(at, QueryProblem::BadDistance))?;
    Ok((Some(n), i))
}

/// Parses a query, simplified (`NOT NOT a` is `a`; a group inside a group
/// of the same kind is one group) and within the bounds: [`MAX_DEPTH`],
/// [`MAX_TERMS`], [`MAX_NESTING`].
///
/// # Errors
/// A [`QueryError`] with the position and the reason.
pub fn parse(input: &str) -> Result<Node, QueryError> {
    let tokens = lex(input)?;
    if tokens.is_empty() {
        return Err(err(0, QueryProblem::Empty));
    }
    let mut parser = Parser {
        tokens,
        at: 0,
        end: input.chars().count(),
        open: 0,
        terms: 0,
    };
    let parsed = parser.or()?;
    if let Some((position, token)) = parser.tokens.get(parser.at) {
        return Err(err(
            *position,
            match token {
                Token::Close => QueryProblem::UnexpectedClosingParenthesis,
                _ => QueryProblem::MissingOperand("AND"),
            },
        ));
    }
    if !has_positive(&parsed.node) {
        return Err(err(0, QueryProblem::OnlyNegative));
    }
    Ok(parsed.node)
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

/// A subtree being built, with what the bounds need to know about it.
struct Parsed {
    node: Node,
    /// [`depth`] of `node`, kept up to date as the tree grows so that no
    /// walk is needed.
    depth: usize,
    /// Where it starts in the query, for the error if it is too deep.
    position: usize,
}

impl Parsed {
    fn leaf(node: Node, position: usize) -> Self {
        Parsed {
            node,
            depth: 0,
            position,
        }
    }
}

/// A subtree deeper than [`MAX_DEPTH`] is an error at its start.
fn bounded(parsed: Parsed) -> Result<Parsed, QueryError> {
    if parsed.depth > MAX_DEPTH {
        return Err(err(parsed.position, QueryProblem::TooDeep));
    }
    Ok(parsed)
}

/// `children` joined by OR (`or`) or AND: one child stands alone, and a
/// child group of the same kind gives its children (the same matches and
/// scores, one level less).
fn group(or: bool, children: Vec<Parsed>, position: usize) -> Result<Parsed, QueryError> {
    if children.len() == 1 {
        return Ok(children.into_iter().next().expect("one child"));
    }
    let mut nodes = Vec::with_capacity(children.len());
    let mut below = 0;
    for child in children {
        match (or, child.node) {
            (true, Node::Or(grandchildren)) | (false, Node::And(grandchildren)) => {
                below = below.max(child.depth.saturating_sub(1));
                nodes.extend(grandchildren);
            }
            (_, node) => {
                below = below.max(child.depth);
                nodes.push(node);
            }
        }
    }
    bounded(Parsed {
        node: if or {
            Node::Or(nodes)
        } else {
            Node::And(nodes)
        },
        depth: below + 1,
        position,
    })
}

/// NOT `inner`; NOT of a NOT is what it negates.
fn negate(inner: Parsed, position: usize) -> Result<Parsed, QueryError> {
    match inner.node {
        Node::Not(node) => Ok(Parsed {
            node: *node,
            depth: inner.depth.saturating_sub(1),
            position,
        }),
        node => bounded(Parsed {
            node: Node::Not(Box::new(node)),
            depth: inner.depth + 1,
            position,
        }),
    }
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    at: usize,
    end: usize,
    /// Parentheses and negations open at the current token, as written.
    open: usize,
    /// Words, phrases and filters read so far.
    terms: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(_, t)| t)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(p, _)| *p)
    }

    /// One more parenthesis or negation open, at `position`: refused past
    /// [`MAX_NESTING`], before the parser recurses any deeper.
    fn enter(&mut self, position: usize) -> Result<(), QueryError> {
        self.open += 1;
        if self.open > MAX_NESTING {
            return Err(err(position, QueryProblem::TooDeep));
        }
        Ok(())
    }

    /// One more word, phrase or filter, at `position`.
    fn term(&mut self, position: usize) -> Result<(), QueryError> {
        self.terms += 1;
        if self.terms > MAX_TERMS {
            return Err(err(position, QueryProblem::TooManyTerms));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Parsed, QueryError> {
        let start = self.position();
        let mut children = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            let position = self.position();
            self.at += 1;
            if matches!(
                self.peek(),
                None | Some(Token::Close | Token::Or | Token::And)
            ) {
                return Err(err(position, QueryProblem::MissingOperand("OR")));
            }
            children.push(self.and()?);
        }
        group(true, children, start)
    }

    fn and(&mut self) -> Result<Parsed, QueryError> {
        let start = self.position();
        let mut children: Vec<Parsed> = Vec::new();
        loop {
            match self.peek() {
                None | Some(Token::Close | Token::Or) => break,
                Some(Token::And) => {
                    let position = self.position();
                    self.at += 1;
                    if children.is_empty()
                        || matches!(
                            self.peek(),
                            None | Some(Token::Close | Token::Or | Token::And)
                        )
                    {
                        return Err(err(position, QueryProblem::MissingOperand("AND")));
                    }
                }
                Some(Token::Near(_)) => {
                    let position = self.position();
                    let Some(Token::Near(distance)) = self.peek().cloned() else {
                        unreachable!()
                    };
                    self.at += 1;
                    let left = children
                        .pop()
                        .ok_or_else(|| err(position, QueryProblem::NearNeedsWords))?;
                    let right = self.unary()?;
                    let joined = near(left.node, right.node, distance)
                        .ok_or_else(|| err(position, QueryProblem::NearNeedsWords))?;
                    children.push(Parsed::leaf(joined, left.position));
                }
                Some(_) => children.push(self.unary()?),
            }
        }
        if children.is_empty() {
            return Err(err(self.position(), QueryProblem::MissingOperand("AND")));
        }
        group(false, children, start)
    }

    /// NOT and `-`, however many, then what they apply to. A run of
    /// negations is read in a loop rather than by recursion, and each one
    /// still counts toward [`MAX_NESTING`] as written.
    fn unary(&mut self) -> Result<Parsed, QueryError> {
        let mut negations = Vec::new();
        while matches!(self.peek(), Some(Token::Not | Token::Minus)) {
            let position = self.position();
            self.at += 1;
            if matches!(
                self.peek(),
                None | Some(Token::Close | Token::Or | Token::And)
            ) {
                return Err(err(position, QueryProblem::MissingOperand("NOT")));
            }
            self.enter(position)?;
            negations.push(position);
        }
        let mut parsed = self.primary()?;
        self.open -= negations.len();
        for position in negations.into_iter().rev() {
            parsed = negate(parsed, position)?;
        }
        Ok(parsed)
    }

    fn primary(&mut self) -> Result<Parsed, QueryError> {
        let position = self.position();
        let Some((_, token)) = self.tokens.get(self.at).cloned() else {
            return Err(err(position, QueryProblem::MissingOperand("AND")));
        };
        self.at += 1;
        match token {
            Token::Open => {
                if matches!(self.peek(), None | Some(Token::Close)) {
                    return Err(err(
                        position,
                        if self.peek().is_none() {
                            QueryProblem::UnclosedParenthesis
                        } else {
                            QueryProblem::MissingOperand("AND")
                        },
                    ));
                }
                self.enter(position)?;
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(err(position, QueryProblem::UnclosedParenthesis));
                }
                self.at += 1;
                self.open -= 1;
                Ok(Parsed { position, ..inner })
            }
            Token::Close => Err(err(position, QueryProblem::UnexpectedClosingParenthesis)),
            Token::Phrase(text, slop) => {
                self.term(position)?;
                Ok(Parsed::leaf(
                    Node::Text(TextQuery::Phrase {
                        text,
                        slop,
                        exact: false,
                    }),
                    position,
                ))
            }
            Token::Word(word) => {
                self.term(position)?;
                Ok(Parsed::leaf(word_query(&word, position)?, position))
            }
            Token::Field(field, value) => {
                self.term(position)?;
                Ok(Parsed::leaf(
                    field_query(&field, &value, position)?,
                    position,
                ))
            }
            Token::And | Token::Or | Token::Not | Token::Minus | Token::Near(_) => {
                Err(err(position, QueryProblem::MissingOperand("AND")))
            }
        }
    }
}

fn near(left: Node, right: Node, distance: u32) -> Option<Node> {
    let words = |node: Node| match node {
        Node::Text(TextQuery::Word {
            text,
            prefix: false,
            fuzzy: None,
            exact: false,
        }) => Some(text),
        Node::Text(TextQuery::Phrase {
            text, exact: false, ..
        }) => Some(text),
        _ => None,
    };
    Some(Node::Text(TextQuery::Near {
        left: words(left)?,
        right: words(right)?,
        distance,
    }))
}

fn word_query(word: &str, position: usize) -> Result<Node, QueryError> {
    if let Some((text, distance)) = word.rsplit_once('~') {
        let fuzzy = match distance {
            "" | "1" => 1,
            "2" => 2,
            _ => return Err(err(position, QueryProblem::FuzzyDistance)),
        };
        return Ok(Node::Text(TextQuery::Word {
            text: text.to_owned(),
            prefix: false,
            fuzzy: Some(fuzzy),
            exact: false,
        }));
    }
    if let Some(stem) = word.strip_suffix('*') {
        if stem.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return Err(err(position, QueryProblem::PrefixTooShort));
        }
        return Ok(Node::Text(TextQuery::Word {
            text: stem.to_owned(),
            prefix: true,
            fuzzy: None,
            exact: false,
        }));
    }
    Ok(Node::Text(TextQuery::Word {
        text: word.to_owned(),
        prefix: false,
        fuzzy: None,
        exact: false,
    }))
}

fn field_query(field: &str, value: &str, position: usize) -> Result<Node, QueryError> {
    let plain = value.trim_matches('"').to_owned();
    Ok(Node::Filter(match field {
        "kind" => Filter::Kind(plain),
        "source" => Filter::Source(plain),
        "foia" => Filter::Foia(plain),
        "doc" => Filter::Doc(plain),
        "person" => Filter::Person(plain),
        "group" => Filter::Group(plain),
        "lang" => Filter::Lang(plain),
        "date" => {
            let (from, to) = date_range(&plain)
                .ok_or_else(|| err(position, QueryProblem::BadDate(plain.clone())))?;
            Filter::Date { from, to }
        }
        "exact" => {
            return Ok(Node::Text(if value.starts_with('"') {
                TextQuery::Phrase {
                    text: plain,
                    slop: 0,
                    exact: true,
                }
            } else {
                TextQuery::Word {
                    text: plain,
                    prefix: false,
                    fuzzy: None,
                    exact: true,
                }
            }));
        }
        other => return Err(err(position, QueryProblem::UnknownField(other.to_owned()))),
    }))
}

/// `2018`, `2018-03`, `2018-03-02`, `A..B`, `..B`, `A..`.
fn date_range(value: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let bound = |s: &str, end: bool| -> Option<Option<NaiveDate>> {
        if s.is_empty() {
            return Some(None);
        }
        let parts: Vec<&str> = s.split('-').collect();
        let year: i32 = parts
            .first()?
            .parse()
            .ok()
            .filter(|y| (1900..=2200).contains(y))?;
        let date = match parts.len() {
            1 if end => NaiveDate::from_ymd_opt(year, 12, 31),
            1 => NaiveDate::from_ymd_opt(year, 1, 1),
            2 => {
                let month: u32 = parts[1].parse().ok()?;
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                if end {
                    let next = if month == 12 {
                        NaiveDate::from_ymd_opt(year + 1, 1, 1)
                    } else {
                        NaiveDate::from_ymd_opt(year, month + 1, 1)
                    };
                    next.and_then(|d| d.pred_opt())
                } else {
                    Some(first)
                }
            }
            3 => NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[2].parse().ok()?),
            _ => None,
        };
        date.map(Some)
    };
    match value.split_once("..") {
        Some((from, to)) => {
            let range = (bound(from, false)?, bound(to, true)?);
            match range {
                (None, None) => None,
                (Some(a), Some(b)) if a > b => None,
                r => Some(r),
            }
        }
        None => Some((bound(value, false)?, bound(value, true)?)),
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

#[cfg(test)]
mod tests;
