//! Command-line definitions of `coalition` (a member group's side) and
//! `custodian` (the key custodian's). Their help is in `help_coalition.rs`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum CoalitionCommand {
    Join(CoalitionJoinArgs),
    Share {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    Status {
        #[arg(long)]
        json: bool,
    },
    Create {
        #[arg(long = "coalition")]
        coalition_id: String,
        #[arg(long)]
        json: bool,
    },
    Invite {
        #[arg(long)]
        json: bool,
    },
    Admit {
        name: String,
        #[arg(long)]
        member_key: String,
    },
    Receive {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct CoalitionJoinArgs {
    #[arg(long = "coalition")]
    pub coalition_id: String,
    #[arg(long = "hub")]
    pub hub_recipient: String,
    #[arg(long, requires_all = ["custodian_key", "custodian_token_file"])]
    pub custodian_url: Option<String>,
    #[arg(long, requires = "custodian_url")]
    pub custodian_key: Option<String>,
    #[arg(long, requires = "custodian_url")]
    pub custodian_token_file: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum CustodianCommand {
    Init {
        #[arg(long)]
        json: bool,
    },
    AddMember {
        name: String,
        #[arg(long, default_value_t = 50_000, value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
        daily_budget: u64,
        #[arg(long)]
        token_out: PathBuf,
    },
    Serve {
        #[arg(long, default_value = "127.0.0.1:8090")]
        addr: std::net::SocketAddr,
    },
}
