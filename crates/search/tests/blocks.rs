//! The index's files sealed in blocks: opening reads little, memory stays
//! within the cache's budget, searches from several threads agree, every
//! file on disk is ciphertext, and a flipped byte, swapped blocks or a
//! truncated file are reported as an index to rebuild (never a panic, never
//! wrong results), and rebuilt by the call readers make.

use std::fs;
use std::path::{Path, PathBuf};

use testimonio_ingest::{IngestOptions, ingest};
use testimonio_search::{IndexError, SearchError, SearchIndex, index_dir};
use testimonio_vault::{Actor, BlockHeader, KdfParams, Passphrase, SealedFormat, Vault};

/// Pages of generated text (one text file, pages cut at form feeds): a
/// few megabytes of index, many blocks per file.
const PAGES: usize = 600;
/// A name planted on one page: never in the clear on disk.
const CANARY: &str = "Quetzalcoatlina Zorbavich";

struct Fixture {
    _dir: tempfile::TempDir,
    vault: Vault,
}

/// A word of a few syllables, from a number: a vocabulary of thousands.
fn word(mut n: u64) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "te", "su", "ra", "ve", "no", "pi", "da", "go", "fe", "ju", "ze", "bo",
        "ti",
    ];
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYLLABLES[(n % 16) as usize]);
        n /= 16;
    }
    w
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(
        &dir.path().join("vault"),
        &Passphrase::new("blocks test passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("test:blocks").unwrap(),
    )
    .unwrap()
    .vault;
    let mut text = String::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for page in 0..PAGES {
        if page > 0 {
            text.push('\u{c}');
        }
        for i in 0..200 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(&word(seed % 4096));
            text.push(if i % 12 == 11 { '\n' } else { ' ' });
        }
        if page == 321 {
            text.push_str(CANARY);
        }
    }
    let file = dir.path().join("pages.txt");
    fs::write(&file, text).unwrap();
    ingest(&vault, &[file], &IngestOptions::default(), &|_, _, _| {}).unwrap();
    let mut index = SearchIndex::open(&vault).unwrap();
    index.catch_up(&mut vault).unwrap();
    assert_eq!(index.entries(), PAGES as u64);
    Fixture { _dir: dir, vault }
}

fn sealed_files(vault: &Vault) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(index_dir(vault.dir()))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sealed"))
        .collect();
    files.sort();
    files
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .strip_suffix(".sealed")
        .unwrap()
        .to_owned()
}

fn header(path: &Path) -> BlockHeader {
    BlockHeader::parse(&name_of(path), &fs::read(path).unwrap()).unwrap()
}

/// The sealed file with the most blocks.
fn largest(vault: &Vault) -> PathBuf {
    sealed_files(vault)
        .into_iter()
        .max_by_key(|p| header(p).blocks())
        .unwrap()
}

/// Either the open or a search reports the damage as an index to rebuild.
fn damage_is_reported(vault: &Vault) {
    let opened = SearchIndex::open(vault);
    let failure = match opened {
        Err(e) => e,
        Ok(index) => {
            let mut failures = Vec::new();
            for query in [
                "kalomi",
                "\"kalomi telosu\"",
                "zorbavich",
                "ka*",
                "lo* OR te* OR su*",
            ] {
                match index.search(vault, query, 0, 1000) {
                    Ok(_) => {}
                    Err(SearchError::Index(e)) => failures.push(e),
                    Err(other) => panic!("{other:?}"),
                }
            }
            assert!(!failures.is_empty(), "the damage went unnoticed");
            failures.remove(0)
        }
    };
    match failure {
        IndexError::Open(e) => assert!(e.to_string().contains("does not open"), "{e}"),
        other => panic!("{other:?}"),
    }
}

/// The reader's call rebuilds the damaged index, which then answers.
fn rebuilt_on_next_open(vault: &mut Vault) {
    let index = SearchIndex::open_current(vault).unwrap();
    assert_eq!(index.entries(), PAGES as u64);
    assert_eq!(index.search(vault, "zorbavich", 0, 5).unwrap().total, 1);
    for path in sealed_files(vault) {
        assert_eq!(
            SealedFormat::of(&fs::read(&path).unwrap()),
            Some(SealedFormat::Blocks)
        );
    }
}

