//! document redact: a redacted, Bates-stamped copy of a stored PDF.

use clap::Args;
use serde_json::json;
use testimonio_app::evidence::redaction::{
    self, RedactFailure, RedactionRequest, RegionPick, WordPick,
};
use testimonio_i18n::tr;
use testimonio_ingest::redact::{Area, RedactOptions};

use crate::context::{self, CliResult, Context, Failure, exit, print_json};

#[derive(Debug, Args)]
pub struct RedactArgs {
    pub id: String,
    #[arg(long)]
    pub bates_prefix: String,
    #[arg(long = "match")]
    pub queries: Vec<String>,
    #[arg(long = "words")]
    pub words: Vec<String>,
    #[arg(long = "region")]
    pub regions: Vec<String>,
    #[arg(long)]
    pub pages: Option<String>,
    #[arg(long)]
    pub jobs: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

fn usage(cx: &Context, option: &str, value: &str) -> Failure {
    Failure {
        status: exit::USAGE,
        message: tr!(
            cx.lang,
            "cli-redact-bad-value",
            option = option,
            value = value
        ),
    }
}

/// `PAGE:REST`.
fn page_and(value: &str) -> Option<(u32, &str)> {
    let (page, rest) = value.split_once(':')?;
    Some((page.trim().parse().ok().filter(|p| *p > 0)?, rest))
}

/// `PAGE:I[,I…]`: words by their index on the page (from 0).
fn parse_words(value: &str) -> Option<Vec<WordPick>> {
    let (page, rest) = page_and(value)?;
    rest.split(',')
        .map(|i| i.trim().parse().ok().map(|index| WordPick { page, index }))
        .collect()
}

/// `PAGE:x0,y0,x1,y1`, fractions of the page's width and height.
fn parse_region(value: &str) -> Option<RegionPick> {
    let (page, rest) = page_and(value)?;
    let v: Vec<f64> = rest
        .split(',')
        .map(|n| n.trim().parse().ok())
        .collect::<Option<_>>()?;
    if v.len() != 4 || v.iter().any(|n| !(0.0..=1.0).contains(n)) {
        return None;
    }
    Some(RegionPick {
        page,
        area: Area::new(v[0], v[1], v[2], v[3])?,
    })
}

/// `N` or `FIRST-LAST`.
fn parse_pages(value: &str) -> Option<(u32, u32)> {
    let (a, b) = value.split_once('-').unwrap_or((value, value));
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

pub fn redact(cx: &Context, args: &RedactArgs) -> CliResult {
    let lang = cx.lang;
    let mut words = Vec::new();
    for value in &args.words {
        words.extend(parse_words(value).ok_or_else(|| usage(cx, "--words", value))?);
    }
    let regions = args
        .regions
        .iter()
        .map(|v| parse_region(v).ok_or_else(|| usage(cx, "--region", v)))
        .collect::<Result<Vec<_>, _>>()?;
    let pages = match &args.pages {
        Some(v) => Some(parse_pages(v).ok_or_else(|| usage(cx, "--pages", v))?),
        None => None,
    };
    let request = RedactionRequest {
        document: args.id.clone(),
        pages,
        words,
        regions,
        queries: args.queries.clone(),
        bates_prefix: args.bates_prefix.clone(),
    };
    let mut options = RedactOptions::default();
    if let Some(jobs) = args.jobs.filter(|j| *j > 0) {
        options.jobs = jobs;
    }
    let mut vault = cx.open()?;
    let copy =
        redaction::redact(&mut vault, &context::operator(), &request, &options).map_err(|e| {
            match &e {
                RedactFailure::App(app) => cx.app_error(app),
                RedactFailure::Query { .. } => Failure {
                    status: exit::FAILURE,
                    message: e.message(lang),
                },
            }
        })?;
    if args.json {
        print_json(&json!({ "copy": copy }));
        return Ok(());
    }
    println!(
        "{}",
        tr!(
            lang,
            "cli-redact-stored",
            copy = copy.copy.id.as_str(),
            first = copy.bates_first.as_str(),
            last = copy.bates_last.as_str(),
            sha256 = copy.copy.sha256.as_str()
        )
    );
    println!(
        "  {}",
        tr!(
            lang,
            "cli-redact-counts",
            words = copy.words,
            regions = copy.regions,
            matches = copy.matches
        )
    );
    println!(
        "  {}",
        tr!(
            lang,
            "cli-redact-original",
            original = copy.original_id.as_str(),
            sha256 = copy.original_sha256.as_str()
        )
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_are_read_from_their_short_forms() {
        assert_eq!(
            parse_words("2:3,7"),
            Some(vec![
                WordPick { page: 2, index: 3 },
                WordPick { page: 2, index: 7 }
            ])
        );
        assert_eq!(parse_words("0:1"), None);
        assert_eq!(parse_words("2:x"), None);
        let region = parse_region("1:0.5,0.1,0.2,0.3").expect("a region");
        assert_eq!(region.page, 1);
        assert_eq!(region.area.rounded(), [0.2, 0.1, 0.5, 0.3]);
        assert_eq!(parse_region("1:0.1,0.1,1.5,0.2"), None);
        assert_eq!(parse_region("1:0.1,0.1,0.2"), None);
        assert_eq!(parse_pages("3"), Some((3, 3)));
        assert_eq!(parse_pages("2-5"), Some((2, 5)));
        assert_eq!(parse_pages("a"), None);
    }
}
