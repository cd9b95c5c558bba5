//! Spreadsheet import, a wizard without JavaScript for coordinators:
//! `GET /import` (drafts and finished imports, the upload field),
//! `POST /import/upload` (the sheet streamed into the encrypted blob
//! store, never a plaintext file), `GET /import/{id}` (the wizard page),
//! `POST /import/{id}/layout` (sheet and header row), `/mapping` (columns,
//! date orders, values), `/profile` (a pasted or saved profile),
//! `/save-profile`, `/check` (dry run), `/run` (import), and
//! `GET /import/{id}/report.csv`. Each step is stored as it is taken, so a
//! closed browser finds its draft in the list. The use cases are
//! `testimonio_app::import::drafts`; this module parses and draws.

use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use testimonio_app::import::drafts;
use testimonio_app::import::fields::ValueKind;
use testimonio_app::import::{self, Field, Profile, save_profile, saved_profile};

use super::events::use_case;
use super::import_wizard::{CONSTANT_FIELDS, list_page, wizard_page};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind};
use crate::state::AppState;
use crate::upload::receive;

/// GET /import: drafts and finished imports, and the upload field.
pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let (imports, limit) = {
        let limit = state.config().uploads.per_file;
        let imports = use_case(&state, &viewer, |v, actor| drafts::list(v, actor)).await?;
        (imports, limit)
    };
    Ok(list_page(&viewer, &imports, limit).into_response())
}

/// POST /import/upload: the sheet into the blob store, then a draft.
pub async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let limits = state.config().uploads;
    let sent = receive(&state, &viewer.actor(), multipart, limits).await?;
    let Some((name, received)) = sent.files.into_iter().next() else {
        return Ok(Redirect::to("/import").into_response());
    };
    let received = received.map_err(|_| AppError::Kind(ErrorKind::TooLarge))?;
    let lang = viewer.lang;
    let draft = use_case(&state, &viewer, move |v, actor| {
        drafts::create(v, actor, &name, &received.blob, lang)
    })
    .await?;
    Ok(Redirect::to(&format!("/import/{}", draft.id)).into_response())
}

/// GET /import/{id}: the wizard.
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let (draft, saved) = use_case(&state, &viewer, move |v, actor| {
        let draft = drafts::show(v, actor, &id, lang)?;
        Ok((draft, v.import_profile_names()?))
    })
    .await?;
    Ok(wizard_page(&viewer, &draft, &saved).into_response())
}

type Pairs = Vec<(String, String)>;

fn value<'a>(form: &'a Pairs, name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

fn back(id: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/import/{id}#{anchor}")).into_response()
}

/// POST /import/{id}/layout: `sheet` and `header_row`.
pub async fn layout(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, AppError> {
    let sheet = value(&form, "sheet").map(str::to_owned);
    let header_row = match value(&form, "header_row") {
        None => None,
        Some(row) => Some(row.parse::<u64>().map_err(|_| AppError::BAD_REQUEST)?),
    };
    let lang = viewer.lang;
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        drafts::set_layout(v, actor, &target, sheet.as_deref(), header_row, lang)
    })
    .await?;
    Ok(back(&id, "columns"))
}

