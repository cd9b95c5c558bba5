//! Errors of the web app. Validation problems are answered with the form
//! and its messages (400); everything unexpected is logged and answered
//! with a generic page (500): no internals, no SQL, no stack trace ever
//! reaches a response.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What went wrong, as far as the user needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    BadRequest,
    Unauthorized,
    Forbidden,
    Csrf,
    NotFound,
    MethodNotAllowed,
    TooLarge,
    Locked,
    /// The search index is being written by another process (the command
    /// line): not an error of the server, try again shortly.
    Busy,
    /// The account already has its share of page images being rendered.
    TooManyRenders,
    /// Every render place was taken for too long.
    Overloaded,
    /// The change conflicts with what the vault holds now.
    Conflict,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorKind::Forbidden | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::TooManyRenders => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Locked | ErrorKind::Busy | ErrorKind::Overloaded => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message key of the page.
    pub fn message_key(self) -> &'static str {
        match self {
            ErrorKind::BadRequest => "error-bad-request",
            ErrorKind::Unauthorized => "error-unauthorized",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::Csrf => "error-csrf",
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::MethodNotAllowed => "error-method",
            ErrorKind::TooLarge => "error-too-large",
            ErrorKind::Locked => "error-locked",
            ErrorKind::Busy => "error-busy",
            ErrorKind::TooManyRenders => "error-too-many-renders",
            ErrorKind::Overloaded => "error-overloaded",
            ErrorKind::Conflict => "error-conflict",
            ErrorKind::Internal => "error-internal",
        }
    }

    /// The kind behind a bare status (axum's own rejections).
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::UNAUTHORIZED => ErrorKind::Unauthorized,
            StatusCode::FORBIDDEN => ErrorKind::Forbidden,
            StatusCode::NOT_FOUND => ErrorKind::NotFound,
            StatusCode::CONFLICT => ErrorKind::Conflict,
            StatusCode::METHOD_NOT_ALLOWED => ErrorKind::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorKind::TooLarge,
            StatusCode::SERVICE_UNAVAILABLE => ErrorKind::Locked,
            s if s.is_client_error() => ErrorKind::BadRequest,
            _ => ErrorKind::Internal,
        }
    }
}

#[derive(Debug)]
pub enum AppError {
    Kind(ErrorKind),
    Locked,
    /// A use case refused the request (a 4xx, never an internal failure):
    /// the error page shows the use case's own message in the user's
    /// language (see [`UseCaseError`]).
    UseCase(ErrorKind, UseCaseError),
}

/// A use case's refusal carried from a handler to the error-page layer in
/// the response's extensions, so that the page can say what was wrong in
/// the user's language ([`testimonio_app::AppError::message`]). Internal
/// failures are never carried: they are logged and answered generically.
#[derive(Debug, Clone)]
pub struct UseCaseError(pub std::sync::Arc<testimonio_app::AppError>);

impl UseCaseError {
    /// The message for the user, from the catalog.
    pub fn message(&self, lang: testimonio_domain::Lang) -> String {
        self.0.message(lang)
    }
}

impl AppError {
    pub const NOT_FOUND: AppError = AppError::Kind(ErrorKind::NotFound);
    pub const FORBIDDEN: AppError = AppError::Kind(ErrorKind::Forbidden);
    pub const BAD_REQUEST: AppError = AppError::Kind(ErrorKind::BadRequest);

    /// Logs an unexpected error (its category only: error texts can hold
    /// paths but never record content) and hides it from the response.
    pub fn internal(err: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %err, "internal error");
        AppError::Kind(ErrorKind::Internal)
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Kind(k) | AppError::UseCase(k, _) => *k,
            AppError::Locked => ErrorKind::Locked,
        }
    }
}

impl From<testimonio_vault::VaultError> for AppError {
    fn from(err: testimonio_vault::VaultError) -> Self {
        match err {
            // Says which record, in the user's language (see `UseCase`).
            not_found @ testimonio_vault::VaultError::NotFound { .. } => {
                testimonio_app::AppError::from(not_found).into()
            }
            other => AppError::internal(&other),
        }
    }
}

/// A use case's error as a page error: the one mapping of
/// [`testimonio_app::ErrorClass`] to an HTTP status. A refusal keeps the
/// use case's error for its message; internal failures are logged here and
/// never shown.
impl From<testimonio_app::AppError> for AppError {
    fn from(err: testimonio_app::AppError) -> Self {
        use testimonio_app::ErrorClass;
        let kind = match err.class() {
            ErrorClass::BadRequest => ErrorKind::BadRequest,
            ErrorClass::Forbidden => ErrorKind::Forbidden,
            ErrorClass::NotFound => ErrorKind::NotFound,
            ErrorClass::Conflict => ErrorKind::Conflict,
            ErrorClass::Internal => return AppError::internal(&err),
        };
        AppError::UseCase(kind, UseCaseError(std::sync::Arc::new(err)))
    }
}

impl IntoResponse for AppError {
    /// An empty response carrying the kind; the error-page layer renders it
    /// in the user's language.
    fn into_response(self) -> Response {
        let kind = self.kind();
        let mut response = kind.status().into_response();
        response.extensions_mut().insert(kind);
        if let AppError::UseCase(_, err) = self {
            response.extensions_mut().insert(err);
        }
        response
    }
}
