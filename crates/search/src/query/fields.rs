//! Filters (`field:value`) and `exact:`.

use chrono::NaiveDate;

use super::{Filter, Node, QueryError, QueryProblem, TextQuery, err};

pub(super) fn field_query(field: &str, value: &str, position: usize) -> Result<Node, QueryError> {
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
