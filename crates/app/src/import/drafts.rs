//! The web wizard's imports: a sheet uploaded into the encrypted blob
//! store becomes a stored draft with a suggested profile; the coordinator
//! chooses the sheet and header row, maps columns and values, runs a dry
//! run, then the import. Everything is stored as it is chosen, so closing
//! the browser loses nothing: the draft waits in the list.

use std::sync::Arc;

use testimonio_domain::Lang;
use testimonio_vault::{ImportStatus, RecordKind, StoredBlob, StoredImport, Vault};

use super::ImportError;
use super::profile::{Mapping, Profile, ProfileProblem};
use super::run::{
    ImportReport, ImportRequest, Preview, new_import_id, preview, require_importer, run,
};
use super::source::{SheetInput, raw_rows};
use crate::{Actor, AppError, AppResult, act_as};

/// Rows shown for choosing the header.
pub const RAW_ROWS: usize = 15;

/// A stored import as the wizard shows it.
#[derive(Debug)]
pub struct Draft {
    pub stored: StoredImport,
    pub profile: Profile,
    /// The file as read with the profile's sheet and header row; `None`
    /// when it cannot be read so (the reason is in `problem`).
    pub preview: Option<Preview>,
    /// The first rows as written, and the row the header would be found on.
    pub raw: Option<testimonio_sheets::Preview>,
    /// Why the profile does not fit the file, or the file cannot be read.
    pub problem: Option<AppError>,
    /// The last dry run's or the import's report.
    pub report: Option<ImportReport>,
}

/// The drafts and finished imports, the most recently changed first.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not import; storage errors.
pub fn list(vault: &Vault, actor: &Actor) -> AppResult<Vec<StoredImport>> {
    require_importer(actor)?;
    Ok(vault.stored_imports(100)?)
}

fn input_of(vault: &Vault, stored: &StoredImport) -> AppResult<SheetInput> {
    let bytes = vault
        .import_sheet(stored)?
        .ok_or(AppError::Import(ImportError::Unreadable))?;
    Ok(SheetInput::Bytes(Arc::new(bytes)))
}

fn stored(vault: &Vault, id: &str) -> AppResult<StoredImport> {
    vault.stored_import(id)?.ok_or_else(|| AppError::NotFound {
        kind: RecordKind::Import,
        id: id.to_owned(),
    })
}

fn profile_of(stored: &StoredImport) -> Profile {
    // A stored profile was written by this module or checked before it was
    // stored; one that no longer reads starts again from nothing.
    Profile::from_toml(&stored.profile).unwrap_or_default()
}

/// Records a sheet the upload put in the blob store as a new draft, with
/// the profile suggested for it.
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::Import`] for a file that is no
/// sheet (the draft is stored all the same, to be removed or retried);
/// storage errors.
pub fn create(
    vault: &mut Vault,
    actor: &Actor,
    source_name: &str,
    blob: &StoredBlob,
    lang: Lang,
) -> AppResult<StoredImport> {
    require_importer(actor)?;
    act_as(vault, actor)?;
    let now = testimonio_vault::now();
    let mut draft = StoredImport {
        id: new_import_id(),
        created_at: now.clone(),
        updated_at: now,
        created_by: actor.audit_name(),
        source_name: source_name.to_owned(),
        source_blob: Some(blob.sha256.as_str().to_owned()),
        profile: String::new(),
        status: ImportStatus::Draft,
        report: None,
    };
    let input = SheetInput::Bytes(Arc::new(vault.stored_bytes(blob)?));
    let profile = preview(&input, None, None, lang).map(|p| p.suggested);
    draft.profile = profile.as_ref().map(Profile::to_toml).unwrap_or_default();
    vault.save_import(&draft)?;
    profile.map(|_| draft)
}

/// A draft with its file read through its profile.
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::NotFound`]; storage errors. A
/// file or profile that does not read is in [`Draft::problem`].
pub fn show(vault: &Vault, actor: &Actor, id: &str, lang: Lang) -> AppResult<Draft> {
    require_importer(actor)?;
    let stored = stored(vault, id)?;
    let profile = profile_of(&stored);
    let report = stored
        .report
        .as_deref()
        .and_then(|r| serde_json::from_str(r).ok());
    let input = input_of(vault, &stored)?;
    let raw = raw_rows(&input, profile.sheet.as_deref(), RAW_ROWS).ok();
    let (preview, problem) =
        match preview(&input, profile.sheet.as_deref(), profile.header_row, lang) {
            Ok(preview) => {
                let problem = Mapping::new(&profile, &preview.header)
                    .err()
                    .map(|p| AppError::Import(ImportError::Profile(p)));
                (Some(preview), problem)
            }
            Err(e) => (None, Some(e)),
        };
    Ok(Draft {
        stored,
        profile,
        preview,
        raw,
        problem,
        report,
    })
}

/// Chooses the sheet and the header row, and suggests the mapping again
/// for the header found there.
///
/// # Errors
/// As [`show`]; [`AppError::Import`] for a sheet or row that cannot be
/// the header (nothing is changed then).
pub fn set_layout(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    sheet: Option<&str>,
    header_row: Option<u64>,
    lang: Lang,
) -> AppResult<()> {
    require_importer(actor)?;
    act_as(vault, actor)?;
    let mut stored = stored(vault, id)?;
    let input = input_of(vault, &stored)?;
    let mut profile = preview(&input, sheet, header_row, lang)?.suggested;
    profile.name = profile_of(&stored).name;
    stored.profile = profile.to_toml();
    stored.status = ImportStatus::Draft;
    stored.updated_at = testimonio_vault::now();
    vault.save_import(&stored)?;
    Ok(())
}

/// Replaces the draft's profile (the mapping form, a pasted TOML profile,
/// or a saved one). It is stored even when it does not fit the file, so
/// the wizard can show what to fix.
///
/// # Errors
/// As [`show`].
pub fn set_profile(vault: &mut Vault, actor: &Actor, id: &str, profile: &Profile) -> AppResult<()> {
    require_importer(actor)?;
    act_as(vault, actor)?;
    let mut stored = stored(vault, id)?;
    stored.profile = profile.to_toml();
    stored.status = ImportStatus::Draft;
    stored.updated_at = testimonio_vault::now();
    vault.save_import(&stored)?;
    Ok(())
}

/// Reads a pasted profile.
///
/// # Errors
/// [`AppError::Import`] for text that is not a profile.
pub fn parse_profile(text: &str) -> AppResult<Profile> {
    Profile::from_toml(text)
        .map_err(|p: ProfileProblem| AppError::Import(ImportError::Profile(vec![p])))
}

/// Runs the draft's dry run, or its import; the report is stored with it.
///
/// # Errors
/// As [`run`].
pub fn execute(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    dry_run: bool,
    lang: Lang,
) -> AppResult<ImportReport> {
    require_importer(actor)?;
    let stored = stored(vault, id)?;
    if stored.status == ImportStatus::Imported && !dry_run {
        // Importing again is harmless (rows have stable ids), but a second
        // click on the same page should not look like a second import.
        if let Some(report) = stored
            .report
            .as_deref()
            .and_then(|r| serde_json::from_str(r).ok())
        {
            return Ok(report);
        }
    }
    let profile = profile_of(&stored);
    let input = input_of(vault, &stored)?;
    let request = ImportRequest {
        input: &input,
        source_name: &stored.source_name,
        profile: &profile,
        dry_run,
        lang,
        import_id: Some(&stored.id),
        source_blob: None,
    };
    run(vault, actor, &request, &mut |_| {})
}
