//! The pieces of the analysis page: counts, tables, charts and the
//! sections built from them.

use maud::{Markup, PreEscaped, html};
use testimonio_analysis::Cell;
use testimonio_domain::{Audience, Lang, UsState};
use testimonio_report::chart::{BarChart, Drawing, TileMap, bar_chart, tile_map};
use testimonio_report::compose::{office_label, state_label, type_label};
use testimonio_report::findings::{ChanceTest, Concentration, CountList, INTERVALS};
use testimonio_report::{Findings, fmt, svg};

use super::CHART_WIDTH;
use testimonio_i18n::{format, tr};

use crate::i18n::{format_number, t};
use crate::layout::raw as pre_escaped;
// ---------------------------------------------------------------------------
// Pieces of the page

/// A count of people or pairs: the number (in a `data` element carrying
/// it, for tests and machines), or the word for a suppressed one.
fn count(lang: Lang, c: Cell) -> Markup {
    match c {
        Cell::Shown(n) => html! { data.tally value=(n) { (format_number(lang, n)) } },
        Cell::Suppressed => html! { span.suppressed { (t(lang, "analysis-suppressed")) } },
    }
}

fn count_cell(lang: Lang, c: Cell) -> Markup {
    html! { td.num.suppressed[c.is_suppressed()] { (count(lang, c)) } }
}

fn share_text(lang: Lang, share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| fmt::percent(lang, s))
}

fn days_text(lang: Lang, n: u64) -> String {
    format::days(lang, n)
}

fn within_text(lang: Lang, days: u32) -> String {
    tr!(
        lang,
        "analysis-within",
        days = days_text(lang, u64::from(days))
    )
}

/// The placeholder of markup argument `i` in a message (private-use
/// characters, which no message contains and escaping leaves alone).
fn slot(i: usize) -> String {
    format!("\u{e000}{i}\u{e001}")
}

/// A whole message whose arguments include markup (counts in `data`
/// elements, emphasis): `text` is the message formatted with [`slot`]s
/// for those arguments; it is escaped, then each slot is replaced by its
/// markup. The sentence stays whole in the catalog.
fn rich(text: &str, parts: &[Markup]) -> Markup {
    let mut out = html! { (text) }.into_string();
    for (i, part) in parts.iter().enumerate() {
        out = out.replacen(&slot(i), &part.0, 1);
    }
    PreEscaped(out)
}

/// The label of an interval category: for people (each by their shortest
/// interval) or for pairs.
fn interval_label(lang: Lang, code: &str, people: bool) -> &'static str {
    match code {
        "0_30" => t(lang, "analysis-interval-0-30"),
        "31_90" => t(lang, "analysis-interval-31-90"),
        "91_180" => t(lang, "analysis-interval-91-180"),
        "181_365" => t(lang, "analysis-interval-181-365"),
        "over_365" => t(lang, "analysis-interval-over-365"),
        _ if people => t(lang, "analysis-interval-none-people"),
        _ => t(lang, "analysis-interval-none-pairs"),
    }
}

fn unknown_or(lang: Lang, code: &str, label: impl Fn(&str) -> String) -> String {
    if code == "unknown" {
        t(lang, "analysis-unknown").to_owned()
    } else {
        label(code)
    }
}

/// A drawing of the report crate as inline SVG (presentation attributes
/// only), in a figure with its caption.
fn figure(drawing: &Drawing, id: &str, caption: &str, data: Markup) -> Markup {
    html! {
        figure.chart {
            (pre_escaped(svg::render(drawing, id)))
            figcaption { (caption) }
            (data)
        }
    }
}

/// A table of people by category, known categories by name with
/// "unknown" last — never by count, so that a suppressed count's place in
/// the order gives nothing away — and the total.
fn people_table(
    lang: Lang,
    class: &str,
    caption: &str,
    first: &str,
    list: &CountList,
    label: impl Fn(&str) -> String,
) -> Markup {
    let mut rows: Vec<(String, &str, Cell)> = list
        .entries()
        .map(|(code, c)| (unknown_or(lang, code, &label), code, c))
        .collect();
    rows.sort_by(|a, b| ((a.1 == "unknown"), &a.0).cmp(&((b.1 == "unknown"), &b.0)));
    html! {
        div.scroll {
            table class={ "analysis " (class) } {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (first) }
                    th.num scope="col" { (t(lang, "analysis-people")) }
                } }
                tbody {
                    @if rows.is_empty() {
                        tr { td colspan="2" { (t(lang, "analysis-nobody")) } }
                    }
                    @for (name, code, c) in &rows {
                        tr data-code=(code) {
                            th scope="row" { (name) }
                            (count_cell(lang, *c))
                        }
                    }
                }
                tfoot { tr {
                    th scope="row" { (t(lang, "analysis-total")) }
                    (count_cell(lang, list.total()))
                } }
            }
        }
    }
}

