//! Accounts of the web app and the API: users, login, second factor,
//! sessions and API tokens, and who may see which identities.

use std::time::Duration;

use testimonio_domain::{RecordId, Role};
use zeroize::Zeroizing;

use crate::error::Result;
use crate::login::{LoginOutcome, SecondFactorOutcome, Throttle};
use crate::sessions::{NewSession, SessionTimeouts, WebSession};
use crate::tokens::ApiToken;
use crate::users::{CredentialsEnded, Password, User, Username};

/// Accounts and everything that authenticates them. Secrets (passwords,
/// session and API tokens, device cookies) are stored only as hashes,
/// TOTP secrets only encrypted; a token is returned once, when made.
pub trait AccountStore {
    /// Creates an account. Audited.
    ///
    /// # Errors
    /// [`ConflictKind::UsernameTaken`]; [`VaultError::Internal`] when the
    /// password cannot be hashed; database errors.
    ///
    /// [`ConflictKind::UsernameTaken`]: crate::ConflictKind::UsernameTaken
    /// [`VaultError::Internal`]: crate::VaultError::Internal
    fn create_user(&mut self, username: &Username, role: Role, password: &Password)
    -> Result<User>;

    /// Every account, by name.
    ///
    /// # Errors
    /// Database errors.
    fn users(&self) -> Result<Vec<User>>;

    /// One account, or `None`.
    ///
    /// # Errors
    /// Database errors.
    fn user(&self, id: i64) -> Result<Option<User>>;

    /// Sets a new password and, in the same transaction, ends what the old
    /// one opened: every session of the account, every API token, its
    /// known devices; lifts its login delays. Audited with the numbers.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); as
    /// [`AccountStore::create_user`] for hashing.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn set_password(
        &mut self,
        username: &Username,
        password: &Password,
    ) -> Result<CredentialsEnded>;

    /// Disables or re-enables an account. Disabling ends its sessions at
    /// once; its API tokens stop working while it is disabled. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn set_disabled(&mut self, username: &Username, disabled: bool) -> Result<User>;

    /// Turns two-factor login on with a base32 TOTP secret the user
    /// confirmed with a code of time step `used_step` (which cannot log in
    /// again). Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn enable_second_factor(&mut self, user_id: i64, secret: &str, used_step: u64) -> Result<()>;

    /// Turns two-factor login off. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn disable_second_factor(&mut self, user_id: i64) -> Result<()>;

    /// The account's TOTP secret (base32), if two-factor login is on.
    ///
    /// # Errors
    /// Database errors.
    fn totp_secret(&self, user_id: i64) -> Result<Option<Zeroizing<String>>>;

    /// Lets a documenter see a person's identity. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown user or person.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn assign(&mut self, username: &Username, person: &RecordId) -> Result<()>;

    /// Whether `user` may see `person`'s identity fields: by role and, for
    /// documenters, by the people they created or are assigned to.
    ///
    /// # Errors
    /// Database errors.
    fn may_see_identity(&self, user: &User, person: &RecordId) -> Result<bool>;

    /// Checks a login attempt under `throttle`, from a browser with device
    /// cookie `device`. The password hash is evaluated for unknown names
    /// and throttled accounts too, so the time taken tells nothing.
    /// Failures and successes of known accounts are audited; attempts
    /// refused during a delay are neither evaluated, counted nor audited.
    ///
    /// # Errors
    /// Database errors (a wrong password is an outcome, not an error).
    fn verify_login(
        &mut self,
        username: &str,
        password: &Password,
        throttle: &Throttle,
        device: Option<&str>,
    ) -> Result<LoginOutcome>;

    /// Marks the browser of a successful login as a known device of
    /// `user_id`: `None` when `device` already is one, else a new cookie
    /// value to set. Devices unused for long are forgotten.
    ///
    /// # Errors
    /// Database errors.
    fn remember_device(
        &mut self,
        user_id: i64,
        device: Option<&str>,
    ) -> Result<Option<Zeroizing<String>>>;

    /// Checks a second-factor code of `user_id` under `throttle`: `check`
    /// gets the TOTP secret and returns the time step the code matches; a
    /// step at or before the last accepted one is a replay and fails.
    /// Every wrong code is audited.
    ///
    /// # Errors
    /// Database errors.
    fn verify_second_factor(
        &mut self,
        user_id: i64,
        throttle: &Throttle,
        check: impl FnOnce(&str) -> Option<u64>,
    ) -> Result<SecondFactorOutcome>;

    /// Begins a session for `user_id` (its token returned once) and clears
    /// away sessions that have timed out.
    ///
    /// # Errors
    /// Database errors (an unknown account among them).
    fn create_session(
        &mut self,
        user_id: i64,
        second_factor_pending: bool,
        timeouts: SessionTimeouts,
    ) -> Result<NewSession>;

    /// The live session of a cookie value, with its account; a session past
    /// a timeout, or of a disabled account, is ended and `None`.
    ///
    /// # Errors
    /// Database errors.
    fn session(&mut self, token: &str, idle: Duration) -> Result<Option<WebSession>>;

    /// Keeps (or with `None` forgets) a TOTP secret shown for enrollment in
    /// the session of `token`.
    ///
    /// # Errors
    /// Database errors.
    fn set_session_enrollment(&mut self, token: &str, secret: Option<&str>) -> Result<()>;

    /// Ends the session of `token`; ending an ended one changes nothing.
    ///
    /// # Errors
    /// Database errors.
    fn end_session(&mut self, token: &str) -> Result<()>;

    /// Ends every session of every account; returns how many ended.
    ///
    /// # Errors
    /// Database errors.
    fn end_all_sessions(&mut self) -> Result<usize>;

    /// Issues an API token with the default lifetime, as
    /// [`AccountStore::create_api_token_valid_for`].
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn create_api_token(&mut self, username: &Username, label: &str) -> Result<Zeroizing<String>>;

    /// Issues an API token that expires `valid_for` from now; only its
    /// hash is stored and the token is returned once. Audited with the
    /// token's id and expiry.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); [`Refusal::TokenTooLong`]
    /// for a zero or too long `valid_for`.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    /// [`Refusal::TokenTooLong`]: crate::Refusal::TokenTooLong
    fn create_api_token_valid_for(
        &mut self,
        username: &Username,
        label: &str,
        valid_for: Duration,
    ) -> Result<Zeroizing<String>>;

    /// The tokens of one account, or of every account, newest first.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `User`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn api_tokens(&self, username: Option<&Username>) -> Result<Vec<ApiToken>>;

    /// Revokes token `id` of `username`: it stops working at once; revoking
    /// a revoked token changes nothing. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `ApiToken`) when the account has no
    /// such token.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn revoke_api_token(&mut self, username: &Username, id: i64) -> Result<()>;

    /// The enabled account behind a token neither revoked nor expired, if
    /// any; notes when the token was last used.
    ///
    /// # Errors
    /// Database errors.
    fn user_for_api_token(&mut self, token: &str) -> Result<Option<User>>;
}
