//! The lexer: the query as written, cut into tokens with their character
//! positions.
//!
//! Operators are words in capitals, in English or in Spanish: `AND` or
//! `Y`, `OR` or `O`, `NOT` or `NO`, `NEAR/N` or `CERCA/N` (also `&&` and
//! `||`). In lower case (`y`, `o`, `no`, `and`) they are words to find.

use super::{QueryError, QueryProblem, err};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Open,
    Close,
    /// AND, as written: `AND`, `Y` or `&&`.
    And(&'static str),
    /// OR, as written: `OR`, `O` or `||`.
    Or(&'static str),
    /// NOT, as written: `NOT` or `NO`.
    Not(&'static str),
    Minus,
    Near(u32),
    Word(String),
    Phrase(String, u32),
    Field(String, String),
}

pub(super) fn lex(input: &str) -> Result<Vec<(usize, Token)>, QueryError> {
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
                    "AND" => Token::And("AND"),
                    "Y" => Token::And("Y"),
                    "&&" => Token::And("&&"),
                    "OR" => Token::Or("OR"),
                    "O" => Token::Or("O"),
                    "||" => Token::Or("||"),
                    "NOT" => Token::Not("NOT"),
                    "NO" => Token::Not("NO"),
                    "NEAR" | "CERCA" => Token::Near(5),
                    w => match w.strip_prefix("NEAR/").or(w.strip_prefix("CERCA/")) {
                        Some(distance) => Token::Near(
                            distance
                                .parse::<u32>()
                                .ok()
                                .filter(|n| *n <= 100)
                                .ok_or_else(|| err(start, QueryProblem::BadDistance))?,
                        ),
                        None => Token::Word(word),
                    },
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
