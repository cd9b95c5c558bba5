//! The SQLCipher backend: [`Vault`] implements every storage trait by
//! delegating to its inherent methods of the same names and signatures
//! (inherent methods win in `Vault::name` paths, so these do not recurse).

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::{
    ConsentRecord, Event, ExcerptTag, Group, Person, RecordId, Role, Testimony,
};
use testimonio_foia::FoiaRequest;
use zeroize::Zeroizing;

use super::{
    AccountStore, AuditLog, CaseStore, DocumentStore, ExcerptStore, FoiaStore, ImportStore,
    ImportWriter, Maintenance, MentionStore, RecordStore, SearchFeed, TestimonyStore,
};
use crate::audit::{AuditEntry, ChainFault};
use crate::backup::BackupSummary;
use crate::blobs::StoredBlob;
use crate::check::CheckReport;
use crate::documents::{CustodyEvent, DocumentInfo, Provenance};
use crate::error::{RecordKind, Result, VaultError};
use crate::excerpts::{
    Excerpt, ExcerptFilter, ExcerptParts, NewHit, ShownExcerpt, Watchlist, WatchlistHit,
};
use crate::foia::{FoiaExport, Production};
use crate::imports::{ImportMode, ImportOrigin, ImportRow, ImportSession, RowWrites, StoredImport};
use crate::ingest::{
    DocumentFilter, IngestRecorded, IngestedDocument, Intake, PageSummary, PageText,
};
use crate::keys::Passphrase;
use crate::login::{LoginOutcome, SecondFactorOutcome, Throttle};
use crate::mentions::{
    Mention, MentionScan, MentionStatus, MentionTarget, ScanPage, WatchedPerson,
};
use crate::records::{Counts, EventFilter, PeopleFilter, PersonSummary, WriteOutcome};
use crate::sealed::FileSealer;
use crate::search_feed::{IndexTarget, IndexablePage};
use crate::sessions::{NewSession, SessionTimeouts, WebSession};
use crate::testimonies::{Review, TestimonyFilter, TestimonyLink, TestimonySummary};
use crate::tokens::ApiToken;
use crate::transfer::{ExportedRecords, ImportReport};
use crate::users::{CredentialsEnded, Password, User, Username};
use crate::vault::{Actor, FailedUnlock, Vault};

impl RecordStore for Vault {
    fn put_group(&mut self, group: &Group) -> Result<WriteOutcome> {
        Vault::put_group(self, group)
    }

    fn put_person(&mut self, person: &Person) -> Result<WriteOutcome> {
        Vault::put_person(self, person)
    }

    fn put_event(&mut self, event: &Event) -> Result<WriteOutcome> {
        Vault::put_event(self, event)
    }

    fn groups(&self) -> Result<Vec<Group>> {
        Vault::groups(self)
    }

    fn group(&self, id: &RecordId) -> Result<Option<Group>> {
        Vault::group(self, id)
    }

    fn people(&self, filter: &PeopleFilter) -> Result<Vec<PersonSummary>> {
        Vault::people(self, filter)
    }

    fn person_identity(&mut self, id: &RecordId) -> Result<Person> {
        Vault::person_identity(self, id)
    }

    fn person_summary(&self, id: &RecordId) -> Result<Option<PersonSummary>> {
        Vault::person_summary(self, id)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        Vault::events(self, filter)
    }

    fn event(&self, id: &RecordId) -> Result<Option<Event>> {
        Vault::event(self, id)
    }

    fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        Vault::count_events(self, filter)
    }

    fn count_people(&self) -> Result<u64> {
        Vault::count_people(self)
    }

    fn counts(&self) -> Result<Counts> {
        Vault::counts(self)
    }

    fn record_consent(&mut self, person: &RecordId, record: &ConsentRecord) -> Result<()> {
        Vault::record_consent(self, person, record)
    }

    fn withdraw_consent(&mut self, person: &RecordId, on: NaiveDate) -> Result<usize> {
        Vault::withdraw_consent(self, person, on)
    }

    fn import_records(
        &mut self,
        source: &str,
        records: impl Iterator<Item = (String, std::result::Result<ExchangeRecord, String>)>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        Vault::import_records(self, source, records, progress)
    }

    fn import_jsonl(
        &mut self,
        reader: impl BufRead,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        Vault::import_jsonl(self, reader, progress)
    }

    fn import_csv_dir(
        &mut self,
        dir: &Path,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        Vault::import_csv_dir(self, dir, progress)
    }

    fn export_jsonl(&mut self, out: &mut dyn Write) -> Result<u64> {
        Vault::export_jsonl(self, out)
    }

    fn export_csv_dir(&mut self, dir: &Path) -> Result<u64> {
        Vault::export_csv_dir(self, dir)
    }

    fn export_all(&mut self, format: &str) -> Result<ExportedRecords> {
        Vault::export_all(self, format)
    }
}

impl DocumentStore for Vault {
    fn add_document(
        &mut self,
        reader: &mut dyn Read,
        from: &Provenance<'_>,
    ) -> Result<(DocumentInfo, bool)> {
        Vault::add_document(self, reader, from)
    }

    fn documents(&self) -> Result<Vec<DocumentInfo>> {
        Vault::documents(self)
    }

    fn document(&self, id: &str) -> Result<DocumentInfo> {
        Vault::document(self, id)
    }

    fn custody(&self, id: &str) -> Result<Vec<CustodyEvent>> {
        Vault::custody(self, id)
    }

    fn read_document(&mut self, id: &str, out: &mut dyn Write) -> Result<u64> {
        Vault::read_document(self, id, out)
    }

    fn store_original(&self, reader: &mut dyn Read) -> Result<StoredBlob> {
        Vault::store_original(self, reader)
    }

    fn document_by_sha256(&self, sha256: &str) -> Result<Option<DocumentInfo>> {
        Vault::document_by_sha256(self, sha256)
    }

    fn record_ingested(&mut self, doc: &IngestedDocument) -> Result<IngestRecorded> {
        Vault::record_ingested(self, doc)
    }

    fn record_receipt(&mut self, id: &str, intake: &Intake) -> Result<bool> {
        Vault::record_receipt(self, id, intake)
    }

    fn documents_filtered(&self, filter: &DocumentFilter) -> Result<Vec<DocumentInfo>> {
        Vault::documents_filtered(self, filter)
    }

    fn count_documents(&self, filter: &DocumentFilter) -> Result<u64> {
        Vault::count_documents(self, filter)
    }

    fn document_pages(&self, id: &str) -> Result<Vec<PageSummary>> {
        Vault::document_pages(self, id)
    }

    fn document_page(&self, id: &str, number: u32) -> Result<Option<PageText>> {
        Vault::document_page(self, id, number)
    }

    fn read_page_text(&mut self, document: &str, page: u32) -> Result<Option<PageText>> {
        Vault::read_page_text(self, document, page)
    }

    fn record_text_reads(&mut self, documents: &[&str]) -> Result<()> {
        Vault::record_text_reads(self, documents)
    }

    fn record_document_read(&mut self, id: &str, purpose: &str) -> Result<DocumentInfo> {
        Vault::record_document_read(self, id, purpose)
    }

    fn document_bytes(&mut self, id: &str, purpose: &str) -> Result<Zeroizing<Vec<u8>>> {
        Vault::document_bytes(self, id, purpose)
    }
}

impl SearchFeed for Vault {
    fn search_index_sealer(&self) -> FileSealer {
        Vault::search_index_sealer(self)
    }

    fn index_changes_after(&self, seq: i64, limit: u32) -> Result<Vec<(i64, IndexTarget)>> {
        Vault::index_changes_after(self, seq, limit)
    }

    fn index_queue_head(&self) -> Result<i64> {
        Vault::index_queue_head(self)
    }

    fn trim_index_queue(&mut self, seq: i64) -> Result<()> {
        Vault::trim_index_queue(self, seq)
    }

    fn indexable_page(&self, document: &str, page: u32) -> Result<Option<IndexablePage>> {
        Vault::indexable_page(self, document, page)
    }

    fn indexable_pages(&self, document: &str, only: Option<u32>) -> Result<Vec<IndexablePage>> {
        Vault::indexable_pages(self, document, only)
    }