/// The interval categories as a table (the chart's numbers).
fn interval_table(lang: Lang, caption: &str, what: &str, list: &CountList, people: bool) -> Markup {
    html! {
        div.scroll {
            table.analysis.intervals {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (t(lang, "analysis-interval")) }
                    th.num scope="col" { (what) }
                } }
                tbody {
                    @for code in INTERVALS {
                        tr data-code=(code) {
                            th scope="row" { (interval_label(lang, code, people)) }
                            (count_cell(lang, list.get(code)))
                        }
                    }
                }
                tfoot { tr {
                    th scope="row" { (t(lang, "analysis-total")) }
                    (count_cell(lang, list.total()))
                } }
            }
        }
    }
}

fn bar(lang: Lang, description: &str, bars: Vec<(String, Cell)>) -> Drawing {
    bar_chart(&BarChart {
        description: description.to_owned(),
        bars,
        suppressed: t(lang, "analysis-suppressed").to_owned(),
        axis: t(lang, "analysis-axis-people").to_owned(),
        width: CHART_WIDTH,
        format: fmt::counter(lang),
    })
}

pub(super) fn audience_notice(lang: Lang, f: &Findings) -> Markup {
    match f.audience {
        Audience::Internal => html! {
            p.notice-warn.audience-notice { (t(lang, "analysis-notice-internal")) }
        },
        audience => html! {
            p.audience-notice {
                (t(lang, if audience == Audience::Coalition {
                    "analysis-notice-coalition"
                } else {
                    "analysis-notice-public"
                }))
                " " (tr!(lang, "analysis-notice-suppressed", count = f.min_count))
            }
        },
    }
}

pub(super) fn headline(lang: Lang, f: &Findings) -> Markup {
    let p = &f.population;
    let card = |key: &'static str, c: Cell| {
        html! { div.card { span.count { (count(lang, c)) } span.label { (t(lang, key)) } } }
    };
    html! {
        section.cards aria-label=(t(lang, "analysis-who")) {
            (card("analysis-people-counted", p.people))
            (card("analysis-people-targeted", p.people_targeted))
            (card("analysis-enforcement-actions", p.enforcement_actions))
            (card("analysis-protected-activities", p.protected_activities))
        }
    }
}

