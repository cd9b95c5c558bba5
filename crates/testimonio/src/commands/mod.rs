//! One module per group of commands.

pub mod analyze;
pub mod case;
pub mod coalition;
pub mod coalition_hub;
pub mod demo;
pub mod documents;
pub mod foia;
pub mod ingest;
pub mod packet;
pub mod person;
pub mod records;
pub mod redact;
pub mod report;
pub mod search;
pub mod sheet_import;
pub mod testimony;
pub mod user;
pub mod vault;
pub mod watch;
pub mod web;
