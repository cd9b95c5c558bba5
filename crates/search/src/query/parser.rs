//! The parser: tokens to a tree, simplified and bounded as it grows.

use super::fields::field_query;
use super::lex::Token;
use super::{MAX_DEPTH, MAX_NESTING, MAX_TERMS, Node, QueryError, QueryProblem, TextQuery, err};

/// A subtree being built, with what the bounds need to know about it.
struct Parsed {
    node: Node,
    /// [`super::depth`] of `node`, kept up to date as the tree grows so that no
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

/// Parses the tokens of a query `end` characters long: the tree,
/// simplified and within the bounds, but possibly only negative (the
/// caller's check).
pub(super) fn parse_tokens(tokens: Vec<(usize, Token)>, end: usize) -> Result<Node, QueryError> {
    let mut parser = Parser {
        tokens,
        at: 0,
        end,
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
    Ok(parsed.node)
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
        while let Some(&Token::Or(written)) = self.peek() {
            let position = self.position();
            self.at += 1;
            if matches!(
                self.peek(),
                None | Some(Token::Close | Token::Or(_) | Token::And(_))
            ) {
                return Err(err(position, QueryProblem::MissingOperand(written)));
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
                None | Some(Token::Close | Token::Or(_)) => break,
                Some(&Token::And(written)) => {
                    let position = self.position();
                    self.at += 1;
                    if children.is_empty()
                        || matches!(
                            self.peek(),
                            None | Some(Token::Close | Token::Or(_) | Token::And(_))
                        )
                    {
                        return Err(err(position, QueryProblem::MissingOperand(written)));
                    }
                }
                Some(&Token::Near(distance)) => {
                    let position = self.position();
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
        while let Some(token @ (Token::Not(_) | Token::Minus)) = self.peek() {
            let written = match token {
                Token::Not(written) => *written,
                _ => "NOT",
            };
            let position = self.position();
            self.at += 1;
            if matches!(
                self.peek(),
                None | Some(Token::Close | Token::Or(_) | Token::And(_))
            ) {
                return Err(err(position, QueryProblem::MissingOperand(written)));
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
            Token::And(_) | Token::Or(_) | Token::Not(_) | Token::Minus | Token::Near(_) => {
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
