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

use chrono::NaiveDate;
use testimonio_domain::Lang;

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
                    if chars[i] == ':' {
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

/// Parses a query.
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
    };
    let node = parser.or()?;
    if let Some((position, token)) = parser.tokens.get(parser.at) {
        return Err(err(
            *position,
            match token {
                Token::Close => QueryProblem::UnexpectedClosingParenthesis,
                _ => QueryProblem::MissingOperand("AND"),
            },
        ));
    }
    if !has_positive(&node) {
        return Err(err(0, QueryProblem::OnlyNegative));
    }
    Ok(node)
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

struct Parser {
    tokens: Vec<(usize, Token)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(_, t)| t)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(p, _)| *p)
    }

    fn or(&mut self) -> Result<Node, QueryError> {
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
        Ok(if children.len() == 1 {
            children.pop().expect("one child")
        } else {
            Node::Or(children)
        })
    }

    fn and(&mut self) -> Result<Node, QueryError> {
        let mut children = Vec::new();
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
                    children.push(
                        near(left, right, distance)
                            .ok_or_else(|| err(position, QueryProblem::NearNeedsWords))?,
                    );
                }
                Some(_) => children.push(self.unary()?),
            }
        }
        match children.len() {
            0 => Err(err(self.position(), QueryProblem::MissingOperand("AND"))),
            1 => Ok(children.pop().expect("one child")),
            _ => Ok(Node::And(children)),
        }
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        match self.peek() {
            Some(Token::Not | Token::Minus) => {
                let position = self.position();
                self.at += 1;
                if matches!(
                    self.peek(),
                    None | Some(Token::Close | Token::Or | Token::And)
                ) {
                    return Err(err(position, QueryProblem::MissingOperand("NOT")));
                }
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
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
                let node = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(err(position, QueryProblem::UnclosedParenthesis));
                }
                self.at += 1;
                Ok(node)
            }
            Token::Close => Err(err(position, QueryProblem::UnexpectedClosingParenthesis)),
            Token::Phrase(text, slop) => Ok(Node::Text(TextQuery::Phrase {
                text,
                slop,
                exact: false,
            })),
            Token::Word(word) => word_query(&word, position),
            Token::Field(field, value) => field_query(&field, &value, position),
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
}