    fn all_document_ids(&self) -> Result<Vec<String>> {
        Vault::all_document_ids(self)
    }

    fn all_event_ids(&self) -> Result<Vec<String>> {
        Vault::all_event_ids(self)
    }

    fn indexable_event(&self, id: &str) -> Result<Option<Event>> {
        Vault::indexable_event(self, id)
    }
}

impl AuditLog for Vault {
    fn audit_tail(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        Vault::audit_tail(self, limit)
    }

    fn verify_audit_chain(&self) -> Result<(usize, Vec<ChainFault>)> {
        Vault::verify_audit_chain(self)
    }

    fn query_fingerprint(&self, query: &str) -> String {
        Vault::query_fingerprint(self, query)
    }

    fn record_search(
        &mut self,
        query: &str,
        offset: usize,
        total: u64,
        documents: &[&str],
        events: &[&str],
    ) -> Result<()> {
        Vault::record_search(self, query, offset, total, documents, events)
    }

    fn record_hits_view(&mut self, watchlist: Option<&str>, hits: &[WatchlistHit]) -> Result<()> {
        Vault::record_hits_view(self, watchlist, hits)
    }

    fn record_lock(&mut self) -> Result<()> {
        Vault::record_lock(self)
    }

    fn record_unlock(&mut self) -> Result<()> {
        Vault::record_unlock(self)
    }

    fn record_unlock_after(&mut self, failed: &[FailedUnlock], not_itemized: u64) -> Result<()> {
        Vault::record_unlock_after(self, failed, not_itemized)
    }
}

impl AccountStore for Vault {
    fn create_user(
        &mut self,
        username: &Username,
        role: Role,
        password: &Password,
    ) -> Result<User> {
        Vault::create_user(self, username, role, password)
    }

    fn users(&self) -> Result<Vec<User>> {
        Vault::users(self)
    }

    fn user(&self, id: i64) -> Result<Option<User>> {
        Vault::user(self, id)
    }

    fn set_password(
        &mut self,
        username: &Username,
        password: &Password,
    ) -> Result<CredentialsEnded> {
        Vault::set_password(self, username, password)
    }

    fn set_disabled(&mut self, username: &Username, disabled: bool) -> Result<User> {
        Vault::set_disabled(self, username, disabled)
    }

    fn enable_second_factor(&mut self, user_id: i64, secret: &str, used_step: u64) -> Result<()> {
        Vault::enable_second_factor(self, user_id, secret, used_step)
    }

    fn disable_second_factor(&mut self, user_id: i64) -> Result<()> {
        Vault::disable_second_factor(self, user_id)
    }

    fn totp_secret(&self, user_id: i64) -> Result<Option<Zeroizing<String>>> {
        Vault::totp_secret(self, user_id)
    }

    fn assign(&mut self, username: &Username, person: &RecordId) -> Result<()> {
        Vault::assign(self, username, person)
    }

    fn may_see_identity(&self, user: &User, person: &RecordId) -> Result<bool> {
        Vault::may_see_identity(self, user, person)
    }

    fn verify_login(
        &mut self,
        username: &str,
        password: &Password,
        throttle: &Throttle,
        device: Option<&str>,
    ) -> Result<LoginOutcome> {
        Vault::verify_login(self, username, password, throttle, device)
    }

    fn remember_device(
        &mut self,
        user_id: i64,
        device: Option<&str>,
    ) -> Result<Option<Zeroizing<String>>> {
        Vault::remember_device(self, user_id, device)
    }

    fn verify_second_factor(
        &mut self,
        user_id: i64,
        throttle: &Throttle,
        check: impl FnOnce(&str) -> Option<u64>,
    ) -> Result<SecondFactorOutcome> {
        Vault::verify_second_factor(self, user_id, throttle, check)
    }

    fn create_session(
        &mut self,
        user_id: i64,
        second_factor_pending: bool,
        timeouts: SessionTimeouts,
    ) -> Result<NewSession> {
        Vault::create_session(self, user_id, second_factor_pending, timeouts)
    }

    fn session(&mut self, token: &str, idle: Duration) -> Result<Option<WebSession>> {
        Vault::session(self, token, idle)
    }

