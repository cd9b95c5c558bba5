//! Who is acting, and the store's own care: passphrase, backup, check,
//! recovery.

use std::path::Path;

use zeroize::Zeroizing;

use crate::backup::BackupSummary;
use crate::check::CheckReport;
use crate::error::Result;
use crate::keys::Passphrase;
use crate::vault::Actor;

/// The acting account, and operations on the store as a whole.
pub trait Maintenance {
    /// Who the audit entries name.
    fn actor(&self) -> &Actor;

    /// Changes who is acting, for a server that serves many accounts over
    /// one open store: set before each request's work.
    fn set_actor(&mut self, actor: Actor);

    /// Changes the passphrase: rewraps the data key, re-encrypts nothing.
    /// Audited.
    ///
    /// # Errors
    /// I/O errors writing the key file, which is replaced whole: either
    /// the old passphrase or the new one opens the store, never neither.
    fn change_passphrase(&mut self, new: &Passphrase) -> Result<()>;

    /// Writes an encrypted backup to `out`, replaced whole if it exists.
    /// Audited.
    ///
    /// # Errors
    /// I/O and database errors; nothing is left at `out` then.
    fn backup(&mut self, out: &Path) -> Result<BackupSummary>;

    /// Checks everything (blobs against their hashes, excerpts against
    /// their pages, the audit chain) and records the check in the log.
    ///
    /// # Errors
    /// Only errors that stop the check itself; damage found is reported in
    /// the [`CheckReport`].
    fn check(&mut self) -> Result<CheckReport>;

    /// The age identity that decrypts every blob, for recovery with the
    /// stock `age` tool. Audited before it is returned.
    ///
    /// # Errors
    /// Database errors.
    fn reveal_age_identity(&mut self) -> Result<Zeroizing<String>>;
}
