//! A person's timeline as an inline SVG, built as text: protected activity
//! above a horizontal date axis, enforcement actions below it, and for each
//! enforcement action a labelled connector from the most recent earlier
//! protected activity with the number of days between them.
//!
//! No script, no external asset, no inline CSS (the CSP forbids it): only
//! SVG presentation attributes. Every text is XML-escaped. The width is a
//! `viewBox`, so the drawing scales down to a phone.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use testimonio_domain::{EventKind, Lang, PartialDate};
use testimonio_i18n::tr;

/// Width of the drawing in user units.
const WIDTH: f64 = 520.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 28.0;
/// Half the size of a marker.
const R: f64 = 10.0;
/// Vertical distance between two lanes of markers.
const LANE: f64 = 26.0;
/// Distance from the axis to the nearest lane.
const GAP: f64 = 30.0;
const MAX_LANES: usize = 8;
/// Rough width of one character of the 12-unit label font.
const CHAR_WIDTH: f64 = 6.6;

const INK: &str = "#1b1b1b";
const MUTED: &str = "#4a4a4a";
const GRID: &str = "#d9d9d9";
const PROTECTED: &str = "#1d6b3a";
const ENFORCEMENT: &str = "#9b1c1c";
/// A white outline that keeps labels readable over connectors.
const HALO: &str = "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

/// One event on the timeline.
#[derive(Debug, Clone)]
pub struct Item {
    /// The number drawn on the marker and used in the text list (1-based).
    pub number: usize,
    pub kind: EventKind,
    pub date: PartialDate,
    /// The marker's tooltip: date and type, in the user's language.
    pub label: String,
}

/// The texts of the drawing, in the user's language.
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The language of the lag labels ("34 days after #2").
    pub lang: Lang,
}

/// An enforcement action's distance from the most recent earlier protected
/// activity of the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lag {
    /// Index (in the items given) of that protected activity.
    pub after: usize,
    pub days: i64,
}

/// For each item: `None` for protected activities and for enforcement
/// actions with no earlier protected activity; otherwise the lag. Dates
/// are compared by their midpoints, so a month counts as its middle day.
pub fn lags(items: &[Item]) -> Vec<Option<Lag>> {
    items
        .iter()
        .map(|item| {
            if item.kind != EventKind::EnforcementAction {
                return None;
            }
            let at = item.date.midpoint();
            items
                .iter()
                .enumerate()
                .filter(|(_, p)| p.kind == EventKind::ProtectedActivity && p.date.midpoint() < at)
                .max_by_key(|(i, p)| (p.date.midpoint(), *i))
                .map(|(i, p)| Lag {
                    after: i,
                    days: (at - p.date.midpoint()).num_days(),
                })
        })
        .collect()
}

/// "34 days after #2" / "34 días después de #2".
pub fn lag_text(labels: &Labels<'_>, days: i64, number: usize) -> String {
    tr!(labels.lang, "timeline-lag", count = days, number = number)
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{22}' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Where each marker goes.
struct Placed {
    x: f64,
    lane: usize,
    /// The lag label is drawn left of the marker (near the right edge).
    label_left: bool,
}

fn first_day(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Puts markers of one kind in lanes so that neither markers nor their
/// labels overlap (up to [`MAX_LANES`]; beyond that, the emptiest lane).
fn place_lanes(
    items: &[Item],
    xs: &[f64],
    label_widths: &[f64],
    kind: EventKind,
) -> Vec<Option<Placed>> {
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].kind == kind)
        .collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]).then(a.cmp(&b)));
    let mut lanes: Vec<f64> = Vec::new();
    let mut placed: Vec<Option<Placed>> = (0..items.len()).map(|_| None).collect();
    for i in order {
        let x = xs[i];
        let width = label_widths[i];
        let label_left = width > 0.0 && x + R + width > WIDTH - 4.0;
        let (from, to) = if label_left {
            (x - R - width, x + R)
        } else {
            (x - R, x + R + width)
        };
        let lane = match lanes.iter().position(|&until| until + 4.0 <= from) {
            Some(l) => l,
            None if lanes.len() < MAX_LANES => {
                lanes.push(f64::MIN);
                lanes.len() - 1
            }
            None => lanes
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(l, _)| l),
        };
        lanes[lane] = lanes[lane].max(to);
        placed[i] = Some(Placed {
            x,
            lane,
            label_left,
        });
    }
    placed
}

