//! The BagIt format (RFC 8493), the small part a packet bag needs: the
//! bag declaration, manifests (`<sha256>  <path>` lines, paths relative to
//! the bag with `/`, and `%`, CR and LF percent-encoded), `bag-info.txt`
//! labels and the Payload-Oxum. No maintained BagIt crate exists for Rust
//! (checked 2026-12); the format is small and written here to the letter.

use sha2::{Digest, Sha256};

/// `bagit.txt`, version 1.0, tag files in UTF-8 (RFC 8493 §2.1.1).
pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
pub const BAGIT: &str = "bagit.txt";
pub const BAG_INFO: &str = "bag-info.txt";
pub const MANIFEST: &str = "manifest-sha256.txt";
pub const TAG_MANIFEST: &str = "tagmanifest-sha256.txt";
/// minisign's public key, a tag file listed in the tag manifest.
pub const PUBLIC_KEY: &str = "minisign.pub";
/// The signature of the tag manifest (not in any manifest: it signs it).
pub const SIGNATURE: &str = "tagmanifest-sha256.txt.minisig";
/// The RFC 3161 timestamp reply for the tag manifest's SHA-256.
pub const TIMESTAMP: &str = "tagmanifest-sha256.txt.tsr";
/// The payload directory.
pub const DATA: &str = "data/";

/// One file of a bag: its path relative to the bag (with `/`) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A file's SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A path as a manifest writes it: `%` as `%25`, CR as `%0D`, LF as `%0A`
/// (RFC 8493 §2.1.3); nothing else is encoded.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A manifest's path back as the file's path: the three encodings of
/// [`encode_path`] (either case of hex digits) decoded, every other `%`
/// kept as written.
pub fn decode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3).map(str::to_ascii_uppercase);
        let decoded = match code.as_deref() {
            Some("25") => Some('%'),
            Some("0D") => Some('\r'),
            Some("0A") => Some('\n'),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[at + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A manifest of `files`: one `<sha256>  <path>` line each, in order.
pub fn manifest<'a>(files: impl IntoIterator<Item = &'a BagFile>) -> String {
    files
        .into_iter()
        .map(|f| format!("{}  {}\n", sha256_hex(&f.bytes), encode_path(&f.path)))
        .collect()
}

/// One line of a manifest as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestLine {
    pub sha256: String,
    /// Decoded: the file's path relative to the bag.
    pub path: String,
}

/// Reads a manifest: each non-empty line is a checksum, whitespace, and a
/// path. Returns the lines read and the (1-based) numbers of lines that
/// are not of that shape.
pub fn parse_manifest(text: &str) -> (Vec<ManifestLine>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let parsed = line
            .split_once([' ', '\t'])
            .map(|(sum, path)| (sum, path.trim_start_matches([' ', '\t'])))
            .filter(|(sum, path)| {
                sum.len() == 64 && sum.bytes().all(|b| b.is_ascii_hexdigit()) && !path.is_empty()
            });
        match parsed {
            Some((sum, path)) => lines.push(ManifestLine {
                sha256: sum.to_ascii_lowercase(),
                path: decode_path(path),
            }),
            None => bad.push(i + 1),
        }
    }
    (lines, bad)
}

/// The Payload-Oxum: total payload bytes, a dot, the number of files.
pub fn payload_oxum<'a>(payload: impl IntoIterator<Item = &'a BagFile>) -> String {
    let (octets, streams) = payload
        .into_iter()
        .fold((0u64, 0u64), |(o, s), f| (o + f.bytes.len() as u64, s + 1));
    format!("{octets}.{streams}")
}

/// `bag-info.txt` from labels and values, one `Label: value` line each; a
/// value's line breaks become continuation lines (indented), per §2.2.2.
pub fn bag_info(fields: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (label, value) in fields {
        let value = value.replace("\r\n", "\n").replace('\r', "\n");
        out.push_str(label);
        out.push_str(": ");
        out.push_str(&value.replace('\n', "\n  "));
        out.push('\n');
    }
    out
}

/// A file name safe on every common file system: letters (any script),
/// digits, space, `.`, `-` and `_` kept; anything else becomes `_`.
pub fn safe_file_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = name.trim_matches([' ', '.']);
    if trimmed.is_empty() {
        "_".into()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_encode_percent_cr_and_lf_only_and_decode_back() {
        let path = "data/a%b\r\nc d.pdf";
        let encoded = encode_path(path);
        assert_eq!(encoded, "data/a%25b%0D%0Ac d.pdf");
        assert_eq!(decode_path(&encoded), path);
        assert_eq!(decode_path("data/50%0a%zz"), "data/50\n%zz");
    }

    #[test]
    fn a_manifest_reads_back_what_was_written() {
        let files = [
            BagFile {
                path: "data/x y.txt".into(),
                bytes: b"x".to_vec(),
            },
            BagFile {
                path: "data/100%.txt".into(),
                bytes: vec![],
            },
        ];
        let text = manifest(&files);
        let (lines, bad) = parse_manifest(&format!("{text}not a line\n"));
        assert_eq!(bad, [3]);
        assert_eq!(lines[0].path, "data/x y.txt");
        assert_eq!(lines[0].sha256, sha256_hex(b"x"));
        assert_eq!(lines[1].path, "data/100%.txt");
        assert_eq!(payload_oxum(&files), "1.2");
    }

    #[test]
    fn bag_info_folds_line_breaks() {
        let text = bag_info(&[("Label", "one\ntwo".into())]);
        assert_eq!(text, "Label: one\n  two\n");
    }
}
