//! Findings for an audience, reports and packets.
//!
//! - [`findings`]: the records a pattern analysis reads ([`load`]: every
//!   person without identity fields, every event) and the figures for one
//!   audience ([`Records::findings`]), where the consent filter and the
//!   suppression of small counts are applied, once, by
//!   `testimonio_report::Findings`.
//! - [`report`]: a pattern report composed from findings
//!   ([`compose_report`]), whose bytes can only be had through
//!   [`ComposedReport::release`], which writes the audit entry first.
//! - [`packet`]: one person's case packet ([`make_packet`]): the audited
//!   identity read, the events and excerpts, the export's audit entry and
//!   the exhibits' audited reads, returned as a typed [`Packet`] that the
//!   front end writes.
//! - [`bag`]: the packet as a signed (and optionally timestamped) BagIt
//!   bag ([`make_packet_bag`]), and its verification ([`verify_bag`]).

pub mod bag;
pub mod findings;
pub mod packet;
pub mod report;

pub use bag::{
    BagCheck, BagFault, BagFinding, PacketBag, SignatureCheck, make_case_packet_bag,
    make_packet_bag, signing_key, verify_bag, zip_bag,
};
pub use findings::{Records, findings, load};
pub use packet::{ExhibitFile, Packet, make_case_packet, make_packet};
pub use report::{ComposedReport, ReportCounts, compose_report};
