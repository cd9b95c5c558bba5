//! `import FILE` for a spreadsheet (CSV, TSV, XLSX, ODS): parse the
//! options, resolve the profile (a file, a saved name, or the
//! suggestions), call the import use case, print its report.

use std::path::Path;

use serde_json::json;
use testimonio_app::AppError;
use testimonio_app::import::{self, ImportError, ImportReport, ImportRequest, Profile, SheetInput};
use testimonio_i18n::tr;
use testimonio_vault::Vault;

use crate::cli::ImportArgs;
use crate::context::{CliResult, Context, Failure, Progress, exit, operator, print_json};

/// Whether `path` holds exchange JSON Lines rather than a spreadsheet: its
/// first non-blank byte opens a JSON object.
pub fn is_json_lines(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 512];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let n = file.read(&mut head).unwrap_or(0);
    let text = head[..n]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&head[..n]);
    text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// A profile from a file, else by the name it was saved under.
fn load_profile(cx: &Context, vault: &Vault, given: &str) -> CliResult<Profile> {
    let path = Path::new(given);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| cx.io_error(path, &e))?;
        return Profile::from_toml(&text)
            .map_err(|p| cx.app_error(&AppError::Import(ImportError::Profile(vec![p]))));
    }
    import::saved_profile(vault, given).map_err(|e| cx.app_error(&e))
}

/// Whether `--save-profile` names a file (a path or a `.toml` name) or a
/// profile saved in the vault.
fn names_a_file(target: &str) -> bool {
    target.ends_with(".toml") || target.contains(std::path::MAIN_SEPARATOR) || target.contains('/')
}

pub fn import_sheet(cx: &Context, args: &ImportArgs) -> CliResult {
    let mut vault = cx.open()?;
    let input = SheetInput::Path(args.file.clone());
    let given = args
        .profile
        .as_deref()
        .map(|p| load_profile(cx, &vault, p))
        .transpose()?;
    let suggested = given.is_none();
    let profile = match given {
        Some(mut profile) => {
            if args.sheet.is_some() {
                profile.sheet.clone_from(&args.sheet);
            }
            if args.header_row.is_some() {
                profile.header_row = args.header_row;
            }
            profile
        }
        None => {
            import::preview(&input, args.sheet.as_deref(), args.header_row, cx.lang)
                .map_err(|e| cx.app_error(&e))?
                .suggested
        }
    };
    if let Some(target) = &args.save_profile {
        if names_a_file(target) {
            cx.write_private(Path::new(target), profile.to_toml().as_bytes())?;
        } else {
            import::save_profile(&mut vault, &operator(), target, &profile)
                .map_err(|e| cx.app_error(&e))?;
        }
    }
    if suggested && !args.dry_run && !args.accept_suggestions {
        if !args.json {
            print!("{}", profile.to_toml());
        }
        return Err(cx.app_error(&AppError::Import(ImportError::NeedsProfile)));
    }
    let source_name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let request = ImportRequest {
        input: &input,
        source_name: &source_name,
        profile: &profile,
        dry_run: args.dry_run,
        lang: cx.lang,
        import_id: None,
        source_blob: None,
    };
    let progress = Progress::new(tr!(cx.lang, "import-cli-progress"));
    let report = import::run(&mut vault, &operator(), &request, &mut |n| {
        progress.update(n)
    })
    .map_err(|e| cx.app_error(&e))?;
    progress.finish();
    if args.json {
        let mut value = serde_json::to_value(&report).expect("reports serialize");
        if suggested {
            value["profile"] = json!(profile.to_toml());
        }
        print_json(&value);
    } else {
        if suggested {
            println!("{}", tr!(cx.lang, "import-cli-profile-used"));
            println!("{}", profile.to_toml());
        }
        print_report(cx, &report);
    }
    if report.refused == 0 {
        Ok(())
    } else {
        Err(Failure {
            status: exit::PARTIAL,
            message: if report.dry_run {
                tr!(
                    cx.lang,
                    "import-cli-partial-dry-run",
                    refused = report.refused,
                    rows = report.rows
                )
            } else {
                tr!(
                    cx.lang,
                    "import-cli-partial",
                    refused = report.refused,
                    rows = report.rows
                )
            },
        })
    }
}

fn print_report(cx: &Context, report: &ImportReport) {
    let lang = cx.lang;
    if let (Some(encoding), Some(delimiter)) = (&report.encoding, report.delimiter) {
        let delimiter = match delimiter {
            '\t' => "TAB".to_owned(),
            other => other.to_string(),
        };
        println!(
            "{}",
            tr!(
                lang,
                "import-read-as",
                encoding = encoding.as_str(),
                delimiter = delimiter.as_str(),
                row = report.header_row
            )
        );
    }
    for problem in &report.problems {
        let line = match &problem.column {
            Some(column) => tr!(
                lang,
                "import-cli-problem-cell",
                row = problem.row,
                column = column.as_str(),
                reason = problem.reason.as_str()
            ),
            None => tr!(
                lang,
                "import-cli-problem-row",
                row = problem.row,
                reason = problem.reason.as_str()
            ),
        };
        println!("{line}");
    }
    let hidden = report.problems_total - report.problems.len() as u64;
    if hidden > 0 {
        println!("{}", tr!(lang, "import-cli-more-problems", count = hidden));
    }
    for (column, count) in &report.ambiguous_dates {
        println!(
            "{}",
            tr!(
                lang,
                "import-cli-ambiguous-dates",
                column = column.as_str(),
                count = *count
            )
        );
    }
    let summary = if report.dry_run {
        tr!(
            lang,
            "import-cli-summary-dry-run",
            rows = report.rows,
            created = report.created,
            updated = report.updated,
            unchanged = report.unchanged,
            refused = report.refused
        )
    } else {
        tr!(
            lang,
            "import-cli-summary",
            rows = report.rows,
            created = report.created,
            updated = report.updated,
            unchanged = report.unchanged,
            refused = report.refused
        )
    };
    println!("{summary}");
    let r = &report.records;
    println!(
        "{}",
        tr!(
            lang,
            "import-cli-records",
            groups = r.groups.created + r.groups.updated,
            people = r.people.created + r.people.updated,
            events = r.events.created + r.events.updated
        )
    );
}
