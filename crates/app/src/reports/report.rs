//! A pattern report, composed from findings, that leaves only audited.

use testimonio_domain::{Audience, Lang};
use testimonio_report::{Findings, Format};
use testimonio_vault::Vault;

use crate::{Actor, AppError, AppResult, act_as};

/// What the audit entry of a report records: static names and numbers
/// only, so no name or narrative can reach the log through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportCounts {
    pub min_count: u64,
    /// People counted, 0 when suppressed.
    pub people: u64,
    pub people_suppressed: bool,
    /// Case vignettes.
    pub cases: u64,
    /// Steps of the vignettes that carry a narrative.
    pub narratives: u64,
    /// Testimony accounts quoted in the vignettes.
    pub testimonies: u64,
}

/// A report made but not yet released: its bytes can only be had through
/// [`ComposedReport::release`], which writes the audit entry first.
#[derive(Debug)]
#[must_use = "a composed report leaves only through `release`"]
pub struct ComposedReport {
    bytes: Vec<u8>,
    format: Format,
    audience: Audience,
    lang: Lang,
    counts: ReportCounts,
}

/// Renders the report of `findings` in `lang` and `format` for `actor`.
/// Nothing leaves yet: see [`ComposedReport::release`].
///
/// # Errors
/// [`AppError::Forbidden`] for an actor whose role may not export
/// (reports are exports: roles that write records).
pub fn compose_report(
    actor: &Actor,
    findings: &Findings,
    lang: Lang,
    format: Format,
) -> AppResult<ComposedReport> {
    if !actor.role().can_write_records() {
        return Err(AppError::Forbidden);
    }
    let narratives = findings
        .vignettes
        .iter()
        .flat_map(|v| &v.steps)
        .filter(|s| s.narrative.is_some())
        .count();
    let testimonies: usize = findings.vignettes.iter().map(|v| v.testimonies.len()).sum();
    Ok(ComposedReport {
        bytes: testimonio_report::render(findings, lang, format),
        format,
        audience: findings.audience,
        lang,
        counts: ReportCounts {
            min_count: findings.min_count,
            people: findings.population.people.shown().unwrap_or(0),
            people_suppressed: findings.population.people.is_suppressed(),
            cases: findings.vignettes.len() as u64,
            narratives: narratives as u64,
            testimonies: testimonies as u64,
        },
    })
}

impl ComposedReport {
    pub fn format(&self) -> Format {
        self.format
    }

    pub fn audience(&self) -> Audience {
        self.audience
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn counts(&self) -> ReportCounts {
        self.counts
    }

    /// Records the export in the audit log as `actor`, then hands out the
    /// bytes: a report that cannot be audited does not leave.
    ///
    /// # Errors
    /// The vault's, when the audit entry cannot be written (the bytes are
    /// dropped).
    pub fn release(self, vault: &mut Vault, actor: &Actor) -> AppResult<Vec<u8>> {
        act_as(vault, actor)?;
        let c = self.counts;
        vault.record_report(
            self.format.code(),
            self.audience,
            &[
                ("min_count", c.min_count),
                ("people", c.people),
                ("people_suppressed", u64::from(c.people_suppressed)),
                ("cases", c.cases),
                ("narratives", c.narratives),
                ("testimonies", c.testimonies),
                ("identities", 0),
            ],
        )?;
        Ok(self.bytes)
    }
}
