//! Why a file could not be read or stored: typed, so that each front end
//! says it in the user's language from the catalog. Nothing of the file's
//! content is in it.

use std::io;

use serde::{Serialize, Serializer};
use testimonio_domain::Lang;
use testimonio_i18n::tr;

/// What went wrong with the file system, as far as a user can act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoProblem {
    /// The path does not exist.
    Missing,
    /// The account running Testimonio may not read it.
    PermissionDenied,
    /// Any other failure of the operating system.
    Other,
}

impl From<&io::Error> for IoProblem {
    fn from(e: &io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => IoProblem::Missing,
            io::ErrorKind::PermissionDenied => IoProblem::PermissionDenied,
            _ => IoProblem::Other,
        }
    }
}

/// Why nothing was recorded for a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// A folder whose entries could not be listed.
    CannotList(IoProblem),
    /// A symbolic link whose target is gone or unreadable.
    BrokenLink,
    /// A device, a socket, a pipe: not a file to ingest.
    NotARegularFile,
    /// The file could not be opened or read.
    CannotRead(IoProblem),
    /// The blob store refused the original.
    CannotStore,
    /// The vault could not record the document (see the log).
    NotRecorded,
}

impl Unreadable {
    /// A stable code for machines (`--json`, logs).
    pub fn code(self) -> &'static str {
        match self {
            Unreadable::CannotList(_) => "cannot_list",
            Unreadable::BrokenLink => "broken_link",
            Unreadable::NotARegularFile => "not_a_regular_file",
            Unreadable::CannotRead(_) => "cannot_read",
            Unreadable::CannotStore => "cannot_store",
            Unreadable::NotRecorded => "not_recorded",
        }
    }

    /// The reason in `lang`, from the catalog.
    pub fn message(self, lang: Lang) -> String {
        let io = |problem: IoProblem| match problem {
            IoProblem::Missing => "missing",
            IoProblem::PermissionDenied => "denied",
            IoProblem::Other => "other",
        };
        match self {
            Unreadable::CannotList(p) => tr!(lang, "ingest-cannot-list", problem = io(p)),
            Unreadable::BrokenLink => tr!(lang, "ingest-broken-link").to_owned(),
            Unreadable::NotARegularFile => tr!(lang, "ingest-not-a-file").to_owned(),
            Unreadable::CannotRead(p) => tr!(lang, "ingest-cannot-read", problem = io(p)),
            Unreadable::CannotStore => tr!(lang, "ingest-cannot-store").to_owned(),
            Unreadable::NotRecorded => tr!(lang, "ingest-not-recorded").to_owned(),
        }
    }
}

impl std::fmt::Display for Unreadable {
    /// English, for logs and `--json`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Serialize for Unreadable {
    /// The English sentence (the `reason` of `--json` stays text).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_in_both_languages() {
        let missing = Unreadable::CannotRead(IoProblem::Missing);
        assert_eq!(
            missing.message(Lang::En),
            "cannot be read: it does not exist"
        );
        assert_eq!(missing.message(Lang::Es), "no se puede leer: no existe");
        assert_eq!(
            Unreadable::NotARegularFile.message(Lang::Es),
            "no es un archivo común"
        );
        assert_eq!(missing.code(), "cannot_read");
    }
}