    fn set_session_enrollment(&mut self, token: &str, secret: Option<&str>) -> Result<()> {
        Vault::set_session_enrollment(self, token, secret)
    }

    fn end_session(&mut self, token: &str) -> Result<()> {
        Vault::end_session(self, token)
    }

    fn end_all_sessions(&mut self) -> Result<usize> {
        Vault::end_all_sessions(self)
    }

    fn create_api_token(&mut self, username: &Username, label: &str) -> Result<Zeroizing<String>> {
        Vault::create_api_token(self, username, label)
    }

    fn create_api_token_valid_for(
        &mut self,
        username: &Username,
        label: &str,
        valid_for: Duration,
    ) -> Result<Zeroizing<String>> {
        Vault::create_api_token_valid_for(self, username, label, valid_for)
    }

    fn api_tokens(&self, username: Option<&Username>) -> Result<Vec<ApiToken>> {
        Vault::api_tokens(self, username)
    }

    fn revoke_api_token(&mut self, username: &Username, id: i64) -> Result<()> {
        Vault::revoke_api_token(self, username, id)
    }

    fn user_for_api_token(&mut self, token: &str) -> Result<Option<User>> {
        Vault::user_for_api_token(self, token)
    }
}

impl FoiaStore for Vault {
    fn put_foia(&mut self, request: &FoiaRequest) -> Result<WriteOutcome> {
        Vault::put_foia(self, request)
    }

    fn foia(&self, id: &str) -> Result<Option<FoiaRequest>> {
        Vault::foia(self, id)
    }

    fn foias(&self) -> Result<Vec<FoiaRequest>> {
        Vault::foias(self)
    }

    fn add_foia_production(
        &mut self,
        request: &str,
        document: &str,
        bates: (Option<&str>, Option<&str>),
        received_on: Option<NaiveDate>,
    ) -> Result<()> {
        Vault::add_foia_production(self, request, document, bates, received_on)
    }

    fn foia_productions(&self, request: &str) -> Result<Vec<Production>> {
        Vault::foia_productions(self, request)
    }

    fn link_foia_event(&mut self, request: &str, event: &RecordId) -> Result<()> {
        Vault::link_foia_event(self, request, event)
    }

    fn foia_events(&self, request: &str) -> Result<Vec<String>> {
        Vault::foia_events(self, request)
    }

    fn record_foia_export(&mut self, export: FoiaExport<'_>) -> Result<()> {
        Vault::record_foia_export(self, export)
    }
}

impl ExcerptStore for Vault {
    fn add_watchlist(&mut self, name: &str, query: &str, purpose: &str) -> Result<Watchlist> {
        Vault::add_watchlist(self, name, query, purpose)
    }

    fn watchlist(&self, id: &str) -> Result<Watchlist> {
        Vault::watchlist(self, id)
    }

    fn watchlists(&self) -> Result<Vec<Watchlist>> {
        Vault::watchlists(self)
    }

    fn set_watchlist_active(&mut self, id: &str, active: bool) -> Result<()> {
        Vault::set_watchlist_active(self, id, active)
    }

    fn record_watchlist_run(&mut self, id: &str, hits: &[NewHit]) -> Result<usize> {
        Vault::record_watchlist_run(self, id, hits)
    }

