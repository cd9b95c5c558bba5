//! Originals that reach the vault already encrypted: an upload streamed
//! into the blob store as it arrived (see `BlobSink`), recorded here like
//! a file the command line reads, through the same extraction.
//!
//! The bytes are read back from the blob store only when they can hold
//! text: a recording or a video is recorded from its first bytes and its
//! size, so that the memory an upload takes does not grow with the file.

use std::path::PathBuf;
use std::time::Instant;

use testimonio_vault::{IngestedDocument, Intake, StoredBlob, Vault};
use zeroize::Zeroizing;

use crate::detect::sniff;
use crate::extract::{Deadline, extract};
use crate::pipeline::{
    FileOutcome, FileReport, IngestOptions, MAX_READ_BYTES, received_again, record, store_tree,
};
use crate::tools::Slots;
use crate::unreadable::Unreadable;

/// How many first bytes of a stream are kept to tell its kind.
pub const HEAD_BYTES: usize = 8 * 1024;

/// An original in the blob store, not yet recorded.
pub struct Received {
    pub blob: StoredBlob,
    /// The first [`HEAD_BYTES`] bytes (fewer for a smaller file).
    pub head: Zeroizing<Vec<u8>>,
    /// The name the sender gave it.
    pub file_name: Option<String>,
}

impl std::fmt::Debug for Received {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Received")
            .field("blob", &self.blob.name)
            .field("size", &self.blob.size)
            .finish_non_exhaustive()
    }
}

/// Records `received`, received through `channel` (a page's path, an API
/// route: the custody event's source), reading its text as
/// [`crate::pipeline::ingest_file`] would. Never panics into the caller;
/// what went wrong is the report's outcome.
pub fn ingest_received(
    vault: &mut Vault,
    received: Received,
    channel: &str,
    options: &IngestOptions,
    slots: &Slots,
) -> FileReport {
    let started = Instant::now();
    let path = PathBuf::from(received.file_name.clone().unwrap_or_default());
    let outcome = record_received(vault, received, channel, options, slots)
        .unwrap_or_else(|reason| FileOutcome::Unreadable { reason });
    FileReport {
        path,
        outcome,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn record_received(
    vault: &mut Vault,
    received: Received,
    channel: &str,
    options: &IngestOptions,
    slots: &Slots,
) -> Result<FileOutcome, Unreadable> {
    let Received {
        blob,
        head,
        file_name,
    } = received;
    let intake = |media_type: &str| Intake {
        file_name: file_name.clone(),
        media_type: Some(media_type.to_owned()),
        source_path: Some(channel.to_owned()),
        host: options.host.clone(),
        source_kind: options.source_kind,
        foia: options.foia.clone(),
        custodian: options.custodian.clone(),
        obtained_on: options.obtained_on,
    };
    if let Some(outcome) = received_again(vault, blob.sha256.as_str(), &intake)? {
        return Ok(outcome);
    }
    let kind = sniff(&head, file_name.as_deref());
    if blob.size > MAX_READ_BYTES || kind.is_audio_or_video() {
        // Told by its first bytes: nothing to read, or too much.
        let extraction = if blob.size > MAX_READ_BYTES {
            crate::extract::failed(
                format!(
                    "stored byte-exact; too large to read text from ({} MiB, limit {} MiB)",
                    blob.size >> 20,
                    MAX_READ_BYTES >> 20
                ),
                String::new(),
            )
        } else {
            extract(
                &head,
                file_name.as_deref(),
                &options.extract,
                slots,
                Deadline::after(options.file_timeout),
            )
            .extraction
        };
        let document = IngestedDocument {
            blob,
            intake: intake(kind.media_type()),
            extraction,
            capture: None,
            children: Vec::new(),
        };
        return record(vault, &document);
    }
    let bytes = vault
        .stored_bytes(&blob)
        .map_err(|_| Unreadable::CannotStore)?;
    let extracted = extract(
        &bytes,
        file_name.as_deref(),
        &options.extract,
        slots,
        Deadline::after(options.file_timeout),
    );
    let document = store_tree(vault, blob, intake(extracted.kind.media_type()), extracted)?;
    record(vault, &document)
}