/// The timeline as an `<svg>` element. Empty items give an empty string.
pub fn svg(items: &[Item], labels: &Labels<'_>) -> String {
    if items.is_empty() {
        return String::new();
    }
    let lags = lags(items);
    let midpoints: Vec<NaiveDate> = items.iter().map(|i| i.date.midpoint()).collect();
    let min_year = midpoints.iter().map(Datelike::year).min().unwrap_or(2000);
    let max_year = midpoints.iter().map(Datelike::year).max().unwrap_or(2000);
    let start = first_day(min_year);
    let end = first_day(max_year + 1);
    let span = (end - start).num_days().max(1) as f64;
    let x_of = |d: NaiveDate| LEFT + (d - start).num_days() as f64 / span * (WIDTH - LEFT - RIGHT);
    let xs: Vec<f64> = midpoints.iter().map(|d| x_of(*d)).collect();
    let texts: Vec<Option<String>> = lags
        .iter()
        .map(|lag| lag.map(|l| lag_text(labels, l.days, items[l.after].number)))
        .collect();
    let widths: Vec<f64> = texts
        .iter()
        .map(|t| {
            t.as_ref()
                .map_or(0.0, |t| 6.0 + t.chars().count() as f64 * CHAR_WIDTH)
        })
        .collect();
    let above = place_lanes(items, &xs, &widths, EventKind::ProtectedActivity);
    let below = place_lanes(items, &xs, &widths, EventKind::EnforcementAction);
    let lanes_of = |placed: &[Option<Placed>]| {
        placed
            .iter()
            .flatten()
            .map(|p| p.lane + 1)
            .max()
            .unwrap_or(1)
    };
    let (lanes_above, lanes_below) = (lanes_of(&above), lanes_of(&below));
    let axis = 12.0 + R + (lanes_above - 1) as f64 * LANE + GAP;
    let y_above = |lane: usize| axis - GAP - lane as f64 * LANE;
    let y_below = |lane: usize| axis + GAP + lane as f64 * LANE;
    let years_y = y_below(lanes_below - 1) + R + 24.0;
    let height = years_y + 8.0;

    let mut s = String::new();
    let description = xml_escape(labels.description);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" \
         role=\"img\" aria-label=\"{description}\" preserveAspectRatio=\"xMidYMid meet\">\
         <title>{}</title><desc>{description}</desc>",
        xml_escape(labels.title),
    );

    // Year grid and labels: at most about ten labels.
    let years = (max_year + 1 - min_year) as usize;
    let step = years.div_ceil(10).max(1);
    s.push_str("<g class=\"tl-years\">");
    for year in (min_year..=max_year + 1).step_by(step) {
        let x = x_of(first_day(year));
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"6\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{x:.1}\" y=\"{years_y:.1}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{INK}\">{year}</text>",
            years_y - 16.0
        );
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        "<line class=\"tl-axis\" x1=\"{LEFT:.1}\" y1=\"{axis:.1}\" x2=\"{:.1}\" y2=\"{axis:.1}\" stroke=\"{INK}\" stroke-width=\"2\"/>",
        WIDTH - RIGHT
    );

    let position = |i: usize| -> (f64, f64) {
        match (&above[i], &below[i]) {
            (Some(p), _) => (p.x, y_above(p.lane)),
            (_, Some(p)) => (p.x, y_below(p.lane)),
            _ => (xs[i], axis),
        }
    };

    // Connectors first, so that markers are drawn over them.
    s.push_str("<g class=\"tl-connectors\">");
    for (i, lag) in lags.iter().enumerate() {
        if let Some(lag) = lag {
            let (x1, y1) = position(lag.after);
            let (x2, y2) = position(i);
            let _ = write!(
                s,
                "<line x1=\"{x1:.1}\" y1=\"{:.1}\" x2=\"{x2:.1}\" y2=\"{:.1}\" stroke=\"{MUTED}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>",
                y1 + R,
                y2 - R
            );
        }
    }
    s.push_str("</g>");

    for (i, item) in items.iter().enumerate() {
        let (x, y) = position(i);
        let protected = item.kind == EventKind::ProtectedActivity;
        let (class, color) = if protected {
            ("tl-protected", PROTECTED)
        } else {
            ("tl-enforcement", ENFORCEMENT)
        };
        let _ = write!(
            s,
            "<g class=\"{class}\"><title>#{} {}</title>\
             <line x1=\"{x:.1}\" y1=\"{axis:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"{color}\" stroke-width=\"1\"/>",
            item.number,
            xml_escape(&item.label)
        );
        if protected {
            let _ = write!(
                s,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{R:.0}\" fill=\"{color}\"/>"
            );
        } else {
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.0}\" height=\"{:.0}\" fill=\"{color}\"/>",
                x - R,
                y - R,
                2.0 * R,
                2.0 * R
            );
        }
        let _ = write!(
            s,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\">{}</text>",
            y + 4.0,
            item.number
        );
        if let (Some(text), Some(p)) = (&texts[i], &below[i]) {
            let (tx, anchor) = if p.label_left {
                (x - R - 4.0, "end")
            } else {
                (x + R + 4.0, "start")
            };
            let _ = write!(
                s,
                "<text class=\"tl-days\" x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"{INK}\" {HALO}>{}</text>",
                y + 4.0,
                xml_escape(text)
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: Labels<'static> = Labels {
        title: "Timeline <script>alert(1)</script>",
        description: "Protected \u{22}above\u{22} & enforcement below",
        lang: Lang::En,
    };

    fn item(number: usize, kind: EventKind, date: &str, label: &str) -> Item {
        Item {
            number,
            kind,
            date: PartialDate::parse("date", date).unwrap(),
            label: label.to_owned(),
        }
    }

    fn fixture() -> Vec<Item> {
        use EventKind::{EnforcementAction as E, ProtectedActivity as P};
        vec![
            item(1, P, "2019-03-01", "Protest"),
            item(2, P, "2019-04-10", "Press <script>alert('x')</script>"),
            item(3, E, "2019-05-14", "Detention"),
            item(4, E, "2019-05-15", "Notice to appear"),
            item(5, P, "2020-01", "Vigil"),
            item(6, E, "2020-01", "Same month: not after"),
            item(7, E, "2018-12-31", "Before any activity"),
        ]
    }

    #[test]
    fn days_after_the_most_recent_earlier_protected_activity() {
        let lags = lags(&fixture());
        assert_eq!(lags[0], None);
        assert_eq!(lags[1], None);
        // 2019-04-10 → 2019-05-14: 34 days, after item #2 (index 1).
        assert_eq!(lags[2], Some(Lag { after: 1, days: 34 }));
        assert_eq!(lags[3], Some(Lag { after: 1, days: 35 }));
        assert_eq!(lags[4], None);
        // Same midpoint as the vigil: the vigil is not earlier.
        assert_eq!(
            lags[5],
            Some(Lag {
                after: 1,
                days: 281
            })
        );
        assert_eq!(lags[6], None);
        assert_eq!(lag_text(&LABELS, 34, 2), "34 days after #2");
        assert_eq!(lag_text(&LABELS, 1, 2), "1 day after #2");
    }

    #[test]
    fn svg_escapes_every_text_and_has_no_script() {
        let svg = svg(&fixture(), &LABELS);
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("Press &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(svg.contains("aria-label=\"Protected &quot;above&quot; &amp; enforcement below\""));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title>Timeline &lt;script&gt;"));
        assert!(svg.contains(">34 days after #2</text>"));
        assert!(svg.contains(">2019</text>") && svg.contains(">2021</text>"));
        assert!(!svg.contains("style="));
        assert!(!svg.contains("href"));
    }

    #[test]
    fn protected_above_the_axis_enforcement_below() {
        let items = fixture();
        let svg = svg(&items, &LABELS);
        let axis_y: f64 = svg
            .split("class=\"tl-axis\"")
            .nth(1)
            .and_then(|rest| rest.split("y1=\"").nth(1))
            .and_then(|rest| rest.split('\u{22}').next())
            .unwrap()
            .parse()
            .unwrap();
        for circle in svg.split("<circle ").skip(1) {
            let cy: f64 = circle
                .split("cy=\"")
                .nth(1)
                .unwrap()
                .split('\u{22}')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(cy < axis_y);
        }
        for rect in svg.split("<rect ").skip(1) {
            let y: f64 = rect
                .split(" y=\"")
                .nth(1)
                .unwrap()
                .split('\u{22}')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(y > axis_y);
        }
        assert_eq!(svg.matches("<circle ").count(), 3);
        assert_eq!(svg.matches("<rect ").count(), 4);
    }

    #[test]
    fn nothing_to_draw() {
        assert_eq!(svg(&[], &LABELS), "");
    }
}