pub(super) fn timing(lang: Lang, f: &Findings) -> Markup {
    let own = &f.proximity;
    let group = &f.group_proximity;
    let people_bars: Vec<(String, Cell)> = INTERVALS
        .iter()
        .map(|code| {
            (
                interval_label(lang, code, true).to_owned(),
                f.people_by_interval.get(code),
            )
        })
        .collect();
    let chart = bar(lang, t(lang, "analysis-chart-intervals-desc"), people_bars);
    let quartiles = |p: &testimonio_report::findings::PublishedProximity| match &p.days {
        Some(q) => {
            let median = html! { strong { (days_text(lang, q.median.round() as u64)) } };
            let pairs = count(lang, Cell::Shown(q.n));
            let (q1, q3) = (fmt::decimal(lang, q.q1, 1), fmt::decimal(lang, q.q3, 1));
            let text = match (q.min, q.max) {
                (Some(min), Some(max)) => tr!(
                    lang,
                    "analysis-quartiles-range",
                    median = slot(0),
                    q1 = q1,
                    q3 = q3,
                    min = fmt::decimal(lang, min, 0),
                    max = fmt::decimal(lang, max, 0),
                    pairs = slot(1),
                    n = q.n
                ),
                _ => tr!(
                    lang,
                    "analysis-quartiles",
                    median = slot(0),
                    q1 = q1,
                    q3 = q3,
                    pairs = slot(1),
                    n = q.n
                ),
            };
            rich(&text, &[median, pairs])
        }
        None => html! { (t(lang, "analysis-quartiles-withheld")) },
    };
    html! {
        section #timing aria-labelledby="timing-title" {
            h2 #timing-title { (t(lang, "analysis-timing")) }
            @if own.pairs.is_suppressed() {
                p { (t(lang, "analysis-timing-suppressed")) }
            } @else {
                p.hint { (t(lang, "analysis-timing-hint")) }
                section.cards.windows aria-label=(t(lang, "analysis-timing")) {
                    @for w in &own.within {
                        div.card.window {
                            span.count { @match w.share {
                                Some(s) => (fmt::percent(lang, s)),
                                None => (count(lang, w.count)),
                            } }
                            span.label { (within_text(lang, w.days)) }
                            span.detail {
                                (rich(
                                    &tr!(lang, "analysis-count-of-pairs", count = slot(0), total = slot(1)),
                                    &[count(lang, w.count), count(lang, w.denominator)],
                                ))
                            }
                        }
                    }
                }
            }
            div.scroll {
                table.analysis.windows {
                    caption { (t(lang, "analysis-windows-caption")) }
                    thead { tr {
                        th scope="col" { (t(lang, "analysis-window")) }
                        th.num scope="col" { (t(lang, "analysis-after-own")) }
                        th.num scope="col" { (t(lang, "analysis-share")) }
                        th.num scope="col" { (t(lang, "analysis-after-group")) }
                        th.num scope="col" { (t(lang, "analysis-share")) }
                    } }
                    tbody {
                        @for (o, g) in own.within.iter().zip(&group.within) {
                            tr {
                                th scope="row" { (within_text(lang, o.days)) }
                                (count_cell(lang, o.count))
                                td.num { (share_text(lang, o.share)) }
                                (count_cell(lang, g.count))
                                td.num { (share_text(lang, g.share)) }
                            }
                        }
                    }
                    tfoot { tr {
                        th scope="row" { (t(lang, "analysis-all-pairs")) }
                        (count_cell(lang, own.pairs))
                        td.num { (share_text(lang, (!own.pairs.is_suppressed()).then_some(1.0))) }
                        (count_cell(lang, group.pairs))
                        td.num { (share_text(lang, (!group.pairs.is_suppressed()).then_some(1.0))) }
                    } }
                }
            }
            p.hint { (t(lang, "analysis-group-note")) }
            ul.quartiles {
                li { strong { (t(lang, "analysis-after-own")) } ": " (quartiles(own)) }
                li { strong { (t(lang, "analysis-after-group")) } ": " (quartiles(group)) }
                li { (t(lang, "analysis-imprecise")) ": " (count(lang, own.imprecise)) }
            }
            (figure(&chart, "fig-intervals", t(lang, "analysis-chart-intervals"), html! {
                details.figure-data {
                    summary { (t(lang, "analysis-as-table")) }
                    (interval_table(lang, t(lang, "analysis-chart-intervals"), t(lang, "analysis-people"), &f.people_by_interval, true))
                    (interval_table(lang, t(lang, "analysis-pairs-by-interval"), t(lang, "analysis-pairs"), &own.intervals, false))
                }
            }))
        }
    }
}

pub(super) fn chance(lang: Lang, f: &Findings) -> Markup {
    html! {
        section #chance aria-labelledby="chance-title" {
            h2 #chance-title { (t(lang, "analysis-chance")) }
            @match &f.chance {
                ChanceTest::Done(r) => {
                    p.p-value {
                        (rich(
                            &tr!(
                                lang,
                                "analysis-chance-result",
                                p = slot(0),
                                permutations = r.permutations,
                                seed = r.seed.to_string()
                            ),
                            &[html! { strong { (fmt::p_equation(lang, r.p_value)) } }],
                        ))
                    }
                    p {
                        (rich(
                            &tr!(
                                lang,
                                "analysis-chance-means",
                                observed = slot(0),
                                null = fmt::decimal(lang, r.null_mean_days, 1),
                                low = fmt::decimal(lang, r.null_percentile_2_5, 1),
                                high = fmt::decimal(lang, r.null_percentile_97_5, 1),
                                cap = days_text(lang, u64::from(r.cap_days)),
                                pairs = slot(1),
                                people = slot(2)
                            ),
                            &[
                                html! { strong { (fmt::decimal(lang, r.observed_mean_days, 1)) } },
                                count(lang, r.pairs),
                                count(lang, r.people),
                            ],
                        ))
                    }
                    h3 { (t(lang, "analysis-method")) }
                    p.method { (r.method.get(lang)) }
                },
                ChanceTest::NothingToTest => p { (t(lang, "analysis-nothing-to-test")) },
                ChanceTest::Withheld => p { (t(lang, "analysis-chance-withheld")) },
            }
        }
    }
}

