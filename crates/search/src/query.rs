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
    pub fn message(&self, lang: Lang) -> String {
        use QueryProblem::*;
        match (self, lang) {
            (Empty, Lang::En) => "the query is empty".into(),
            (Empty, Lang::Es) => "la consulta está vacía".into(),
            (UnclosedQuote, Lang::En) => "a quotation mark is not closed".into(),
            (UnclosedQuote, Lang::Es) => "falta cerrar unas comillas".into(),
            (UnclosedParenthesis, Lang::En) => "a parenthesis is not closed".into(),
            (UnclosedParenthesis, Lang::Es) => "falta cerrar un paréntesis".into(),
            (UnexpectedClosingParenthesis, Lang::En) => {
                "a closing parenthesis has no opening one".into()
            }
            (UnexpectedClosingParenthesis, Lang::Es) => "sobra un paréntesis de cierre".into(),
            (MissingOperand(op), Lang::En) => {
                format!("{op} needs something to search on both sides")
            }
            (MissingOperand(op), Lang::Es) => format!("{op} necesita algo que buscar a cada lado"),
            (UnknownField(f), Lang::En) => format!(
                "unknown filter {f:?} (known: kind, source, foia, doc, date, person, group, lang, exact)"
            ),
            (UnknownField(f), Lang::Es) => format!(
                "filtro desconocido {f:?} (se conocen: kind, source, foia, doc, date, person, group, lang, exact)"
            ),
            (EmptyValue(f), Lang::En) => format!("{f}: needs a value"),
            (EmptyValue(f), Lang::Es) => format!("{f}: necesita un valor"),
            (BadDate(v), Lang::En) => format!(
                "{v:?} is not a date or range (2018, 2018-03, 2018-03-02, 2017..2019, ..2019)"
            ),
            (BadDate(v), Lang::Es) => format!(
                "{v:?} no es una fecha o un rango (2018, 2018-03, 2018-03-02, 2017..2019, ..2019)"
            ),
            (BadDistance, Lang::En) => "a distance must be a whole number from 0 to 100".into(),
            (BadDistance, Lang::Es) => "una distancia debe ser un número entero de 0 a 100".into(),
            (PrefixTooShort, Lang::En) => "a prefix needs at least 2 letters before *".into(),
            (PrefixTooShort, Lang::Es) => "un prefijo necesita al menos 2 letras antes de *".into(),
            (FuzzyDistance, Lang::En) => "fuzzy matching allows ~1 or ~2 edits".into(),
            (FuzzyDistance, Lang::Es) => "la búsqueda aproximada admite ~1 o ~2 cambios".into(),
            (NearNeedsWords, Lang::En) => "NEAR joins two words or phrases".into(),
            (NearNeedsWords, Lang::Es) => "NEAR une dos palabras o frases".into(),
            (OnlyNegative, Lang::En) => "a query cannot only exclude: add something to find".into(),
            (OnlyNegative, Lang::Es) => {
                "una consulta no puede solo excluir: agregue algo que buscar".into()
            }
            (TooDeep, Lang::En) => format!(
                "the query nests too deeply: at most {MAX_DEPTH} levels of parentheses, AND, OR, NOT and -"
            ),
            (TooDeep, Lang::Es) => format!(
                "la consulta anida demasiados niveles: como máximo {MAX_DEPTH} de paréntesis, AND, OR, NOT y -"
            ),
            (TooManyTerms, Lang::En) => format!(
                "the query has too many terms: at most {MAX_TERMS} words, phrases and filters"
            ),
            (TooManyTerms, Lang::Es) => format!(
                "la consulta tiene demasiados términos: como máximo {MAX_TERMS} palabras, frases y filtros"
            ),
        }
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
mod tests {
    use super::*;

    fn word(text: &str) -> Node {
        Node::Text(TextQuery::Word {
            text: text.into(),
            prefix: false,
            fuzzy: None,
            exact: false,
        })
    }

    #[test]
    fn words_side_by_side_are_and_and_or_binds_looser() {
        assert_eq!(
            parse("a b OR c").unwrap(),
            Node::Or(vec![Node::And(vec![word("a"), word("b")]), word("c")])
        );
        assert_eq!(
            parse("a AND (b OR c) NOT d").unwrap(),
            Node::And(vec![
                word("a"),
                Node::Or(vec![word("b"), word("c")]),
                Node::Not(Box::new(word("d")))
            ])
        );
        assert_eq!(
            parse("a -b").unwrap(),
            Node::And(vec![word("a"), Node::Not(Box::new(word("b")))])
        );
        assert_eq!(parse("2025-ICLI-00019").unwrap(), word("2025-ICLI-00019"));
    }

    #[test]
    fn phrases_proximity_prefix_and_fuzzy() {
        assert_eq!(
            parse("\"protest leader\"~5").unwrap(),
            Node::Text(TextQuery::Phrase {
                text: "protest leader".into(),
                slop: 5,
                exact: false
            })
        );
        assert_eq!(
            parse("clout NEAR/3 protest").unwrap(),
            Node::Text(TextQuery::Near {
                left: "clout".into(),
                right: "protest".into(),
                distance: 3
            })
        );
        assert_eq!(
            parse("inst*").unwrap(),
            Node::Text(TextQuery::Word {
                text: "inst".into(),
                prefix: true,
                fuzzy: None,
                exact: false
            })
        );
        assert_eq!(
            parse("Dermody~2").unwrap(),
            Node::Text(TextQuery::Word {
                text: "Dermody".into(),
                prefix: false,
                fuzzy: Some(2),
                exact: false
            })
        );
        assert_eq!(
            parse("exact:\"José Peña\"").unwrap(),
            Node::Text(TextQuery::Phrase {
                text: "José Peña".into(),
                slop: 0,
                exact: true
            })
        );
    }

    #[test]
    fn filters_and_date_ranges() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            parse("date:2017..2019").unwrap(),
            Node::Filter(Filter::Date {
                from: d(2017, 1, 1),
                to: d(2019, 12, 31)
            })
        );
        assert_eq!(
            parse("date:2024-02").unwrap(),
            Node::Filter(Filter::Date {
                from: d(2024, 2, 1),
                to: d(2024, 2, 29)
            })
        );
        assert_eq!(
            parse("date:..2019-06-30").unwrap(),
            Node::Filter(Filter::Date {
                from: None,
                to: d(2019, 6, 30)
            })
        );
        assert_eq!(
            parse("protest source:foia_production").unwrap(),
            Node::And(vec![
                word("protest"),
                Node::Filter(Filter::Source("foia_production".into()))
            ])
        );
    }

    #[test]
    fn malformed_queries_say_where_and_why() {
        let problem = |q: &str| parse(q).unwrap_err();
        assert_eq!(problem("").problem, QueryProblem::Empty);
        assert_eq!(
            problem("\"open phrase").problem,
            QueryProblem::UnclosedQuote
        );
        assert_eq!(
            problem("(a OR b").problem,
            QueryProblem::UnclosedParenthesis
        );
        assert_eq!(problem("a)").position, 1);
        assert_eq!(
            problem("protest AND (").problem,
            QueryProblem::UnclosedParenthesis
        );
        assert_eq!(problem("protest AND (").position, 12);
        assert_eq!(problem("a OR").problem, QueryProblem::MissingOperand("OR"));
        assert_eq!(
            problem("AND a").problem,
            QueryProblem::MissingOperand("AND")
        );
        assert_eq!(
            problem("colour:red").problem,
            QueryProblem::UnknownField("colour".into())
        );
        assert_eq!(
            problem("date:2019..2017").problem,
            QueryProblem::BadDate("2019..2017".into())
        );
        assert_eq!(problem("a~3").problem, QueryProblem::FuzzyDistance);
        assert_eq!(problem("i*").problem, QueryProblem::PrefixTooShort);
        assert_eq!(problem("NOT a").problem, QueryProblem::OnlyNegative);
        assert_eq!(
            problem("a NEAR/5 bc*").problem,
            QueryProblem::NearNeedsWords
        );
        let e = problem("protest AND");
        assert_eq!(e.position, 8);
        assert!(e.to_string().contains("character 9"));
        assert!(e.problem.message(Lang::Es).contains("necesita"));
    }

    /// A colon at the start of a word used to stop the lexer without
    /// moving on: `:` alone grew the token list until memory ran out.
    #[test]
    fn a_leading_colon_is_read_and_moves_on() {
        assert_eq!(parse(":").unwrap(), word(":"));
        assert_eq!(
            parse("a :b").unwrap(),
            Node::And(vec![word("a"), word(":b")])
        );
        assert_eq!(
            parse("::x").unwrap_err().problem,
            QueryProblem::UnknownField(":".into())
        );
        assert_eq!(
            parse("kind:page").unwrap(),
            Node::Filter(Filter::Kind("page".into()))
        );
    }

    fn not(node: Node) -> Node {
        Node::Not(Box::new(node))
    }

    /// Words, phrases and filters in a tree (a NEAR is one).
    fn leaves(node: &Node) -> usize {
        match node {
            Node::And(children) | Node::Or(children) => children.iter().map(leaves).sum(),
            Node::Not(inner) => leaves(inner),
            Node::Text(_) | Node::Filter(_) => 1,
        }
    }

    /// A query whose tree is `levels` deep: AND and OR alternate, each in
    /// its own parentheses, so that nothing simplifies away.
    fn alternating(levels: usize) -> String {
        let mut query = "w0".to_owned();
        for level in 1..=levels {
            query = match level {
                1 => format!("w1 {query}"),
                n if n % 2 == 0 => format!("w{n} OR ({query})"),
                n => format!("w{n} ({query})"),
            };
        }
        query
    }

    #[test]
    fn double_negations_and_nested_groups_simplify() {
        assert_eq!(parse("NOT NOT a").unwrap(), word("a"));
        assert_eq!(parse("--a").unwrap(), word("a"));
        assert_eq!(parse("NOT -a").unwrap(), word("a"));
        assert_eq!(parse("-(-a)").unwrap(), word("a"));
        assert_eq!(
            parse("a NOT NOT NOT b").unwrap(),
            Node::And(vec![word("a"), not(word("b"))])
        );
        assert_eq!(
            parse("a NOT (NOT (b OR c))").unwrap(),
            Node::And(vec![word("a"), Node::Or(vec![word("b"), word("c")])])
        );
        assert_eq!(
            parse("a NEAR/3 --b").unwrap(),
            Node::Text(TextQuery::Near {
                left: "a".into(),
                right: "b".into(),
                distance: 3
            })
        );
        assert_eq!(
            parse("a (b (c -d))").unwrap(),
            Node::And(vec![word("a"), word("b"), word("c"), not(word("d"))])
        );
        assert_eq!(
            parse("a OR (b OR (c OR d))").unwrap(),
            Node::Or(vec![word("a"), word("b"), word("c"), word("d")])
        );
        assert_eq!(parse("((((a))))").unwrap(), word("a"));
        // What is left of a negation is still refused alone.
        assert_eq!(
            parse("NOT NOT NOT a").unwrap_err().problem,
            QueryProblem::OnlyNegative
        );
    }

    #[test]
    fn depth_is_bounded_after_simplifying() {
        for levels in [1, 2, 3, 17, MAX_DEPTH] {
            let query = alternating(levels);
            assert_eq!(depth(&parse(&query).unwrap()), levels, "{query}");
        }
        let query = alternating(MAX_DEPTH + 1);
        let e = parse(&query).unwrap_err();
        assert_eq!(e.problem, QueryProblem::TooDeep, "{query}");
        // At the start of the group that went past the bound: the
        // outermost one, which opens the query.
        assert_eq!(e.position, 0);
        // Negations that cancel out cost no depth.
        let cancelled = format!("a {}b", "NOT NOT ".repeat(MAX_DEPTH));
        assert_eq!(
            parse(&cancelled).unwrap(),
            Node::And(vec![word("a"), word("b")])
        );
        for message in [
            QueryProblem::TooDeep.message(Lang::En),
            QueryProblem::TooManyTerms.message(Lang::En),
        ] {
            assert!(
                message.contains(&MAX_DEPTH.to_string()) || message.contains("256"),
                "{message}"
            );
        }
        assert!(
            QueryProblem::TooDeep
                .message(Lang::Es)
                .starts_with("la consulta anida demasiados niveles")
        );
    }

    #[test]
    fn hostile_nesting_is_refused_where_it_goes_too_deep() {
        // The query that took the server down: a, 600 dashes, b.
        let dashes = format!("a {}b", "-".repeat(600));
        let e = parse(&dashes).unwrap_err();
        assert_eq!(e.problem, QueryProblem::TooDeep);
        // At the first dash past the bound (characters 0 and 1 are "a ").
        assert_eq!(e.position, 2 + MAX_NESTING);
        assert!(
            e.to_string()
                .starts_with("at character 67: the query nests too deeply")
        );

        let open = "(".repeat(10_000);
        let e = parse(&open).unwrap_err();
        assert_eq!(
            (e.problem, e.position),
            (QueryProblem::TooDeep, MAX_NESTING)
        );

        let nots = format!("a {}b", "NOT ".repeat(5_000));
        let e = parse(&nots).unwrap_err();
        assert_eq!(
            (e.problem, e.position),
            (QueryProblem::TooDeep, 2 + 4 * MAX_NESTING)
        );

        let near = format!("a{}", " NEAR/2 a".repeat(2_000));
        assert_eq!(
            parse(&near).unwrap_err().problem,
            QueryProblem::NearNeedsWords
        );

        let mixed = "a -(NOT (b OR -".repeat(500);
        assert_eq!(parse(&mixed).unwrap_err().problem, QueryProblem::TooDeep);
    }

    #[test]
    fn terms_are_bounded() {
        let most = vec!["w"; MAX_TERMS].join(" OR ");
        assert_eq!(leaves(&parse(&most).unwrap()), MAX_TERMS);
        let too_many = format!("{most} OR x");
        let e = parse(&too_many).unwrap_err();
        assert_eq!(e.problem, QueryProblem::TooManyTerms);
        assert_eq!(e.position, too_many.len() - 1);
        let chain = "a ".repeat(100_000);
        assert_eq!(
            parse(&chain).unwrap_err().problem,
            QueryProblem::TooManyTerms
        );
        assert!(
            QueryProblem::TooManyTerms
                .message(Lang::Es)
                .contains("demasiados términos")
        );
    }

    /// The parser's own recursion is bounded: hostile input is refused on a
    /// small stack (the old parser recursed once per `(` or NOT, and its
    /// tree was dropped recursively too).
    #[test]
    fn hostile_input_parses_on_a_small_stack() {
        let inputs = [
            format!("a {}b", "-".repeat(600)),
            format!("a {}b", "-".repeat(100_000)),
            "(".repeat(100_000),
            format!("{}a{}", "(".repeat(50_000), ")".repeat(50_000)),
            format!("a {}b", "NOT ".repeat(50_000)),
            "a -(b OR ".repeat(20_000),
            alternating(MAX_DEPTH),
        ];
        std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                for input in &inputs {
                    if let Ok(node) = parse(input) {
                        assert!(depth(&node) <= MAX_DEPTH);
                    }
                }
            })
            .unwrap()
            .join()
            .unwrap();
    }

    mod hostile {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of hostile queries, each repeated many times.
        fn piece() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "(",
                ")",
                "-",
                "NOT ",
                "NEAR ",
                "NEAR/3 ",
                "OR ",
                "AND ",
                "a ",
                "bc ",
                "\"d e\" ",
                "kind:page ",
                "x~1 ",
                "yz* ",
                " ",
                "--",
                "-(",
            ]);
            (pieces, 1_usize..300).prop_map(|(p, n)| p.repeat(n))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]

            #[test]
            fn never_panics_and_never_goes_past_the_bounds(
                pieces in prop::collection::vec(piece(), 0..12)
            ) {
                let query: String = pieces.concat();
                if let Ok(node) = parse(&query) {
                    prop_assert!(depth(&node) <= MAX_DEPTH, "{query}");
                    prop_assert!(leaves(&node) <= MAX_TERMS, "{query}");
                    prop_assert!(has_positive(&node));
                }
            }

            #[test]
            fn any_text_is_read_or_refused_with_a_position_inside_it(query in "\\PC{0,200}") {
                match parse(&query) {
                    Ok(node) => prop_assert!(depth(&node) <= MAX_DEPTH),
                    Err(e) => prop_assert!(e.position <= query.chars().count()),
                }
            }
        }
    }
}
