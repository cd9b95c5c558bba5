//! The sections of figures: timing, geography, over time and by type.

use testimonio_analysis::Cell;
use testimonio_domain::UsState;
use testimonio_i18n::tr;

use super::{CHART_WIDTH, Composer, count_cell, office_label, state_label, type_label};
use crate::chart::{TileMap, tile_map};
use crate::doc::{Block, Figure, Span, Table, TableCell};
use crate::findings::{Concentration, INTERVALS, PublishedProximity};
use crate::fmt;

impl Composer<'_> {
    pub(super) fn timing(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-timing"));
        let bars: Vec<(String, Cell)> = INTERVALS
            .iter()
            .map(|code| {
                (
                    self.interval_label(code, true),
                    f.people_by_interval.get(code),
                )
            })
            .collect();
        self.bar_figure(
            tr!(lang, "report-figure-intervals"),
            tr!(lang, "report-figure-intervals-desc"),
            bars,
        );
        let caption = self.table_caption(tr!(lang, "report-table-windows"));
        let share = |s: Option<f64>| s.map_or_else(|| "—".to_owned(), |s| fmt::percent(lang, s));
        let whole = |c: Cell| share((!c.is_suppressed()).then_some(1.0));
        let mut rows: Vec<Vec<TableCell>> = Vec::new();
        for (own, group) in f.proximity.within.iter().zip(&f.group_proximity.within) {
            rows.push(vec![
                TableCell::text(tr!(
                    lang,
                    "report-within",
                    days = fmt::days(lang, u64::from(own.days))
                )),
                count_cell(lang, own.count),
                TableCell::text(share(own.share)),
                count_cell(lang, group.count),
                TableCell::text(share(group.share)),
            ]);
        }
        rows.push(vec![
            TableCell::text(tr!(lang, "report-all-pairs")),
            count_cell(lang, f.proximity.pairs),
            TableCell::text(whole(f.proximity.pairs)),
            count_cell(lang, f.group_proximity.pairs),
            TableCell::text(whole(f.group_proximity.pairs)),
        ]);
        self.blocks.push(Block::Table(Table {
            caption,
            header: vec![
                tr!(lang, "report-col-window").to_owned(),
                tr!(lang, "report-col-after-own").to_owned(),
                tr!(lang, "report-col-share").to_owned(),
                tr!(lang, "report-col-after-group").to_owned(),
                tr!(lang, "report-col-share").to_owned(),
            ],
            numeric: vec![false, true, true, true, true],
            rows,
            total_row: true,
            note: Some(tr!(lang, "report-windows-note").to_owned()),
        }));
        let mut spans = Vec::new();
        for (label, p) in [
            (tr!(lang, "report-label-own"), &f.proximity),
            (tr!(lang, "report-label-group"), &f.group_proximity),
        ] {
            spans.push(Span::plain(format!("{} ", self.quartiles(label, p))));
        }
        spans.push(Span::plain(tr!(
            lang,
            "report-imprecise",
            count = self.cell(f.proximity.imprecise)
        )));
        self.para(spans);
    }

    fn quartiles(&self, label: &str, p: &PublishedProximity) -> String {
        let lang = self.lang;
        let Some(q) = &p.days else {
            return tr!(lang, "report-quartiles-withheld", label = label);
        };
        let median = fmt::days(lang, q.median.round() as u64);
        let (q1, q3) = (fmt::decimal(lang, q.q1, 1), fmt::decimal(lang, q.q3, 1));
        match (q.min, q.max) {
            (Some(min), Some(max)) => tr!(
                lang,
                "report-quartiles-range",
                label = label,
                median = median,
                q1 = q1,
                q3 = q3,
                min = fmt::decimal(lang, min, 0),
                max = fmt::days(lang, max as u64),
                count = q.n
            ),
            _ => tr!(
                lang,
                "report-quartiles",
                label = label,
                median = median,
                q1 = q1,
                q3 = q3,
                count = q.n
            ),
        }
    }

    pub(super) fn geography(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-where"));
        let states: Vec<(UsState, Cell)> = f
            .by_state
            .entries()
            .filter_map(|(code, c)| UsState::parse("state", code).ok().map(|s| (s, c)))
            .collect();
        let caption = self.figure_caption(tr!(lang, "report-figure-states"));
        let drawing = tile_map(&TileMap {
            description: tr!(lang, "report-map-desc").to_owned(),
            states,
            suppressed: fmt::suppressed(lang).to_owned(),
            none: tr!(lang, "report-map-none").to_owned(),
            format: fmt::counter(lang),
            width: CHART_WIDTH,
            min_shown: if self.internal() { 1 } else { f.min_count },
        });
        self.blocks.push(Block::Figure(Figure { caption, drawing }));
        let unknown = f.by_state.get("unknown");
        if unknown != Cell::Shown(0) {
            self.text(tr!(lang, "report-no-state", count = self.cell(unknown)));
        }
        let caption = self.table_caption(tr!(lang, "report-table-offices"));
        let table = self.people_table(
            caption,
            tr!(lang, "report-col-office"),
            &f.by_field_office,
            |code| office_label(code, lang),
        );
        self.blocks.push(table);
        self.concentration_paragraph();
    }

    fn concentration_paragraph(&mut self) {
        let lang = self.lang;
        let f = self.f;
        let describe = |c: &Concentration, what: String, label: &dyn Fn(&str) -> String| {
            let mut parts = vec![what];
            if let Some(l) = &c.largest {
                parts.push(tr!(
                    lang,
                    "report-concentration-largest",
                    label = label(&l.label),
                    count = l.count,
                    share = fmt::percent(lang, l.share)
                ));
            }
            if let Some(h) = c.hhi {
                parts.push(tr!(
                    lang,
                    "report-concentration-hhi",
                    hhi = fmt::decimal(lang, h, 2)
                ));
            }
            parts.join("; ")
        };
        let offices = describe(
            &f.offices,
            tr!(
                lang,
                "report-concentration-offices",
                distinct = f.offices.distinct
            ),
            &|c| office_label(c, lang),
        );
        let states = describe(
            &f.states,
            tr!(
                lang,
                "report-concentration-states",
                distinct = f.states.distinct
            ),
            &|c| state_label(c, lang),
        );
        self.text(format!("{offices}. {states}."));
    }

    pub(super) fn over_time(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-over-time"));
        let mut years: Vec<(String, Cell)> = f
            .by_year
            .entries()
            .map(|(y, c)| {
                let label = if y == "unknown" {
                    tr!(lang, "report-unknown")
                } else {
                    y
                };
                (label.to_owned(), c)
            })
            .collect();
        years.sort_by(|a, b| a.0.cmp(&b.0));
        self.bar_figure(
            tr!(lang, "report-figure-years"),
            tr!(lang, "report-figure-years-desc"),
            years,
        );
        let caption = self.table_caption(tr!(lang, "report-table-types"));
        let table = self.people_table(caption, tr!(lang, "report-col-type"), &f.by_type, |code| {
            type_label(code, lang)
        });
        self.blocks.push(table);
    }
}
