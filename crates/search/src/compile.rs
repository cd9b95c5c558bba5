//! From a parsed query to a tantivy query on the index's fields.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{Language, TextAnalyzer};

use crate::query::{Filter, MAX_DEPTH, Node, QueryError, QueryProblem, TextQuery, depth};
use crate::schema::{Fields, exact_analyzer, folded_analyzer, tokens};
use crate::stemming::stemmed_analyzer;

/// Days since 1970-01-01.
pub fn day_number(day: NaiveDate) -> i64 {
    day.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid"))
        .num_days()
}

/// Builds the tantivy query for a parsed query.
///
/// The tree is walked recursively here, and tantivy recurses once per
/// nested boolean query when it scores: a tree deeper than
/// [`MAX_DEPTH`] (which [`crate::parse`] never returns, but a tree can be
/// built by hand) is refused before either recursion starts.
///
/// # Errors
/// A word with nothing searchable in it (only punctuation), a prefix or
/// fuzzy operator on several words, or a tree deeper than [`MAX_DEPTH`].
pub fn compile(node: &Node, fields: &Fields) -> Result<Box<dyn Query>, QueryError> {
    if depth(node) > MAX_DEPTH {
        return Err(QueryError {
            position: 0,
            problem: QueryProblem::TooDeep,
        });
    }
    compile_node(node, fields)
}

/// [`compile`], once the depth is known to be bounded.
fn compile_node(node: &Node, fields: &Fields) -> Result<Box<dyn Query>, QueryError> {
    match node {
        Node::And(children) => {
            let mut clauses = Vec::with_capacity(children.len());
            for child in children {
                match child {
                    Node::Not(inner) => {
                        clauses.push((Occur::MustNot, compile_node(inner, fields)?))
                    }
                    other => clauses.push((Occur::Must, compile_node(other, fields)?)),
                }
            }
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
        Node::Or(children) => {
            let clauses = children
                .iter()
                .map(|c| Ok((Occur::Should, compile_node(c, fields)?)))
                .collect::<Result<Vec<_>, QueryError>>()?;
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
        Node::Not(inner) => Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::MustNot, compile_node(inner, fields)?),
        ]))),
        Node::Filter(filter) => Ok(filter_query(filter, fields)),
        Node::Text(text) => text_query(text, fields),
    }
}

fn nothing_searchable() -> QueryError {
    QueryError {
        position: 0,
        problem: QueryProblem::MissingOperand("AND"),
    }
}

fn analyze(text: &str, exact: bool) -> Vec<String> {
    let mut analyzer = if exact {
        exact_analyzer()
    } else {
        folded_analyzer()
    };
    words(&mut analyzer, text)
}

fn words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    tokens(analyzer, text).into_iter().map(|t| t.0).collect()
}

/// `words` (one or several, in order, within `slop`) in any of their
/// forms: as typed (folded, and ranked first), or sharing their English
/// or their Spanish stems (see [`crate::stemming`]).
fn any_form(fields: &Fields, text: &[&str], slop: u32) -> Result<Box<dyn Query>, QueryError> {
    let form = |analyzer: &mut TextAnalyzer| -> Vec<String> {
        text.iter().flat_map(|t| words(analyzer, t)).collect()
    };
    let folded = form(&mut folded_analyzer());
    if folded.is_empty() {
        return Err(nothing_searchable());
    }
    let english = form(&mut stemmed_analyzer(Language::English));
    let spanish = form(&mut stemmed_analyzer(Language::Spanish));
    Ok(Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(phrase(fields.text, &folded, slop), 2.0)) as Box<dyn Query>,
        ),
        (Occur::Should, phrase(fields.text_en, &english, slop)),
        (Occur::Should, phrase(fields.text_es, &spanish, slop)),
    ])))
}

fn phrase(field: Field, words: &[String], slop: u32) -> Box<dyn Query> {
    if words.len() == 1 {
        return Box::new(TermQuery::new(
            Term::from_field_text(field, &words[0]),
            IndexRecordOption::WithFreqsAndPositions,
        ));
    }
    let terms = words
        .iter()
        .enumerate()
        .map(|(i, w)| (i, Term::from_field_text(field, w)))
        .collect();
    Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
}

fn text_query(text: &TextQuery, fields: &Fields) -> Result<Box<dyn Query>, QueryError> {
    match text {
        TextQuery::Word {
            text,
            prefix,
            fuzzy,
            exact,
        } => {
            let field = if *exact { fields.exact } else { fields.text };
            let words = analyze(text, *exact);
            match (words.as_slice(), prefix, fuzzy) {
                ([], _, _) => Err(nothing_searchable()),
                ([one], true, _) => {
                    let pattern = format!("{}.*", regex_escape(one));
                    let prefix = RegexQuery::from_pattern(&pattern, field)
                        .map_err(|_| nothing_searchable())?;
                    Ok(with_exact_first(field, one, Box::new(prefix)))
                }
                ([one], false, Some(distance)) => Ok(with_exact_first(
                    field,
                    one,
                    Box::new(FuzzyTermQuery::new(
                        Term::from_field_text(field, one),
                        *distance,
                        true,
                    )),
                )),
                (_, true, _) | (_, _, Some(_)) => Err(QueryError {
                    position: 0,
                    problem: QueryProblem::NearNeedsWords,
                }),
                (many, false, None) if *exact => Ok(phrase(field, many, 0)),
                (_, false, None) => any_form(fields, &[text], 0),
            }
        }
        TextQuery::Phrase {
            text,
            slop,
            exact: true,
        } => {
            let words = analyze(text, true);
            if words.is_empty() {
                return Err(nothing_searchable());
            }
            Ok(phrase(fields.exact, &words, *slop))
        }
        TextQuery::Phrase {
            text,
            slop,
            exact: false,
        } => any_form(fields, &[text], *slop),
        TextQuery::Near {
            left,
            right,
            distance,
        } => {
            if analyze(left, false).is_empty() || analyze(right, false).is_empty() {
                return Err(nothing_searchable());
            }
            Ok(Box::new(BooleanQuery::new(vec![
                (Occur::Should, any_form(fields, &[left, right], *distance)?),
                (Occur::Should, any_form(fields, &[right, left], *distance)?),
            ])))
        }
    }
}

/// Fuzzy and prefix matches all score alike in tantivy: the word as
/// typed is added as a boosted, BM25-scored alternative, so pages with the
/// exact spelling rank first. The set of matches does not change.
fn with_exact_first(field: Field, word: &str, broad: Box<dyn Query>) -> Box<dyn Query> {
    let exact = TermQuery::new(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(exact), 2.0)) as Box<dyn Query>,
        ),
        (Occur::Should, broad),
    ]))
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

fn filter_query(filter: &Filter, fields: &Fields) -> Box<dyn Query> {
    let term = |field: Field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    match filter {
        Filter::Kind(v) => term(fields.kind, v),
        Filter::Source(v) => term(fields.source, v),
        Filter::Foia(v) => term(fields.foia, v),
        Filter::Doc(v) => term(fields.doc, v),
        Filter::Person(v) => term(fields.person, v),
        Filter::Group(v) => term(fields.group, v),
        Filter::Lang(v) => term(fields.lang, v),
        Filter::Date { from, to } => {
            let bound = |d: &Option<NaiveDate>| match d {
                Some(d) => Bound::Included(Term::from_field_i64(fields.day, day_number(*d))),
                None => Bound::Unbounded,
            };
            Box::new(RangeQuery::new(bound(from), bound(to)))
        }
    }
}
