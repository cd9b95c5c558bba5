//! Writes the golden fixtures of `testimonio-bundle` v1 under
//! `tests/fixtures/v1/`. Run once when the format was released; the
//! fixtures are never regenerated (a changed format is a new version).

#[path = "../tests/common/mod.rs"]
mod common;

use std::fs;

use testimonio_coalition::{HubIdentity, MemberKey, seal};

fn main() {
    let dir = common::fixtures();
    fs::create_dir_all(&dir).expect("fixture directory");
    if dir.join("bundle.age").exists() {
        eprintln!("fixtures exist: never regenerated");
        std::process::exit(1);
    }
    let hub = HubIdentity::generate();
    let bundle = common::fixture_bundle();
    let key = MemberKey::from_seed(&common::MEMBER_SEED);
    let envelope = key.sign(&bundle).expect("sign");
    let body = bundle.to_bytes().expect("body");
    let sealed = seal::encrypt_to_hub(&envelope, &hub.recipient()).expect("encrypt");
    fs::write(dir.join("hub-identity.txt"), hub.expose().as_bytes()).expect("write");
    fs::write(dir.join("bundle.json"), body).expect("write");
    fs::write(dir.join("bundle.envelope"), envelope).expect("write");
    fs::write(dir.join("bundle.age"), sealed).expect("write");
}