    fn watchlist_hits(
        &self,
        watchlist: Option<&str>,
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<WatchlistHit>> {
        Vault::watchlist_hits(self, watchlist, pending_only, limit)
    }

    fn pending_hit_count(&self) -> Result<u64> {
        Vault::pending_hit_count(self)
    }

    fn watchlist_hit(&self, id: i64) -> Result<WatchlistHit> {
        Vault::watchlist_hit(self, id)
    }

    fn dismiss_hit(&mut self, id: i64) -> Result<()> {
        Vault::dismiss_hit(self, id)
    }

    fn accept_hit(
        &mut self,
        id: i64,
        tags: Vec<ExcerptTag>,
        events: Vec<RecordId>,
        people: Vec<RecordId>,
    ) -> Result<Excerpt> {
        Vault::accept_hit(self, id, tags, events, people)
    }

    fn add_excerpt(&mut self, parts: &ExcerptParts) -> Result<Excerpt> {
        Vault::add_excerpt(self, parts)
    }

    fn excerpt(&self, id: &str) -> Result<Excerpt> {
        Vault::excerpt(self, id)
    }

    fn excerpts(&self, filter: &ExcerptFilter) -> Result<Vec<Excerpt>> {
        Vault::excerpts(self, filter)
    }

    fn people_tied_to_excerpt(&self, excerpt: &Excerpt) -> Result<Vec<RecordId>> {
        Vault::people_tied_to_excerpt(self, excerpt)
    }

    fn may_read_excerpt(&self, user: &User, excerpt: &Excerpt) -> Result<bool> {
        Vault::may_read_excerpt(self, user, excerpt)
    }

    fn excerpts_for(&mut self, user: &User, filter: &ExcerptFilter) -> Result<Vec<ShownExcerpt>> {
        Vault::excerpts_for(self, user, filter)
    }
}

impl Maintenance for Vault {
    fn actor(&self) -> &Actor {
        Vault::actor(self)
    }

    fn set_actor(&mut self, actor: Actor) {
        Vault::set_actor(self, actor)
    }

    fn change_passphrase(&mut self, new: &Passphrase) -> Result<()> {
        Vault::change_passphrase(self, new)
    }

    fn backup(&mut self, out: &Path) -> Result<BackupSummary> {
        Vault::backup(self, out)
    }

    fn check(&mut self) -> Result<CheckReport> {
        Vault::check(self)
    }

    fn reveal_age_identity(&mut self) -> Result<Zeroizing<String>> {
        Vault::reveal_age_identity(self)
    }
}

impl TestimonyStore for Vault {
    fn put_testimony(&mut self, testimony: &Testimony) -> Result<WriteOutcome> {
        Vault::put_testimony(self, testimony)
    }

    fn testimonies(&self, filter: &TestimonyFilter) -> Result<Vec<TestimonySummary>> {
        Vault::testimonies(self, filter)
    }

    fn testimony_summary(&self, id: &RecordId) -> Result<Option<TestimonySummary>> {
        Vault::testimony_summary(self, id)
    }

    fn testimony(&mut self, id: &RecordId) -> Result<Testimony> {
        Vault::testimony(self, id)
    }

    fn mark_testimony_reviewed(&mut self, id: &RecordId) -> Result<WriteOutcome> {
        Vault::mark_testimony_reviewed(self, id)
    }

    fn link_testimony(&mut self, id: &RecordId, link: &TestimonyLink) -> Result<WriteOutcome> {
        Vault::link_testimony(self, id, link)
    }

    fn search_testimonies(
        &mut self,
        among: &[RecordId],
        query: &str,
        matches: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Testimony>> {
        Vault::search_testimonies(self, among, query, matches)
    }

    fn reviewed_testimonies(&self) -> Result<Vec<(Testimony, Review)>> {
        Vault::reviewed_testimonies(self)
    }
}

impl CaseStore for Vault {
    fn add_case(
        &mut self,
        case: &testimonio_domain::Case,
        notes: Option<&testimonio_domain::Sensitive>,
    ) -> Result<()> {
        Vault::add_case(self, case, notes)
    }

    fn case(&self, id: &str) -> Result<Option<testimonio_domain::Case>> {
        Vault::case(self, id)
    }

    fn cases(&self) -> Result<Vec<testimonio_domain::Case>> {
        Vault::cases(self)
    }

    fn case_notes(&mut self, id: &str) -> Result<Option<testimonio_domain::Sensitive>> {
        Vault::case_notes(self, id)
    }

    fn set_case_status(
        &mut self,
        id: &str,
        status: testimonio_domain::CaseStatus,
    ) -> Result<WriteOutcome> {
        Vault::set_case_status(self, id, status)
    }

    fn link_case(
        &mut self,
        id: &str,
        kind: testimonio_domain::CaseLinkKind,
        target: &str,
    ) -> Result<bool> {
        Vault::link_case(self, id, kind, target)
    }