/// The profile the mapping form describes, over the draft's current one
/// (its key, sheet and header row, and constants of other fields, are
/// kept): `const-FIELD` for a value of every row; `field-N` and
/// `order-N` per column N of `header`; `cell-N-K` with `code-N-K` per
/// value K of column N.
fn mapped_profile(mut profile: Profile, header: &[String], form: &Pairs) -> Profile {
    profile.columns.clear();
    profile.dates.clear();
    profile.values.clear();
    for field in CONSTANT_FIELDS {
        match value(form, &format!("const-{}", field.name())) {
            Some(constant) => {
                profile
                    .constants
                    .insert(field.name().to_owned(), constant.to_owned());
            }
            None => {
                profile.constants.remove(field.name());
            }
        }
    }
    for (column, name) in header.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let field = value(form, &format!("field-{column}")).unwrap_or("ignore");
        profile.columns.insert(name.clone(), field.to_owned());
        let Some(field) = Field::parse(field) else {
            continue;
        };
        if let Some(order) = value(form, &format!("order-{column}"))
            && matches!(field.kind(), ValueKind::Date | ValueKind::Year)
        {
            profile.dates.insert(name.clone(), order.to_owned());
        }
        let prefix = format!("cell-{column}-");
        for (key, cell) in form.iter().filter(|(k, _)| k.starts_with(&prefix)) {
            let n = &key[prefix.len()..];
            if let Some(code) = value(form, &format!("code-{column}-{n}")) {
                profile
                    .values
                    .entry(field.name().to_owned())
                    .or_default()
                    .insert(cell.clone(), code.to_owned());
            }
        }
    }
    profile
}

/// POST /import/{id}/mapping: columns, date orders and values.
pub async fn mapping(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        let draft = drafts::show(v, actor, &target, lang)?;
        let header = draft.preview.map(|p| p.header).unwrap_or_default();
        let profile = mapped_profile(draft.profile, &header, &form);
        drafts::set_profile(v, actor, &target, &profile)
    })
    .await?;
    Ok(back(&id, "check"))
}

/// POST /import/{id}/profile: a pasted TOML profile (`toml`) or a saved
/// one (`saved`).
pub async fn profile(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, AppError> {
    let saved = value(&form, "saved").map(str::to_owned);
    let toml = value(&form, "toml").map(str::to_owned);
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        let profile = match (saved, toml) {
            (Some(name), _) => saved_profile(v, &name)?,
            (None, Some(text)) => drafts::parse_profile(&text)?,
            (None, None) => return Ok(()),
        };
        drafts::set_profile(v, actor, &target, &profile)
    })
    .await?;
    Ok(back(&id, "columns"))
}

/// POST /import/{id}/matches: `value-K` with `person-K` (a person's id,
/// `new`, or empty for undecided), into the profile's `[people]`.
pub async fn matches(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        let mut profile = drafts::show(v, actor, &target, lang)?.profile;
        for (key, matched) in form.iter().filter(|(k, _)| k.starts_with("value-")) {
            let k = &key["value-".len()..];
            if let Some(answer) = value(&form, &format!("person-{k}")) {
                profile.people.insert(matched.clone(), answer.to_owned());
            }
        }
        drafts::set_profile(v, actor, &target, &profile)
    })
    .await?;
    Ok(back(&id, "check"))
}

/// POST /import/{id}/save-profile: the draft's profile saved as `name`.
pub async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, AppError> {
    let name = value(&form, "name")
        .map(str::to_owned)
        .ok_or(AppError::BAD_REQUEST)?;
    if name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(AppError::BAD_REQUEST);
    }
    let lang = viewer.lang;
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        let draft = drafts::show(v, actor, &target, lang)?;
        save_profile(v, actor, &name, &draft.profile)
    })
    .await?;
    Ok(back(&id, "profile"))
}

/// POST /import/{id}/check: the dry run.
pub async fn check(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    execute(state, viewer, id, true).await
}

/// POST /import/{id}/run: the import.
pub async fn run(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    execute(state, viewer, id, false).await
}

async fn execute(
    state: AppState,
    viewer: Viewer,
    id: String,
    dry_run: bool,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        drafts::execute(v, actor, &target, dry_run, lang)
    })
    .await?;
    Ok(back(&id, "report"))
}

/// GET /import/{id}/report.csv: the last report's problems, for the
/// spreadsheet the group keeps (its own cells: a download for the user).
pub async fn report_csv(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let target = id.clone();
    let draft = use_case(&state, &viewer, move |v, actor| {
        drafts::show(v, actor, &target, lang)
    })
    .await?;
    let report = draft.report.ok_or(AppError::NOT_FOUND)?;
    let bytes = import::report_csv(&report, lang)?;
    let disposition = format!("attachment; filename=\"{id}-report.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
