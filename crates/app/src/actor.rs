//! Who is acting: the account or the operator a use case runs for.

use testimonio_domain::Role;
use testimonio_vault::Actor as AuditActor;

/// Who a use case runs for. Recorded in every audit entry it writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// An account of the web app or the API, limited by its role.
    Account { username: String, role: Role },
    /// The operator at the command line. Holding the vault's passphrase,
    /// the operator may do everything; the name is the one given at `init`
    /// or with `--as`.
    Operator { name: String },
}

impl Actor {
    /// The role the actor acts with; the operator acts as an administrator.
    pub fn role(&self) -> Role {
        match self {
            Actor::Account { role, .. } => *role,
            Actor::Operator { .. } => Role::Admin,
        }
    }

    /// The name written in the audit log: `web:NAME` or `cli:NAME`.
    pub fn audit_name(&self) -> String {
        match self {
            Actor::Account { username, .. } => format!("web:{username}"),
            Actor::Operator { name } => format!("cli:{name}"),
        }
    }

    /// The vault's audit actor for [`Actor::audit_name`].
    ///
    /// # Errors
    /// A name the audit log refuses (empty, control characters, over 100
    /// characters); names are checked where they are given, so this is a bug.
    pub fn audit_actor(&self) -> Result<AuditActor, crate::AppError> {
        AuditActor::new(&self.audit_name()).map_err(crate::AppError::internal)
    }
}
