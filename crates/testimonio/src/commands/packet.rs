//! `testimonio packet PERSON`: one person's case packet (internal
//! audience). The application layer reads, audits and returns it; this
//! writes it, and with `--exhibits-dir` the cited originals beside it as
//! "Exhibit NN - name", byte-exact and hash-verified.

use testimonio_app::reports::make_packet;
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
    cx.write_private(&args.out, &packet.document)?;
    if let Some(dir) = &args.exhibits_dir {
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
            path = args.out.display().to_string(),
            events = packet.events,
            exhibits = packet.exhibits
        )
    );
    Ok(())
}
