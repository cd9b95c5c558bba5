//! report: a pattern report for one audience, as HTML or PDF. The
//! application layer composes it and audits it before handing out the
//! bytes; this writes them.

use testimonio_app::reports::{self, compose_report};
use testimonio_i18n::tr;
use testimonio_report::Format;

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::analyze::options;
use crate::context::{CliResult, Context, operator};

impl ReportFormat {
    pub fn format(self) -> Format {
        match self {
            ReportFormat::Pdf => Format::Pdf,
            ReportFormat::Html => Format::Html,
        }
    }
}

pub fn run(cx: &Context, args: &ReportArgs) -> CliResult {
    let options = options(
        cx,
        args.audience,
        args.min_count,
        args.permutations,
        args.seed,
        args.max_cases,
    )?;
    let actor = operator();
    let app = |e| cx.app_error(&e);
    let mut vault = cx.open()?;
    let f = reports::findings(&mut vault, &actor, &options).map_err(app)?;
    let report = compose_report(&actor, &f, cx.lang, args.format.format()).map_err(app)?;
    let format = report.format();
    let cases = report.counts().cases;
    // A report that cannot be audited is not handed out, so not written.
    let bytes = report.release(&mut vault, &actor).map_err(app)?;
    cx.write_private(&args.out, &bytes)?;
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "report-wrote",
            path = args.out.display().to_string(),
            format = format.code(),
            count = cases
        )
    );
    Ok(())
}
