//! Uploads: files sent from a phone or a browser, encrypted into the blob
//! store as they arrive ([`receive`]), then recorded through the same
//! ingest as the command line ([`record`]): page text, OCR for photos of
//! paper, the camera's capture metadata kept apart, a custody event that
//! names who sent the file and from which page.
//!
//! Receiving holds no database connection, so a slow phone does not keep
//! a vault handle from everyone else; a file over its limit is refused as
//! soon as the limit is crossed and its partial ciphertext removed.

use std::io::{self, Read};

use testimonio_domain::RecordId;
use testimonio_ingest::received::{HEAD_BYTES, Received};
use testimonio_ingest::tools::Slots;
use testimonio_ingest::{FileReport, IngestOptions, ingest_received};
use testimonio_search::WatchlistRun;
use testimonio_vault::{AttachmentOwner, BlobSink, CaptureMetadata, RecordKind, Vault};
use zeroize::Zeroizing;

use super::search::{SearchFailure, open_index};
use super::watchlists;
use crate::{Actor, AppError, AppResult, act_as};

/// Bytes one file and one request may carry, unless configured otherwise
/// (200 MB, decimal, as the limit is shown to people).
pub const DEFAULT_LIMIT_BYTES: u64 = 200 * 1000 * 1000;

/// How large uploads may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    pub per_file: u64,
    pub per_request: u64,
}

impl Default for UploadLimits {
    fn default() -> Self {
        Self {
            per_file: DEFAULT_LIMIT_BYTES,
            per_request: DEFAULT_LIMIT_BYTES,
        }
    }
}

/// Why a file sent was not received. Nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReceived {
    /// Over the per-file limit (bytes).
    FileTooLarge { limit: u64 },
    /// The request went over its limit (bytes) during this file.
    RequestTooLarge { limit: u64 },
    /// The connection ended or the store could not be written.
    Interrupted,
}

/// The error a reader returns when the sender went over a limit, as the
/// inner error of an `io::Error`: [`receive`] counts the file itself, and
/// the stream feeding it stops with `Request` when the request's total
/// crosses its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OverLimit {
    #[error("over the per-file limit of {0} bytes")]
    File(u64),
    #[error("over the per-request limit of {0} bytes")]
    Request(u64),
}

impl OverLimit {
    /// The `io::Error` a reader returns for this.
    pub fn into_io(self) -> io::Error {
        io::Error::other(self)
    }
}

/// Encrypts what `reader` gives into the blob store, keeping its first
/// bytes to tell its kind, and refusing it past `per_file` bytes.
///
/// # Errors
/// [`NotReceived`] when a limit was crossed (the reader's
/// [`OverLimit`] error, or this file's own count) or the stream or store
/// failed; the partial ciphertext is removed either way.
pub fn receive(
    sink: &BlobSink,
    file_name: Option<String>,
    reader: &mut dyn Read,
    per_file: u64,
) -> Result<Received, NotReceived> {
    let mut counted = Counted {
        inner: reader,
        head: Zeroizing::new(Vec::with_capacity(HEAD_BYTES)),
        read: 0,
        limit: per_file,
    };
    match sink.put(&mut counted) {
        Ok((blob, _new)) => Ok(Received {
            blob,
            head: counted.head,
            file_name,
        }),
        Err(e) => Err(match over_limit(&e) {
            Some(OverLimit::File(limit)) => NotReceived::FileTooLarge { limit },
            Some(OverLimit::Request(limit)) => NotReceived::RequestTooLarge { limit },
            None => {
                tracing::warn!(error = %e, "an upload was not received");
                NotReceived::Interrupted
            }
        }),
    }
}

/// The limit behind a store error, when a reader stopped on one.
fn over_limit(e: &testimonio_vault::VaultError) -> Option<OverLimit> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<io::Error>()
            && let Some(limit) = io.get_ref().and_then(|e| e.downcast_ref::<OverLimit>())
        {
            return Some(*limit);
        }
        source = err.source();
    }
    None
}

