//! Methodology: sources and consent, the methods, disclosure control.

use testimonio_analysis::Audience;
use testimonio_i18n::tr;

use super::Composer;
use crate::findings::ChanceTest;
use crate::fmt;

impl Composer<'_> {
    pub(super) fn methodology(&mut self) {
        let lang = self.lang;
        let f = self.f;
        self.heading(1, tr!(lang, "report-methodology"));
        self.heading(2, tr!(lang, "report-sources"));
        let rule = match f.audience {
            Audience::Internal => tr!(lang, "report-consent-internal"),
            Audience::Coalition => tr!(lang, "report-consent-coalition"),
            Audience::Public => tr!(lang, "report-consent-public"),
        };
        self.text(format!(
            "{} {rule}",
            tr!(lang, "report-sources-text", date = fmt::day(lang, f.as_of))
        ));
        self.text(tr!(lang, "report-roles-text"));
        self.heading(2, tr!(lang, "report-timing-heading"));
        self.text(f.proximity.method.get(lang).to_owned());
        self.text(tr!(lang, "report-timing-pairs-note"));
        self.heading(2, tr!(lang, "report-chance-heading"));
        match &f.chance {
            ChanceTest::Done(t) => self.text(t.method.get(lang).to_owned()),
            _ => self.text(tr!(lang, "report-chance-not-run")),
        }
        self.heading(2, tr!(lang, "report-place-heading"));
        self.text(tr!(lang, "report-place-text"));
        self.heading(2, tr!(lang, "report-disclosure-heading"));
        if self.internal() {
            self.text(tr!(lang, "report-disclosure-internal"));
            return;
        }
        self.text(tr!(
            lang,
            "report-disclosure-suppressed",
            max = f.min_count - 1
        ));
        let vignettes = match f.audience {
            Audience::Coalition => tr!(lang, "report-disclosure-vignettes-coalition"),
            _ => tr!(lang, "report-disclosure-vignettes-public"),
        };
        self.text(format!(
            "{} {vignettes}",
            tr!(lang, "report-disclosure-quartiles", count = f.min_count)
        ));
        self.text(tr!(lang, "report-disclosure-limits"));
    }
}
