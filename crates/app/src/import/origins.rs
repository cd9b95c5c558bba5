//! Where an imported record came from: the file, the row, and the row's
//! cells as the spreadsheet wrote them, beside what they were read as.

use testimonio_domain::RecordId;
use testimonio_vault::{RecordKind, Vault};

use crate::{Actor, AppResult, act_as};

/// One spreadsheet row a record was written from.
#[derive(Clone, PartialEq, Eq)]
pub struct Origin {
    pub import_id: String,
    pub source_name: String,
    pub imported_at: String,
    pub row_number: u64,
    /// The row's mapped cells as written, in the file's column order.
    pub cells: Vec<(String, String)>,
}

impl std::fmt::Debug for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Origin")
            .field("import_id", &self.import_id)
            .field("row_number", &self.row_number)
            .finish_non_exhaustive()
    }
}

/// The rows `id` was imported from, for an actor who sees every identity
/// (a row's cells can name anyone); `None` for any other actor, without
/// reading them. A read that finds rows is audited.
///
/// # Errors
/// Storage errors.
pub fn origins(
    vault: &mut Vault,
    actor: &Actor,
    kind: RecordKind,
    id: &RecordId,
) -> AppResult<Option<Vec<Origin>>> {
    if !actor.role().sees_all_identities() {
        return Ok(None);
    }
    act_as(vault, actor)?;
    let origins = vault
        .read_import_origins(kind, id)?
        .into_iter()
        .map(|o| {
            // Written by the import as a JSON object of strings; anything
            // else (never expected) shows no cells rather than failing the page.
            let cells: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&o.cells_json).unwrap_or_default();
            Origin {
                import_id: o.import_id,
                source_name: o.source_name,
                imported_at: o.imported_at,
                row_number: o.row_number,
                cells: cells
                    .into_iter()
                    .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
                    .collect(),
            }
        })
        .collect();
    Ok(Some(origins))
}
