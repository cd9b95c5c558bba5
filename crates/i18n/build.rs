//! Joins each language's `.ftl` files (sorted by name) into one resource in
//! `OUT_DIR`, so that adding a file to `locales/en` and `locales/es` is all
//! it takes to add messages.

use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=locales");
    for lang in ["en", "es"] {
        let dir = Path::new("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let text =
                fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            joined.push_str(&text);
            joined.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined)
            .expect("OUT_DIR is writable");
    }
}
