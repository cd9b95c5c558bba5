//! Excerpts: exact passages of a page, tagged and linked to events and
//! people, recorded by hand or accepted from a watchlist hit.

use testimonio_vault::{Excerpt, ExcerptFilter, ExcerptParts, Vault};

use super::require_writer;
use crate::{Actor, AppResult, act_as};

/// Where an excerpt came from, as a front end words it: typed from the
/// vault's data, never read back from a stored note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcerptOrigin<'a> {
    /// Marked by hand on a page.
    ByHand,
    /// An accepted hit of the watchlist so named.
    Watchlist(&'a str),
}

impl<'a> ExcerptOrigin<'a> {
    pub fn of(excerpt: &'a Excerpt) -> Self {
        excerpt
            .from_watchlist
            .as_deref()
            .map_or(ExcerptOrigin::ByHand, ExcerptOrigin::Watchlist)
    }
}

/// Records an excerpt: the quote is copied from the page now, with the
/// original's hash, so later readers can verify it.
///
/// # Errors
/// `Forbidden` for a role that only reads; an unknown document, page,
/// event or person; a range outside the page.
pub fn add(vault: &mut Vault, actor: &Actor, parts: &ExcerptParts) -> AppResult<Excerpt> {
    require_writer(actor)?;
    act_as(vault, actor)?;
    Ok(vault.add_excerpt(parts)?)
}

/// The excerpts matching `filter`, whole: for the operator, who holds the
/// vault's passphrase. Their quotes are document text, so the documents
/// are recorded as text reads before the excerpts are returned. (Accounts
/// read excerpts through `Vault::excerpts_for`, which withholds the quotes
/// a role may not read.)
///
/// # Errors
/// `Forbidden` for an account; vault errors.
pub fn list(vault: &mut Vault, actor: &Actor, filter: &ExcerptFilter) -> AppResult<Vec<Excerpt>> {
    if !matches!(actor, Actor::Operator { .. }) {
        return Err(crate::AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let excerpts = vault.excerpts(filter)?;
    let documents: Vec<&str> = excerpts.iter().map(|e| e.document.as_str()).collect();
    vault.record_text_reads(&documents)?;
    Ok(excerpts)
}
