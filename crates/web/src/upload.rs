//! Receiving uploads: a `multipart/form-data` body read part by part, each
//! file streamed into the vault's blob store (encrypted as it arrives, on a
//! blocking thread fed through a small channel), never buffered whole and
//! never written in plaintext. The pages and the API both receive here and
//! record through one use case (`testimonio_app::evidence::upload`).

use std::io::{self, Read};

use axum::body::Bytes;
use axum::extract::Multipart;
use testimonio_app::evidence::upload::{self, NotReceived, OverLimit, UploadLimits};
use testimonio_ingest::received::Received;
use testimonio_vault::BlobSink;
use tokio::sync::mpsc;

use crate::error::{AppError, ErrorKind};
use crate::state::AppState;

/// Files one request may carry.
pub const MAX_FILES: usize = 100;
/// Text fields beside the files (a note, the CSRF token), each at most
/// this long.
const MAX_TEXT_FIELD: usize = 4096;
const MAX_TEXT_FIELDS: usize = 32;
/// Chunks in flight between the connection and the encrypting thread: the
/// memory an upload takes, whatever the file's size.
const CHANNEL_CHUNKS: usize = 8;

/// What a multipart body carried.
#[derive(Debug, Default)]
pub struct Sent {
    /// Each file part, by the name it was sent with, received or not.
    pub files: Vec<(String, Result<Received, NotReceived>)>,
    /// The text parts (bounded), in order.
    pub fields: Vec<(String, String)>,
    /// The request went over its limit: what came after was not read.
    pub request_over: bool,
}

impl Sent {
    /// A text part's value.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `multipart`: file parts (named `file`) into the blob store under
/// `limits`, text parts into memory. A part sent with no file chosen (an
/// empty file input) is skipped.
///
/// # Errors
/// [`ErrorKind::BadRequest`] for a body that is not well-formed multipart
/// or has too many parts; [`AppError::Locked`] when the vault is locked.
pub async fn receive(
    state: &AppState,
    actor: &str,
    mut multipart: Multipart,
    limits: UploadLimits,
) -> Result<Sent, AppError> {
    let sink = state.with_vault(actor, |v| Ok(v.blob_sink())).await?;
    let mut sent = Sent::default();
    let mut total = 0u64;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::Kind(ErrorKind::BadRequest))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(clean_file_name);
        match file_name {
            Some(file_name) if name == "file" => {
                if file_name.is_empty() {
                    continue;
                }
                if sent.files.len() >= MAX_FILES {
                    return Err(AppError::Kind(ErrorKind::BadRequest));
                }
                let outcome =
                    stream_file(&sink, &mut field, file_name.clone(), limits, &mut total).await;
                let over = matches!(outcome, Err(NotReceived::RequestTooLarge { .. }));
                sent.files.push((file_name, outcome));
                if over {
                    sent.request_over = true;
                    break;
                }
            }
            _ => {
                if sent.fields.len() >= MAX_TEXT_FIELDS {
                    return Err(AppError::Kind(ErrorKind::BadRequest));
                }
                let mut value = Vec::new();
                while let Some(chunk) = field
                    .chunk()
                    .await
                    .map_err(|_| AppError::Kind(ErrorKind::BadRequest))?
                {
                    if value.len() + chunk.len() > MAX_TEXT_FIELD {
                        return Err(AppError::Kind(ErrorKind::TooLarge));
                    }
                    value.extend_from_slice(&chunk);
                }
                sent.fields
                    .push((name, String::from_utf8_lossy(&value).into_owned()));
            }
        }
    }
    Ok(sent)
}

/// One file part into the blob store. The connection is read here; the
/// encryption runs on a blocking thread that reads the chunks through a
/// channel, so that a slow sender holds no thread and no vault handle.
async fn stream_file(
    sink: &BlobSink,
    field: &mut axum::extract::multipart::Field<'_>,
    file_name: String,
    limits: UploadLimits,
    total: &mut u64,
) -> Result<Received, NotReceived> {
    let (chunks, rx) = mpsc::channel::<io::Result<Bytes>>(CHANNEL_CHUNKS);
    let sink = sink.clone();
    let per_file = limits.per_file;
    let task = tokio::task::spawn_blocking(move || {
        let mut reader = ChannelReader {
            rx,
            current: Bytes::new(),
        };
        upload::receive(&sink, Some(file_name), &mut reader, per_file)
    });
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                *total += chunk.len() as u64;
                if *total > limits.per_request {
                    let _ = chunks
                        .send(Err(OverLimit::Request(limits.per_request).into_io()))
                        .await;
                    break;
                }
                if chunks.send(Ok(chunk)).await.is_err() {
                    // The receiver stopped (over the file's limit): the rest
                    // of this part is skipped by the next `next_field`.
                    break;
                }
            }
            Ok(None) => break,
            Err(_) => {
                let _ = chunks
                    .send(Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the upload ended early",
                    )))
                    .await;
                break;
            }
        }
    }
    drop(chunks);
    task.await.unwrap_or(Err(NotReceived::Interrupted))
}

/// Reads the chunks a channel brings, on a blocking thread.
struct ChannelReader {
    rx: mpsc::Receiver<io::Result<Bytes>>,
    current: Bytes,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.rx.blocking_recv() {
                Some(Ok(chunk)) => self.current = chunk,
                Some(Err(e)) => return Err(e),
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        self.current = self.current.slice(n..);
        Ok(n)
    }
}

/// The last component of a sent file name (browsers on some systems send
/// a whole path), without control characters, at most 200 characters.
fn clean_file_name(raw: &str) -> String {
    raw.rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(
            clean_file_name("C:\\Users\\ana\\IMG_0001.JPG"),
            "IMG_0001.JPG"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("nota\u{0}\n.pdf"), "nota.pdf");
        assert_eq!(clean_file_name(""), "");
    }
}
