//! The summary: who is counted, how soon, against chance, how spread out.

use testimonio_analysis::Cell;
use testimonio_i18n::tr;

use super::{Composer, office_label};
use crate::doc::{Block, Span};
use crate::findings::{ChanceTest, PublishedProximity};
use crate::fmt;

impl Composer<'_> {
    pub(super) fn summary(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-summary"));
        let mut items: Vec<Vec<Span>> = Vec::new();
        let p = &f.population;
        items.push(vec![Span::plain(tr!(
            lang,
            "report-summary-population",
            people = self.cell(p.people),
            targeted = self.cell(p.people_targeted),
            actions = self.cell(p.enforcement_actions),
            activities = self.cell(p.protected_activities)
        ))]);
        items.push(self.within_sentence(&f.proximity));
        if let Some(q) = &f.proximity.days {
            items.push(vec![Span::plain(tr!(
                lang,
                "report-summary-median",
                median = fmt::days(lang, q.median.round() as u64),
                q1 = fmt::decimal(lang, q.q1, 0),
                q3 = fmt::days(lang, q.q3.round() as u64)
            ))]);
        }
        items.push(self.chance_sentence());
        items.push(self.spread_sentence());
        self.blocks.push(Block::Bullets(items));
    }

    /// "Of 39 pairs …, **23 (59.0%) came within 30 days** of that person's
    /// own most recent protected activity, **… within 90 days** and
    /// **… within 180 days**."
    fn within_sentence(&self, p: &PublishedProximity) -> Vec<Span> {
        let lang = self.lang;
        let Cell::Shown(pairs) = p.pairs else {
            return vec![Span::plain(tr!(lang, "report-timing-suppressed"))];
        };
        let mut spans = vec![Span::plain(format!(
            "{} ",
            tr!(lang, "report-within-lead", pairs = pairs)
        ))];
        let last = p.within.len().saturating_sub(1);
        for (i, w) in p.within.iter().enumerate() {
            let days = fmt::days(lang, u64::from(w.days));
            let clause = match (i, w.count, w.share) {
                (0, Cell::Shown(c), Some(s)) => tr!(
                    lang,
                    "report-within-first",
                    count = c,
                    share = fmt::percent(lang, s),
                    days = days
                ),
                (0, _, _) => tr!(lang, "report-within-first-suppressed", days = days),
                (_, Cell::Shown(c), Some(s)) => tr!(
                    lang,
                    "report-within-more",
                    count = c,
                    share = fmt::percent(lang, s),
                    days = days
                ),
                _ => tr!(lang, "report-within-more-suppressed", days = days),
            };
            if i == 0 {
                spans.push(Span::bold(clause));
                spans.push(Span::plain(format!(" {}", tr!(lang, "report-within-own"))));
            } else {
                spans.push(Span::plain(if i == last {
                    format!(" {} ", tr!(lang, "report-and"))
                } else {
                    ", ".to_owned()
                }));
                spans.push(Span::bold(clause));
            }
        }
        spans.push(Span::plain("."));
        spans
    }

    fn chance_sentence(&self) -> Vec<Span> {
        let lang = self.lang;
        match &self.f.chance {
            ChanceTest::Done(t) => vec![
                Span::plain(format!(
                    "{} ",
                    tr!(
                        lang,
                        "report-chance-lead",
                        days = fmt::days(lang, t.observed_mean_days.round() as u64)
                    )
                )),
                Span::bold(fmt::p_equation(lang, t.p_value)),
                Span::plain(format!(
                    " {}",
                    tr!(
                        lang,
                        "report-chance-rest",
                        permutations = t.permutations,
                        seed = t.seed.to_string(),
                        days = fmt::days(lang, t.null_mean_days.round() as u64),
                        low = fmt::decimal(lang, t.null_percentile_2_5, 1),
                        high = fmt::decimal(lang, t.null_percentile_97_5, 1)
                    )
                )),
            ],
            ChanceTest::NothingToTest => {
                vec![Span::plain(tr!(lang, "report-chance-nothing"))]
            }
            ChanceTest::Withheld => vec![Span::plain(tr!(lang, "report-chance-withheld"))],
        }
    }

    fn spread_sentence(&self) -> Vec<Span> {
        let lang = self.lang;
        let f = self.f;
        let mut s = tr!(
            lang,
            "report-spread",
            states = f.states.distinct,
            offices = f.offices.distinct
        );
        match &f.offices.largest {
            Some(l) => {
                s.push(' ');
                s.push_str(&tr!(
                    lang,
                    "report-spread-largest",
                    office = office_label(&l.label, lang),
                    share = fmt::percent(lang, l.share)
                ));
                s.push(' ');
                match f.offices.hhi {
                    Some(h) => s.push_str(&tr!(
                        lang,
                        "report-spread-hhi",
                        hhi = fmt::decimal(lang, h, 2)
                    )),
                    None => s.push_str(tr!(lang, "report-spread-hhi-withheld")),
                }
            }
            None if f.offices.distinct > 0 => {
                s.push(' ');
                s.push_str(tr!(lang, "report-spread-largest-withheld"));
            }
            None => {}
        }
        vec![Span::plain(s)]
    }
}