    fn unlink_case(
        &mut self,
        id: &str,
        kind: testimonio_domain::CaseLinkKind,
        target: &str,
    ) -> Result<bool> {
        Vault::unlink_case(self, id, kind, target)
    }

    fn case_links(&self, id: &str) -> Result<Vec<crate::cases::CaseLink>> {
        Vault::case_links(self, id)
    }
}

impl ImportStore for Vault {
    type Writer<'s> = ImportSession<'s>;

    fn save_import(&mut self, import: &StoredImport) -> Result<()> {
        Vault::save_import(self, import)
    }

    fn stored_import(&self, id: &str) -> Result<Option<StoredImport>> {
        Vault::stored_import(self, id)
    }

    fn stored_imports(&self, limit: usize) -> Result<Vec<StoredImport>> {
        Vault::stored_imports(self, limit)
    }

    fn import_sheet(&self, import: &StoredImport) -> Result<Option<Zeroizing<Vec<u8>>>> {
        Vault::import_sheet(self, import)
    }

    fn save_import_profile(&mut self, name: &str, profile: &str) -> Result<()> {
        Vault::save_import_profile(self, name, profile)
    }

    fn import_profile(&self, name: &str) -> Result<Option<String>> {
        Vault::import_profile(self, name)
    }

    fn import_profile_names(&self) -> Result<Vec<String>> {
        Vault::import_profile_names(self)
    }

    fn read_import_origins(
        &mut self,
        kind: RecordKind,
        id: &RecordId,
    ) -> Result<Vec<ImportOrigin>> {
        Vault::read_import_origins(self, kind, id)
    }

    fn begin_import(&mut self, import_id: &str, mode: ImportMode) -> Result<ImportSession<'_>> {
        Vault::begin_import(self, import_id, mode)
    }
}

impl ImportWriter for ImportSession<'_> {
    fn people(&self) -> Result<Vec<PersonSummary>> {
        ImportSession::people(self)
    }

    fn groups(&self) -> Result<Vec<Group>> {
        ImportSession::groups(self)
    }

    fn group(&self, id: &RecordId) -> Result<Option<Group>> {
        ImportSession::group(self, id)
    }

    fn person(&mut self, id: &RecordId) -> Result<Option<Person>> {
        ImportSession::person(self, id)
    }

    fn identities(&mut self) -> Result<Vec<Person>> {
        ImportSession::identities(self)
    }

    fn event(&self, id: &RecordId) -> Result<Option<Event>> {
        ImportSession::event(self, id)
    }

    fn write_row(&mut self, row: &ImportRow) -> Result<std::result::Result<RowWrites, VaultError>> {
        ImportSession::write_row(self, row)
    }

    fn finish(self, detail: &str) -> Result<()> {
        ImportSession::finish(self, detail)
    }
}

impl MentionStore for Vault {
    fn mention_queue(&self, after: i64, limit: u32) -> Result<Vec<(i64, MentionTarget)>> {
        Vault::mention_queue(self, after, limit)
    }

    fn watched_people(&self, only: Option<&[RecordId]>) -> Result<Vec<WatchedPerson>> {
        Vault::watched_people(self, only)
    }

    fn scan_pages_after(&self, after: Option<(&str, u32)>, limit: u32) -> Result<Vec<ScanPage>> {
        Vault::scan_pages_after(self, after, limit)
    }

    fn scan_page(&self, document: &str, page: u32) -> Result<Option<ScanPage>> {
        Vault::scan_page(self, document, page)
    }

    fn record_mention_scan(&mut self, scan: &MentionScan) -> Result<usize> {
        Vault::record_mention_scan(self, scan)
    }

    fn mentioned_people(&self, pending_only: bool) -> Result<Vec<RecordId>> {
        Vault::mentioned_people(self, pending_only)
    }

    fn person_mentions(
        &mut self,
        people: &[RecordId],
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<Mention>> {
        Vault::person_mentions(self, people, pending_only, limit)
    }

    fn mention_person(&self, id: i64) -> Result<RecordId> {
        Vault::mention_person(self, id)
    }

    fn review_mention(&mut self, id: i64, status: MentionStatus) -> Result<()> {
        Vault::review_mention(self, id, status)
    }
}
