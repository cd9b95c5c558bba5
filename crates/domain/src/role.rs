//! Roles of the people who use Testimonio, and what each may do.

use testimonio_i18n::tr;

use crate::error::{FieldError, Problem};
use crate::lang::Lang;

/// An account's role. Policy lives here, next to the records it protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Manages accounts, reads the audit log, locks the vault.
    Admin,
    /// Codes and edits every record; sees identities.
    Coordinator,
    /// Records events and people; sees the identities of people on records
    /// they created or are assigned to.
    Documenter,
    /// Reads everything under pseudonyms, for analysis.
    Analyst,
    /// Reads everything under pseudonyms.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Coordinator,
        Role::Documenter,
        Role::Analyst,
        Role::Viewer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Documenter => "documenter",
            Role::Analyst => "analyst",
            Role::Viewer => "viewer",
        }
    }

    /// # Errors
    /// An unknown role code.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "admin, coordinator, documenter, analyst, viewer",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Admin => tr!(lang, "domain-role-admin"),
            Role::Coordinator => tr!(lang, "domain-role-coordinator"),
            Role::Documenter => tr!(lang, "domain-role-documenter"),
            Role::Analyst => tr!(lang, "domain-role-analyst"),
            Role::Viewer => tr!(lang, "domain-role-viewer"),
        }
    }

    /// May create and edit events, people and consent.
    pub fn can_write_records(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator | Role::Documenter)
    }

    /// Sees every person's identity fields.
    pub fn sees_all_identities(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }

    /// Sees identities only of people on their own or assigned records.
    pub fn sees_own_identities(self) -> bool {
        self == Role::Documenter
    }

    /// Never sees an identity field, whatever the record.
    pub fn is_pseudonymous_only(self) -> bool {
        matches!(self, Role::Analyst | Role::Viewer)
    }

    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_visibility_is_exclusive() {
        for r in Role::ALL {
            let ways = [
                r.sees_all_identities(),
                r.sees_own_identities(),
                r.is_pseudonymous_only(),
            ];
            assert_eq!(ways.iter().filter(|w| **w).count(), 1, "{r:?}");
            assert_eq!(Role::parse("role", r.code()).unwrap(), r);
            assert_ne!(r.label(Lang::En), r.label(Lang::Es));
        }
        assert!(!Role::Analyst.can_write_records());
    }
}
