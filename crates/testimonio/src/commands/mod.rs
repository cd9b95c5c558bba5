//! One module per group of commands.

pub mod demo;
pub mod documents;
pub mod foia;
pub mod ingest;
pub mod records;
pub mod search;
pub mod vault;
pub mod web;