/// Counts what passes, keeps the first bytes, stops past the limit.
struct Counted<'a> {
    inner: &'a mut dyn Read,
    head: Zeroizing<Vec<u8>>,
    read: u64,
    limit: u64,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(OverLimit::File(self.limit).into_io());
        }
        let room = HEAD_BYTES.saturating_sub(self.head.len()).min(n);
        self.head.extend_from_slice(&buf[..room]);
        Ok(n)
    }
}

/// One file of an upload and what became of it.
#[derive(Debug)]
pub struct UploadedFile {
    /// The name the sender gave (the file's own name on the phone).
    pub name: String,
    pub outcome: Result<FileReport, NotReceived>,
}

/// A finished upload.
#[derive(Debug)]
pub struct UploadRun {
    pub files: Vec<UploadedFile>,
    /// The watchlists' runs over the new pages, or why they could not run.
    pub watchlists: Result<Vec<WatchlistRun>, SearchFailure>,
    /// The people-mentioned scan over the new pages (counts over every
    /// person: shown only to who sees every identity), or why it failed
    /// (the pages stay queued for the next scan).
    pub mentions: AppResult<super::mentions::ScanOutcome>,
}

/// Where an upload was sent from and what it documents.
#[derive(Debug, Clone)]
pub struct UploadContext {
    /// The page or route it came through (`/events/evt-…`,
    /// `/api/v1/documents`): the custody event's source.
    pub channel: String,
    /// The record the files document, if any.
    pub attach_to: Option<UploadTarget>,
}

/// The record an upload documents: the page it was sent from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadTarget {
    Event(RecordId),
    Person(RecordId),
    /// Attached as the testimony's own documents (its `documents`).
    Testimony(RecordId),
}

impl UploadTarget {
    /// The target named by a `kind` (`event`, `person`, `testimony`) and
    /// an id as sent.
    ///
    /// # Errors
    /// A malformed id, on the field named by the kind.
    pub fn parse(kind: &str, id: &str) -> Result<Self, testimonio_domain::FieldError> {
        let field = match kind {
            "event" | "person" | "testimony" => kind,
            _ => "owner",
        };
        let id = RecordId::parse(field, id)?;
        Ok(match kind {
            "person" => UploadTarget::Person(id),
            "testimony" => UploadTarget::Testimony(id),
            _ => UploadTarget::Event(id),
        })
    }
}

/// Records received files: each through the ingest, attached to the
/// record the upload documents, then the watchlists run. Files not
/// received are reported beside the others.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that only reads;
/// [`AppError::UnknownReference`] (field `owner`) for a record the vault
/// does not have, before anything is recorded (the received blobs are
/// left unreferenced, as after a crash, and adopted if sent again).
pub fn record(
    vault: &mut Vault,
    actor: &Actor,
    files: Vec<(String, Result<Received, NotReceived>)>,
    context: &UploadContext,
    options: &IngestOptions,
) -> AppResult<UploadRun> {
    super::require_writer(actor)?;
    act_as(vault, actor)?;
    if let Some(target) = &context.attach_to {
        target_exists(vault, target)?;
    }
    let outcomes = ingest_all(vault, files, &context.channel, options)?;
    let mut reports = Vec::with_capacity(outcomes.len());
    for (name, outcome) in outcomes {
        if let (Ok(report), Some(target)) = (&outcome, &context.attach_to)
            && let testimonio_ingest::FileOutcome::Stored { id: document, .. } = &report.outcome
        {
            attach(vault, actor, target, document)?;
        }
        reports.push(UploadedFile { name, outcome });
    }
    let mentions = super::mentions::scan(vault, actor);
    if let Err(e) = &mentions {
        tracing::warn!(error = %e, "people-mentioned scan after an upload failed; its pages stay queued");
    }
    let watchlists = open_index(vault).and_then(|index| watchlists::run_all(vault, &index, actor));
    Ok(UploadRun {
        files: reports,
        watchlists,
        mentions,
    })
}

type Outcomes = Vec<(String, Result<FileReport, NotReceived>)>;

