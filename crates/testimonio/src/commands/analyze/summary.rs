//! The findings as text for a terminal: every sentence from the catalog
//! (`reports.ftl`), numbers and dates from `testimonio_i18n::format`.

use testimonio_analysis::{Audience, Cell};
use testimonio_domain::Lang;
use testimonio_i18n::tr;
use testimonio_report::compose::{office_label, state_label, type_label};
use testimonio_report::findings::{ChanceTest, Concentration, CountList, PublishedProximity};
use testimonio_report::{Findings, fmt};

/// Wraps `text` at 76 columns, each line indented by `indent`.
fn wrapped(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 76 {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The findings as text for a terminal, in `lang`.
pub fn summary(lang: Lang, f: &Findings) -> String {
    let c = |cell: Cell| fmt::cell(lang, cell);
    let mut out = String::new();
    let audience = match f.audience {
        Audience::Internal => tr!(lang, "analyze-audience-internal").to_owned(),
        Audience::Coalition => tr!(lang, "analyze-audience-coalition", count = f.min_count),
        Audience::Public => tr!(lang, "analyze-audience-public", count = f.min_count),
    };
    out.push_str(&tr!(lang, "analyze-title", audience = audience));
    out.push('\n');
    out.push_str(&tr!(lang, "analyze-as-of", date = fmt::day(lang, f.as_of)));
    out.push_str("\n\n");
    let p = &f.population;
    for (label, cell) in [
        (tr!(lang, "analyze-people-counted").to_owned(), p.people),
        (
            format!("  {}", tr!(lang, "analyze-people-targeted")),
            p.people_targeted,
        ),
        (
            tr!(lang, "analyze-enforcement-actions").to_owned(),
            p.enforcement_actions,
        ),
        (
            tr!(lang, "analyze-protected-activities").to_owned(),
            p.protected_activities,
        ),
    ] {
        out.push_str(&format!("{label:<38} {:>10}\n", c(cell)));
    }
    out.push('\n');
    out.push_str(&proximity_text(
        lang,
        &f.proximity,
        tr!(lang, "analyze-proximity-own"),
    ));
    out.push_str(&proximity_text(
        lang,
        &f.group_proximity,
        tr!(lang, "analyze-proximity-group"),
    ));
    out.push_str(&chance_text(lang, &f.chance));
    out.push_str(tr!(lang, "analyze-spread"));
    out.push('\n');
    out.push_str(&concentration_text(
        lang,
        tr!(lang, "analyze-offices", distinct = f.offices.distinct),
        &f.offices,
        &|code| office_label(code, lang),
    ));
    out.push_str(&concentration_text(
        lang,
        tr!(lang, "analyze-states", distinct = f.states.distinct),
        &f.states,
        &|code| state_label(code, lang),
    ));
    let code = |c: &str| c.to_owned();
    out.push_str(&list_text(
        lang,
        tr!(lang, "analyze-by-office"),
        &f.by_field_office,
        &code,
    ));
    out.push_str(&list_text(
        lang,
        tr!(lang, "analyze-by-state"),
        &f.by_state,
        &code,
    ));
    out.push_str(&list_text(
        lang,
        tr!(lang, "analyze-by-year"),
        &f.by_year,
        &code,
    ));
    out.push_str(&list_text(
        lang,
        tr!(lang, "analyze-by-type"),
        &f.by_type,
        &|c| type_label(c, lang),
    ));
    if f.audience != Audience::Internal {
        out.push('\n');
        out.push_str(&wrapped(tr!(lang, "analyze-suppressed-note"), ""));
    }
    out
}

fn proximity_text(lang: Lang, p: &PublishedProximity, title: &str) -> String {
    let mut out = wrapped(title, "");
    let Cell::Shown(pairs) = p.pairs else {
        out.push_str(&format!(
            "  {}\n\n",
            tr!(lang, "analyze-proximity-suppressed")
        ));
        return out;
    };
    out.push_str(&format!(
        "  {}\n",
        tr!(lang, "analyze-denominator", pairs = pairs)
    ));
    for w in &p.within {
        let share = w
            .share
            .map_or_else(|| "—".to_owned(), |s| fmt::percent(lang, s));
        out.push_str(&format!(
            "  {}  {} {:>8}\n",
            tr!(
                lang,
                "analyze-within",
                days = format!("{:>3}", w.days),
                count = w.days
            ),
            tr!(
                lang,
                "analyze-count-of",
                count = format!("{:>10}", fmt::cell(lang, w.count)),
                total = format!("{:<6}", fmt::cell(lang, w.denominator))
            ),
            share,
        ));
    }
    if let Some(q) = &p.days {
        let (median, q1, q3) = (
            fmt::decimal(lang, q.median, 1),
            fmt::decimal(lang, q.q1, 1),
            fmt::decimal(lang, q.q3, 1),
        );
        let line = match (q.min, q.max) {
            (Some(min), Some(max)) => tr!(
                lang,
                "analyze-quartiles-range",
                median = median,
                q1 = q1,
                q3 = q3,
                min = fmt::decimal(lang, min, 0),
                max = fmt::decimal(lang, max, 0),
                count = q.n
            ),
            _ => tr!(
                lang,
                "analyze-quartiles",
                median = median,
                q1 = q1,
                q3 = q3,
                count = q.n
            ),
        };
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str(&format!(
        "  {}\n\n",
        tr!(
            lang,
            "analyze-no-earlier",
            none = fmt::cell(lang, p.intervals.get("none")),
            imprecise = fmt::cell(lang, p.imprecise)
        )
    ));
    out
}

fn chance_text(lang: Lang, chance: &ChanceTest) -> String {
    match chance {
        ChanceTest::Done(r) => {
            let mut out = tr!(
                lang,
                "analyze-chance-done",
                p = fmt::p_equation(lang, r.p_value),
                permutations = r.permutations,
                seed = r.seed.to_string(),
                cap = r.cap_days
            );
            out.push('\n');
            out.push_str(&format!(
                "  {}\n",
                tr!(
                    lang,
                    "analyze-chance-means",
                    observed = fmt::decimal(lang, r.observed_mean_days, 1),
                    null = fmt::decimal(lang, r.null_mean_days, 1),
                    low = fmt::decimal(lang, r.null_percentile_2_5, 1),
                    high = fmt::decimal(lang, r.null_percentile_97_5, 1)
                )
            ));
            out.push_str(&wrapped(
                &tr!(lang, "analyze-method", method = r.method.get(lang)),
                "  ",
            ));
            out.push('\n');
            out
        }
        ChanceTest::NothingToTest => format!("{}\n\n", tr!(lang, "analyze-chance-nothing")),
        ChanceTest::Withheld => format!("{}\n\n", tr!(lang, "analyze-chance-withheld")),
    }
}

fn concentration_text(
    lang: Lang,
    what: String,
    c: &Concentration,
    label: &dyn Fn(&str) -> String,
) -> String {
    let mut parts = vec![what];
    match &c.largest {
        Some(l) => parts.push(tr!(
            lang,
            "analyze-largest",
            label = label(&l.label),
            count = l.count,
            share = fmt::percent(lang, l.share)
        )),
        None if c.distinct > 0 => parts.push(tr!(lang, "analyze-largest-withheld").to_owned()),
        None => {}
    }
    match c.hhi {
        Some(h) => parts.push(tr!(lang, "analyze-hhi", hhi = fmt::decimal(lang, h, 3))),
        None if c.distinct > 0 => parts.push(tr!(lang, "analyze-hhi-withheld").to_owned()),
        None => {}
    }
    format!("  {}\n", parts.join("; "))
}

/// One list on a line or a few: `LABEL COUNT, …` and its total.
fn list_text(lang: Lang, title: &str, list: &CountList, label: &dyn Fn(&str) -> String) -> String {
    let mut out = format!("  {title}:");
    if list.labels().is_empty() {
        out.push_str(" —\n");
        return out;
    }
    let items: Vec<String> = list
        .entries()
        .map(|(code, cell)| {
            let name = if code == "unknown" {
                tr!(lang, "report-unknown").to_owned()
            } else {
                label(code)
            };
            format!("{name} {}", fmt::cell(lang, cell))
        })
        .collect();
    out.push('\n');
    out.push_str(&wrapped(&items.join(", "), "    "));
    out.push_str(&format!(
        "    {}\n",
        tr!(lang, "analyze-total", count = fmt::cell(lang, list.total()))
    ));
    out
}
