//! `testimonio packet PERSON`: one person's case packet (internal
//! audience). The application layer reads, audits and returns it; this
//! writes it, and with `--exhibits-dir` the cited originals beside it as
//! "Exhibit NN - name", byte-exact and hash-verified.

use std::path::Path;

use testimonio_app::reports::{Packet, make_packet};
use testimonio_i18n::tr;

use crate::cli::PacketArgs;
use crate::commands::analyze::today;
use crate::context::{CliResult, Context, operator};

pub fn run(cx: &Context, args: &PacketArgs) -> CliResult {
    let mut vault = cx.open()?;
    let packet = make_packet(
        &mut vault,
        &operator(),
        &args.person,
        cx.lang,
        args.format.format(),
        today(),
        args.exhibits_dir.is_some(),
    )
    .map_err(|e| cx.app_error(&e))?;
    write(cx, &packet, &args.out, args.exhibits_dir.as_deref())
}

/// Writes a packet to `out`, its exhibits into `exhibits_dir` when given,
/// and says so: for the person's packet and the case's alike.
pub(crate) fn write(
    cx: &Context,
    packet: &Packet,
    out: &Path,
    exhibits_dir: Option<&Path>,
) -> CliResult {
    cx.write_private(out, &packet.document)?;
    if let Some(dir) = exhibits_dir {
        cx.create_private_dir(dir)?;
        for exhibit in &packet.exhibit_files {
            cx.write_private(&dir.join(&exhibit.file_name), &exhibit.bytes)?;
        }
    }
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "packet-wrote",
            path = out.display().to_string(),
            events = packet.events,
            exhibits = packet.exhibits
        )
    );
    Ok(())
}