/// Each received file through the ingest, `options.jobs` at a time (each
/// worker on a vault handle of its own, as the command line's ingest),
/// in the order they were sent.
fn ingest_all(
    vault: &mut Vault,
    files: Vec<(String, Result<Received, NotReceived>)>,
    channel: &str,
    options: &IngestOptions,
) -> AppResult<Outcomes> {
    let slots = Slots::new(options.jobs.max(1));
    let workers = options.jobs.clamp(1, 8).min(files.len());
    if workers <= 1 {
        return Ok(files
            .into_iter()
            .map(|(name, received)| {
                let outcome = received.map(|r| ingest_received(vault, r, channel, options, &slots));
                (name, outcome)
            })
            .collect());
    }
    let handles = (0..workers)
        .map(|_| vault.try_clone())
        .collect::<Result<Vec<_>, _>>()?;
    let queue = std::sync::Mutex::new(files.into_iter().enumerate().collect::<Vec<_>>());
    let done = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for mut handle in handles {
            let (queue, done, slots) = (&queue, &done, &slots);
            scope.spawn(move || {
                loop {
                    let next = queue
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .pop();
                    let Some((i, (name, received))) = next else {
                        break;
                    };
                    let outcome =
                        received.map(|r| ingest_received(&mut handle, r, channel, options, slots));
                    done.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((i, name, outcome));
                }
            });
        }
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_key(|(i, ..)| *i);
    Ok(done
        .into_iter()
        .map(|(_, name, outcome)| (name, outcome))
        .collect())
}

fn attach(
    vault: &mut Vault,
    actor: &Actor,
    target: &UploadTarget,
    document: &str,
) -> AppResult<()> {
    match target {
        UploadTarget::Event(id) => {
            vault.attach_document(AttachmentOwner::Event, id.as_str(), document)?;
        }
        UploadTarget::Person(id) => {
            vault.attach_document(AttachmentOwner::Person, id.as_str(), document)?;
        }
        UploadTarget::Testimony(id) => {
            let document = RecordId::parse("document", document)?;
            crate::records::testimonies::link(
                vault,
                actor,
                id,
                &testimonio_vault::TestimonyLink::Document(document),
            )?;
        }
    }
    Ok(())
}

fn target_exists(vault: &Vault, target: &UploadTarget) -> AppResult<()> {
    let (kind, id, known) = match target {
        UploadTarget::Event(id) => (RecordKind::Event, id, vault.event(id)?.is_some()),
        UploadTarget::Person(id) => (RecordKind::Person, id, vault.person_summary(id)?.is_some()),
        UploadTarget::Testimony(id) => (
            RecordKind::Testimony,
            id,
            vault.testimony_summary(id)?.is_some(),
        ),
    };
    if known {
        Ok(())
    } else {
        Err(AppError::UnknownReference {
            field: "owner".into(),
            kind,
            id: id.to_string(),
        })
    }
}

/// What the camera recorded about document `id`, for an actor allowed to
/// see it (roles that see identities: a photo's position can be a home);
/// `Ok(None)` for everyone else and for photos without it. The read is
/// audited by the vault before it returns.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Document`); storage failures.
pub fn capture(vault: &mut Vault, actor: &Actor, id: &str) -> AppResult<Option<CaptureMetadata>> {
    if !actor.role().sees_all_identities() {
        return Ok(None);
    }
    act_as(vault, actor)?;
    Ok(vault.document_capture(id)?)
}

/// The files attached to a record, as `actor` may see them: an event's for
/// every role (documents are the evidence every role reads); a person's
/// only for an actor who may see that person's identity (a notice to
/// appear names them), `None` for anyone else. Not audited (a listing).
///
/// # Errors
/// Storage failures.
pub fn attachments(
    vault: &Vault,
    actor: &Actor,
    owner: AttachmentOwner,
    id: &testimonio_domain::RecordId,
) -> AppResult<Option<Vec<testimonio_vault::DocumentInfo>>> {
    if owner == AttachmentOwner::Person
        && !crate::records::access::may_see_identity(vault, actor, id)?
    {
        return Ok(None);
    }
    Ok(Some(vault.attachments(owner, id.as_str())?))
}