fn concentration_cards(lang: Lang, f: &Findings) -> Markup {
    let largest = |c: &Concentration| match &c.largest {
        Some(l) => html! {
            span.count { (fmt::percent(lang, l.share)) }
            span.label { (t(lang, "analysis-largest-office")) }
            span.detail { (rich(
                &tr!(
                    lang,
                    "analysis-largest-detail",
                    office = office_label(&l.label, lang),
                    count = slot(0),
                    n = l.count
                ),
                &[count(lang, Cell::Shown(l.count))],
            )) }
        },
        None => html! {
            span.count { "—" }
            span.label { (t(lang, "analysis-largest-office")) }
            span.detail { (t(lang, if c.distinct > 0 { "analysis-not-published" } else { "analysis-nobody" })) }
        },
    };
    html! {
        section.cards aria-label=(t(lang, "analysis-spread")) {
            div.card {
                span.count { (format_number(lang, f.offices.distinct)) }
                span.label { (t(lang, "analysis-field-offices")) }
            }
            div.card {
                span.count { (format_number(lang, f.states.distinct)) }
                span.label { (t(lang, "analysis-states")) }
            }
            div.card { (largest(&f.offices)) }
            div.card {
                span.count { (f.offices.hhi.map_or_else(|| "—".to_owned(), |h| fmt::decimal(lang, h, 2))) }
                span.label { (t(lang, "analysis-hhi")) }
                span.detail { (t(lang, if f.offices.hhi.is_some() { "analysis-hhi-hint" } else { "analysis-not-published" })) }
            }
        }
    }
}

pub(super) fn geography(lang: Lang, f: &Findings) -> Markup {
    let states: Vec<(UsState, Cell)> = f
        .by_state
        .entries()
        .filter_map(|(code, c)| UsState::parse("state", code).ok().map(|s| (s, c)))
        .collect();
    let map = tile_map(&TileMap {
        description: t(lang, "analysis-map-desc").to_owned(),
        states,
        suppressed: t(lang, "analysis-suppressed").to_owned(),
        none: t(lang, "analysis-none-documented").to_owned(),
        format: fmt::counter(lang),
        width: CHART_WIDTH,
        min_shown: if f.audience == Audience::Internal {
            1
        } else {
            f.min_count
        },
    });
    html! {
        section #where aria-labelledby="where-title" {
            h2 #where-title { (t(lang, "analysis-where")) }
            p.hint { (t(lang, "analysis-spread-hint")) }
            (concentration_cards(lang, f))
            (figure(&map, "fig-map", t(lang, "analysis-map"), html! {}))
            (people_table(lang, "by-state", t(lang, "analysis-by-state"), t(lang, "analysis-state"), &f.by_state, |c| state_label(c, lang)))
            (people_table(lang, "by-office", t(lang, "analysis-by-office"), t(lang, "analysis-field-office"), &f.by_field_office, |c| office_label(c, lang)))
        }
    }
}

pub(super) fn over_time(lang: Lang, f: &Findings) -> Markup {
    let mut years: Vec<(String, Cell)> = f
        .by_year
        .entries()
        .map(|(y, c)| (unknown_or(lang, y, str::to_owned), c))
        .collect();
    years.sort_by(|a, b| a.0.cmp(&b.0));
    let chart = bar(lang, t(lang, "analysis-chart-years-desc"), years);
    html! {
        section #time aria-labelledby="time-title" {
            h2 #time-title { (t(lang, "analysis-over-time")) }
            (figure(&chart, "fig-years", t(lang, "analysis-chart-years"), html! {
                details.figure-data {
                    summary { (t(lang, "analysis-as-table")) }
                    (people_table(lang, "by-year", t(lang, "analysis-chart-years"), t(lang, "analysis-year"), &f.by_year, str::to_owned))
                }
            }))
            (people_table(lang, "by-type", t(lang, "analysis-by-type"), t(lang, "analysis-type"), &f.by_type, |c| type_label(c, lang)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_labels_exist_for_every_category() {
        for code in INTERVALS {
            for lang in [Lang::En, Lang::Es] {
                assert!(!interval_label(lang, code, true).is_empty());
                assert!(!interval_label(lang, code, false).is_empty());
            }
        }
        assert_ne!(
            interval_label(Lang::En, "none", true),
            interval_label(Lang::En, "none", false)
        );
    }
}
