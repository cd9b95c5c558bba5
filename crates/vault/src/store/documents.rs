//! Documents: originals in the blob store, their pages and text, their
//! custody, ingest, and the feed the search index is built from.

use std::io::{Read, Write};

use testimonio_domain::Event;
use zeroize::Zeroizing;

use crate::blobs::StoredBlob;
use crate::documents::{CustodyEvent, DocumentInfo, Provenance};
use crate::error::Result;
use crate::ingest::{
    DocumentFilter, IngestRecorded, IngestedDocument, Intake, PageSummary, PageText,
};
use crate::sealed::FileSealer;
use crate::search_feed::{IndexTarget, IndexablePage};

/// Evidence documents: encrypted originals (each kept once per content
/// hash), their extracted pages, and the custody log of each.
pub trait DocumentStore {
    /// Stores an original file, encrypted. The same bytes stored twice are
    /// kept once; the second time is a custody event. Returns the document
    /// and whether it is new. Audited.
    ///
    /// # Errors
    /// Reading the input; writing the store. Nothing is recorded then.
    fn add_document(
        &mut self,
        reader: &mut dyn Read,
        from: &Provenance<'_>,
    ) -> Result<(DocumentInfo, bool)>;

    /// Every document, oldest first. Not audited (descriptions only).
    ///
    /// # Errors
    /// Database errors.
    fn documents(&self) -> Result<Vec<DocumentInfo>>;

    /// One document's description.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Document`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn document(&self, id: &str) -> Result<DocumentInfo>;

    /// A document's custody events, oldest first.
    ///
    /// # Errors
    /// Database errors.
    fn custody(&self, id: &str) -> Result<Vec<CustodyEvent>>;

    /// Writes a document's original bytes to `out`, verifying their hash;
    /// returns how many. The read is audited and recorded in the custody
    /// log before the first byte is written.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; a blob that is missing or no longer matches
    /// its hash ([`VaultError::Blob`]).
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    /// [`VaultError::Blob`]: crate::VaultError::Blob
    fn read_document(&mut self, id: &str, out: &mut dyn Write) -> Result<u64>;

    /// Encrypts an original into the blob store without recording it (a
    /// blob no document names is reported by the vault's check); follow
    /// with [`DocumentStore::record_ingested`].
    ///
    /// # Errors
    /// Reading the input or writing the store.
    fn store_original(&self, reader: &mut dyn Read) -> Result<StoredBlob>;

    /// The document holding exactly these bytes (by SHA-256), if any.
    ///
    /// # Errors
    /// Database errors.
    fn document_by_sha256(&self, sha256: &str) -> Result<Option<DocumentInfo>>;

    /// Records an ingested original and its attachments in one
    /// transaction: the document, its pages, the custody event naming the
    /// tools that made the text, the FOIA production link and the audit
    /// entry. Bytes already stored with their text are not stored again.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown FOIA request; database
    /// errors. Nothing is written then.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn record_ingested(&mut self, doc: &IngestedDocument) -> Result<IngestRecorded>;

    /// Records that stored bytes were received again: a custody event only
    /// when the source is new for the document. Returns whether one was
    /// added.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn record_receipt(&mut self, id: &str, intake: &Intake) -> Result<bool>;

    /// Documents matching `filter`, oldest first, paged by the filter.
    ///
    /// # Errors
    /// Database errors.
    fn documents_filtered(&self, filter: &DocumentFilter) -> Result<Vec<DocumentInfo>>;

    /// How many documents match `filter`, ignoring its paging.
    ///
    /// # Errors
    /// Database errors.
    fn count_documents(&self, filter: &DocumentFilter) -> Result<u64>;

    /// A document's pages in order, without their text's words.
    ///
    /// # Errors
    /// Database errors.
    fn document_pages(&self, id: &str) -> Result<Vec<PageSummary>>;

    /// One page's text and word boxes, NOT audited: for machines (the
    /// index, exhibits audited by their caller). For a person, use
    /// [`DocumentStore::read_page_text`].
    ///
    /// # Errors
    /// Database errors; stored word boxes that no longer decode
    /// ([`VaultError::Internal`]).
    ///
    /// [`VaultError::Internal`]: crate::VaultError::Internal
    fn document_page(&self, id: &str, number: u32) -> Result<Option<PageText>>;

    /// One page's text for a person to read, audited as a text read of the
    /// document (see [`DocumentStore::record_text_reads`]) before it is
    /// returned. A page that does not exist is `None` and not audited.
    ///
    /// # Errors
    /// Database errors; stored word boxes that no longer decode.
    fn read_page_text(&mut self, document: &str, page: u32) -> Result<Option<PageText>>;

    /// Records that text of `documents` is about to be shown to the acting
    /// account: one `document_read` entry per document not audited for
    /// this account within the read window, all in one transaction. Call
    /// before the text leaves; if this fails, it must not leave.
    ///
    /// # Errors
    /// Database errors (nothing is remembered as audited then).
    fn record_text_reads(&mut self, documents: &[&str]) -> Result<()>;

    /// Audits a read of a document without decrypting it (a page image
    /// served from memory is still a read); returns its description.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn record_document_read(&mut self, id: &str, purpose: &str) -> Result<DocumentInfo>;

    /// A document's original bytes in memory, hash verified, audited as a
    /// read before they are returned.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; a missing or altered blob.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn document_bytes(&mut self, id: &str, purpose: &str) -> Result<Zeroizing<Vec<u8>>>;
}

/// What the search index is built and kept current from: a queue of
/// changed documents and events, in the order they changed.
pub trait SearchFeed {
    /// The sealer for the index's files (keyed by this store's keys).
    fn search_index_sealer(&self) -> FileSealer;

    /// Changes queued after `seq`, oldest first, at most `limit`, each with
    /// its sequence number.
    ///
    /// # Errors
    /// Database errors.
    fn index_changes_after(&self, seq: i64, limit: u32) -> Result<Vec<(i64, IndexTarget)>>;

    /// The newest change's number (0 when none was ever queued).
    ///
    /// # Errors
    /// Database errors.
    fn index_queue_head(&self) -> Result<i64>;

    /// Forgets the changes up to `seq` (applied by the index). Not audited:
    /// bookkeeping of derived data.
    ///
    /// # Errors
    /// Database errors.
    fn trim_index_queue(&mut self, seq: i64) -> Result<()>;

    /// One page with what the index filters on, or `None`.
    ///
    /// # Errors
    /// Database errors.
    fn indexable_page(&self, document: &str, page: u32) -> Result<Option<IndexablePage>>;

    /// Every page of a document (or only page `only`), in order.
    ///
    /// # Errors
    /// Database errors.
    fn indexable_pages(&self, document: &str, only: Option<u32>) -> Result<Vec<IndexablePage>>;

    /// Every document id, for rebuilding the index.
    ///
    /// # Errors
    /// Database errors.
    fn all_document_ids(&self) -> Result<Vec<String>>;

    /// Every event id, for rebuilding the index.
    ///
    /// # Errors
    /// Database errors.
    fn all_event_ids(&self) -> Result<Vec<String>>;

    /// An event for the index, narrative included (the index is sealed).
    ///
    /// # Errors
    /// Database errors.
    fn indexable_event(&self, id: &str) -> Result<Option<Event>>;
}
