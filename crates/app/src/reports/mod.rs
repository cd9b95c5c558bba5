//! Findings for an audience, reports and packets.
