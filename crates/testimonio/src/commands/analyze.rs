//! analyze: the pattern analysis, printed for a person or as JSON.
//!
//! The records and the findings come from the application layer
//! (`testimonio_app::reports`), the same ones a report is made of.

mod summary;

use testimonio_analysis::Audience;
use testimonio_app::reports;
use testimonio_i18n::tr;
use testimonio_report::FindingsOptions;

use crate::cli::{AnalyzeArgs, AudienceChoice};
use crate::context::{CliResult, Context, Failure, exit, operator, print_json};

pub use summary::summary;

impl AudienceChoice {
    pub fn audience(self) -> Audience {
        match self {
            AudienceChoice::Internal => Audience::Internal,
            AudienceChoice::Coalition => Audience::Coalition,
            AudienceChoice::Public => Audience::Public,
        }
    }
}

/// The options of the findings as given on the command line, checked:
/// at least one permutation, and a threshold of at least 2 for a
/// coalition or public audience (1 would publish single people).
pub fn options(
    cx: &Context,
    audience: AudienceChoice,
    min_count: u64,
    permutations: u32,
    seed: u64,
    vignettes: usize,
) -> CliResult<FindingsOptions> {
    let refuse = |message: &str| Failure {
        status: exit::FAILURE,
        message: message.to_owned(),
    };
    if permutations == 0 {
        return Err(refuse(tr!(cx.lang, "analyze-permutations-too-few")));
    }
    let audience = audience.audience();
    if audience != Audience::Internal && min_count < 2 {
        return Err(refuse(&tr!(
            cx.lang,
            "analyze-min-count-too-small",
            count = min_count
        )));
    }
    Ok(FindingsOptions {
        audience,
        min_count,
        as_of: today(),
        permutations,
        seed,
        vignettes,
        threads: None,
    })
}

/// The day consent is read on.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub fn run(cx: &Context, args: &AnalyzeArgs) -> CliResult {
    let options = options(
        cx,
        args.audience,
        args.min_count,
        args.permutations,
        args.seed,
        0,
    )?;
    let mut vault = cx.open()?;
    let records = reports::load(&mut vault, &operator()).map_err(|e| cx.app_error(&e))?;
    drop(vault);
    let f = records.findings(&options).map_err(|e| cx.app_error(&e))?;
    if args.json {
        print_json(&f);
    } else {
        print!("{}", summary(cx.lang, &f));
    }
    Ok(())
}
