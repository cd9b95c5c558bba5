//! The case vignettes and the data appendix.

use testimonio_domain::{EventKind, Vocabulary};
use testimonio_i18n::tr;

use super::{Composer, audience_name, state_label};
use crate::doc::{Block, Span, Table, TableCell};
use crate::findings::{ChanceTest, Vignette};
use crate::fmt;
use testimonio_analysis::Audience;

impl Composer<'_> {
    pub(super) fn cases(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-cases"));
        self.text(match f.audience {
            Audience::Internal => tr!(lang, "report-cases-internal"),
            Audience::Coalition => tr!(lang, "report-cases-coalition"),
            Audience::Public => tr!(lang, "report-cases-public"),
        });
        if f.vignettes.is_empty() {
            self.text(tr!(lang, "report-cases-none"));
        }
        for v in &f.vignettes {
            self.vignette(v);
        }
    }

    fn vignette(&mut self, v: &Vignette) {
        let lang = self.lang;
        let heading = match &v.person {
            Some(id) => format!("{} ({id})", v.pseudonym),
            None => v.pseudonym.clone(),
        };
        self.heading(3, heading);
        if let Some(d) = v.closest_days {
            self.para(vec![Span::italic(tr!(
                lang,
                "report-vignette-closest",
                days = fmt::days(lang, u64::from(d))
            ))]);
        }
        let mut items: Vec<Vec<Span>> = Vec::new();
        for step in &v.steps {
            // "3 May 2019 — Arrest (enforcement; target; Texas; field
            // office San Antonio; e-12)": the facts in a list.
            let mut facts = vec![
                match step.kind {
                    EventKind::ProtectedActivity => tr!(lang, "report-kind-protected"),
                    EventKind::EnforcementAction => tr!(lang, "report-kind-enforcement"),
                }
                .to_owned(),
                step.role.label(lang).to_lowercase(),
            ];
            if let Some(state) = step.state {
                facts.push(state.name(lang).to_owned());
            }
            if let Some(office) = step.field_office {
                facts.push(tr!(lang, "report-step-office", office = office.name(lang)));
            }
            if let Some(id) = &step.event {
                facts.push(id.to_string());
            }
            let s = format!(
                "{} — {} ({})",
                fmt::date(lang, &step.date),
                step.event_type.label(lang),
                facts.join("; ")
            );
            let mut spans = vec![Span::plain(s)];
            if let Some(d) = step.days_since_activity {
                spans.push(Span::plain(", "));
                spans.push(Span::bold(tr!(
                    lang,
                    "report-step-after",
                    days = fmt::days(lang, u64::from(d))
                )));
            }
            spans.push(Span::plain("."));
            items.push(spans);
            if step.narrative.is_some() || !step.exhibits.is_empty() {
                self.blocks.push(Block::Bullets(std::mem::take(&mut items)));
            }
            if let Some(n) = &step.narrative {
                self.blocks.push(Block::Quote(n.clone()));
            }
            if !step.exhibits.is_empty() {
                let cites: Vec<&str> = step.exhibits.iter().map(|e| e.citation.as_str()).collect();
                self.para(vec![
                    Span::italic(format!("{}: ", tr!(lang, "report-exhibits"))),
                    Span::plain(cites.join("; ")),
                ]);
            }
        }
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
        for t in &v.testimonies {
            let mut label = tr!(lang, "report-testimony", date = fmt::date(lang, &t.date));
            if let Some(id) = &t.id {
                label = format!("{label} ({id})");
            }
            self.para(vec![Span::italic(label)]);
            self.blocks.push(Block::Quote(t.account.clone()));
        }
    }

    pub(super) fn appendix(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-appendix"));
        self.text(tr!(lang, "report-appendix-intro"));
        let caption = self.appendix_caption(tr!(lang, "report-appendix-states"));
        let t = self.people_table(caption, tr!(lang, "report-col-state"), &f.by_state, |c| {
            state_label(c, lang)
        });
        self.blocks.push(t);
        let caption = self.appendix_caption(tr!(lang, "report-appendix-years"));
        let t = self.people_table(caption, tr!(lang, "report-col-year"), &f.by_year, |c| {
            if c == "unknown" {
                tr!(lang, "report-unknown").to_owned()
            } else {
                c.to_owned()
            }
        });
        self.blocks.push(t);
        for (caption, column, list, people) in [
            (
                tr!(lang, "report-appendix-intervals"),
                tr!(lang, "report-col-people"),
                &f.people_by_interval,
                true,
            ),
            (
                tr!(lang, "report-appendix-pairs"),
                tr!(lang, "report-col-pairs"),
                &f.proximity.intervals,
                false,
            ),
        ] {
            let caption = self.appendix_caption(caption);
            let rows = self.interval_rows(list, people);
            self.blocks.push(Block::Table(Table {
                caption,
                header: vec![
                    tr!(lang, "report-col-interval").to_owned(),
                    column.to_owned(),
                ],
                numeric: vec![false, true],
                rows,
                total_row: true,
                note: None,
            }));
        }
        self.parameters();
    }

    fn parameters(&mut self) {
        let lang = self.lang;
        let f = self.f;
        let caption = self.appendix_caption(tr!(lang, "report-parameters"));
        let (perms, seed, cap) = match &f.chance {
            ChanceTest::Done(t) => (
                fmt::count(lang, u64::from(t.permutations)),
                t.seed.to_string(),
                fmt::days(lang, u64::from(t.cap_days)),
            ),
            _ => ("—".into(), "—".into(), "—".into()),
        };
        let row = |name: &str, value: String| vec![TableCell::text(name), TableCell::text(value)];
        let rows = vec![
            row(
                tr!(lang, "report-param-audience"),
                audience_name(f.audience, lang).to_owned(),
            ),
            row(
                tr!(lang, "report-param-min"),
                if self.internal() {
                    tr!(lang, "report-param-no-suppression").to_owned()
                } else {
                    fmt::count(lang, f.min_count)
                },
            ),
            row(tr!(lang, "report-param-as-of"), fmt::day(lang, f.as_of)),
            row(tr!(lang, "report-param-permutations"), perms),
            row(tr!(lang, "report-param-seed"), seed),
            row(tr!(lang, "report-param-cap"), cap),
            row(
                tr!(lang, "report-param-vocabulary"),
                format!("v{}", Vocabulary::get().version),
            ),
            row(
                tr!(lang, "report-param-software"),
                format!("Testimonio {}", env!("CARGO_PKG_VERSION")),
            ),
        ];
        self.blocks.push(Block::Table(Table {
            caption,
            header: vec![
                tr!(lang, "report-col-parameter").to_owned(),
                tr!(lang, "report-col-value").to_owned(),
            ],
            numeric: vec![false, false],
            rows,
            total_row: false,
            note: None,
        }));
    }
}
