//! GET /documents/{id}/pages/{n}/image: a page's image, rendered on
//! request from the original and kept in memory only.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use testimonio_ingest::render::{self, RenderError};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::page_images::{PageImage, PageKey};
use crate::state::AppState;

use super::{DISPLAY, document_id, page_number};

/// The image of a page: from memory when it was rendered before (the read
/// is audited all the same), else rendered — within the account's share of
/// renders and the server's (429 / 503 beyond) — and kept in memory (see
/// `page_images.rs`).
pub async fn page_image(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = document_id(&id)?;
    let n = page_number(&n)?;
    let account = viewer.user()?.id;
    let purpose = format!("page {n} image");
    let lookup = id.clone();
    let (media_type, key) = state
        .with_vault(&viewer.actor(), move |v| {
            let info = v.document(&lookup)?;
            let media_type = info.media_type.unwrap_or_default();
            // Unknown pages and documents without images are answered
            // before anything is decrypted or audited.
            if !render::has_page_images(&media_type)
                || !v.document_pages(&lookup)?.iter().any(|p| p.number == n)
            {
                return Err(AppError::NOT_FOUND);
            }
            let key = PageKey {
                document: info.id,
                page: n,
                sha256: info.sha256,
            };
            Ok((media_type, key))
        })
        .await?;
    let images = state.page_images();
    if let Some(image) = images.get(&key) {
        state
            .with_vault(&viewer.actor(), move |v| {
                Ok(v.record_document_read(&id, &purpose)?)
            })
            .await?;
        return Ok(image_response(image));
    }
    // Taken before the original is decrypted: at most this many originals
    // are in memory for rendering at once.
    let permit = images.start(account).await.map_err(AppError::Kind)?;
    let original = state
        .with_vault(&viewer.actor(), move |v| {
            Ok(v.document_bytes(&id, &purpose)?)
        })
        .await?;
    let rendered = tokio::task::spawn_blocking(move || {
        // Held by the render: a client that goes away does not free it.
        let _permit = permit;
        render::render_page(&original, &media_type, n, &DISPLAY)
    })
    .await
    .map_err(|e| AppError::internal(&e))?;
    match rendered {
        Ok(Some(image)) => {
            images.count_render();
            let image = PageImage::new(image.format, image.bytes);
            images.insert(key, image.clone());
            Ok(image_response(image))
        }
        Ok(None) | Err(RenderError::NoSuchPage { .. }) => Err(AppError::NOT_FOUND),
        Err(e) => Err(AppError::internal(&e)),
    }
}

fn image_response(image: PageImage) -> Response {
    (
        [
            (header::CONTENT_TYPE, image.format.content_type()),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_DISPOSITION, "inline"),
        ],
        image.bytes,
    )
        .into_response()
}