#[test]
fn opening_reads_little_and_memory_stays_within_the_cache() {
    let mut f = fixture();
    let files = sealed_files(&f.vault);
    let sealed: u64 = files.iter().map(|p| fs::metadata(p).unwrap().len()).sum();
    assert!(header(&largest(&f.vault)).blocks() >= 4, "too small a test");
    for path in &files {
        let bytes = fs::read(path).unwrap();
        assert_eq!(SealedFormat::of(&bytes), Some(SealedFormat::Blocks));
        for needle in [&b"Quetzalcoatlina"[..], b"quetzalcoatlina", b"zorbavich"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "plaintext in {}",
                path.display()
            );
        }
    }

    let budget = 256 * 1024;
    let index = SearchIndex::open_at_with_cache(
        &index_dir(f.vault.dir()),
        f.vault.search_index_sealer(),
        budget,
    )
    .unwrap();
    assert!(
        (index.cached_bytes() as u64) < sealed / 2,
        "{} of {sealed} decrypted by opening",
        index.cached_bytes()
    );
    for query in [
        "kalomi",
        "\"kalomi telosu\"",
        "ka* OR te*",
        "kalomi~1",
        "lo* OR su*",
    ] {
        index.search(&f.vault, query, 0, 50).unwrap();
        assert!(index.cached_bytes() <= budget + 64 * 1024);
    }
    let found = index.search(&f.vault, "quetzalcoatlina", 0, 5).unwrap();
    assert_eq!((found.total, found.hits[0].page), (1, Some(322)));

    // From several threads at once, with the cache too small to hold what
    // they read: the same answers as one thread alone.
    let queries = ["kalomi", "tesura OR vekano", "\"kalomi telosu\"", "ka*"];
    let alone: Vec<u64> = queries
        .iter()
        .map(|q| index.search_ids(q, 0, 20).unwrap().0)
        .collect();
    std::thread::scope(|s| {
        for t in 0..4 {
            let (index, alone) = (&index, &alone);
            s.spawn(move || {
                for round in 0..20 {
                    let i = (t + round) % queries.len();
                    assert_eq!(index.search_ids(queries[i], 0, 20).unwrap().0, alone[i]);
                }
            });
        }
    });
    drop(index);
    // Reopened, nothing to catch up.
    let mut again = SearchIndex::open(&f.vault).unwrap();
    assert_eq!(again.catch_up(&mut f.vault).unwrap().changes, 0);
}

#[test]
fn a_flipped_byte_in_any_block_is_an_index_to_rebuild() {
    let mut f = fixture();
    // A byte flipped in every block but the last of every file: whatever
    // a search reads, it meets one.
    for path in sealed_files(&f.vault) {
        let h = header(&path);
        let mut bytes = fs::read(&path).unwrap();
        for block in 0..h.blocks().saturating_sub(1) {
            let r = h.sealed_range(block);
            bytes[(r.start + (r.end - r.start) / 2) as usize] ^= 0x20;
        }
        fs::write(&path, bytes).unwrap();
    }
    damage_is_reported(&f.vault);
    rebuilt_on_next_open(&mut f.vault);
}

#[test]
fn swapped_blocks_are_an_index_to_rebuild() {
    let mut f = fixture();
    let path = largest(&f.vault);
    let h = header(&path);
    let mut bytes = fs::read(&path).unwrap();
    // Every pair of full blocks swapped (they have the same size).
    for pair in 0..(h.blocks() - 1) / 2 {
        let (a, b) = (h.sealed_range(2 * pair), h.sealed_range(2 * pair + 1));
        let first = bytes[a.start as usize..a.end as usize].to_vec();
        bytes.copy_within(b.start as usize..b.end as usize, a.start as usize);
        let at = (a.start + (b.end - b.start)) as usize;
        bytes[at..at + first.len()].copy_from_slice(&first);
    }
    fs::write(&path, bytes).unwrap();
    damage_is_reported(&f.vault);
    rebuilt_on_next_open(&mut f.vault);
}

#[test]
fn a_truncated_file_is_refused_when_opening_and_rebuilt() {
    let mut f = fixture();
    let path = largest(&f.vault);
    let h = header(&path);
    let cut = h.sealed_range(h.blocks() - 2).end;
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..cut as usize]).unwrap();
    match SearchIndex::open(&f.vault) {
        Err(IndexError::Open(e)) => assert!(e.to_string().contains("truncated"), "{e}"),
        other => panic!("{other:?}"),
    }
    // The header's length lowered to match: the new last block was not
    // sealed as the last one.
    let mut lowered = bytes[..cut as usize].to_vec();
    let len = h.plain_range(h.blocks() - 2).end;
    lowered[16..24].copy_from_slice(&len.to_le_bytes());
    fs::write(&path, &lowered).unwrap();
    match SearchIndex::open(&f.vault) {
        Err(IndexError::Open(e)) => assert!(e.to_string().contains("does not open"), "{e}"),
        other => panic!("{other:?}"),
    }
    rebuilt_on_next_open(&mut f.vault);
}
