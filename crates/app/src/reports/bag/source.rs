//! Where a bag's files are read from: a folder, or a zip that serializes
//! one (RFC 8493 §4.2: a single top-level directory, the bag's base
//! directory, holds the whole bag). Verification reads both through this
//! one type, so a zipped bag is checked exactly as an unpacked one.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::Path;

use super::format::BagFile;
use super::verify::{BagFault, BagFinding};
use crate::{AppError, AppResult};

/// The largest single file read from a zipped bag. A bag's exhibits are
/// documents; a larger entry is refused rather than inflated into memory
/// (a zip bomb names a small file and inflates to gigabytes).
pub const MAX_ZIP_ENTRY: u64 = 2 << 30;

/// A bag to verify.
pub(super) enum BagSource {
    Dir(std::path::PathBuf),
    Zip {
        archive: Box<zip::ZipArchive<File>>,
        /// The base directory inside the zip, with its trailing `/`.
        root: String,
        /// Bag path → index of the entry in the archive.
        entries: BTreeMap<String, usize>,
        /// Entries that could not be inflated (or inflate past
        /// [`MAX_ZIP_ENTRY`]): read as absent, reported once here.
        unreadable: Vec<BagFinding>,
    },
}

impl BagSource {
    /// Opens `path`: a folder as it is, a file as a zipped bag. A file
    /// that is not a zip with one top-level directory gives `None` and a
    /// finding (it is not a bag; nothing else can be checked).
    ///
    /// # Errors
    /// [`AppError::Internal`] when `path` cannot be read for a reason other
    /// than its content (permissions, I/O).
    pub(super) fn open(path: &Path, findings: &mut Vec<BagFinding>) -> AppResult<Option<Self>> {
        if !path.is_file() {
            return Ok(Some(BagSource::Dir(path.to_owned())));
        }
        let file = File::open(path).map_err(AppError::internal)?;
        let Ok(archive) = zip::ZipArchive::new(file) else {
            findings.push(not_a_bag());
            return Ok(None);
        };
        let mut source = BagSource::Zip {
            archive: Box::new(archive),
            root: String::new(),
            entries: BTreeMap::new(),
            unreadable: Vec::new(),
        };
        if !source.index_zip(findings) {
            findings.push(not_a_bag());
            return Ok(None);
        }
        Ok(Some(source))
    }

    /// Finds the zip's one top-level directory and maps every file under
    /// it; unsafe names and non-files are findings. Returns whether the
    /// zip has the shape of a serialized bag.
    fn index_zip(&mut self, findings: &mut Vec<BagFinding>) -> bool {
        let BagSource::Zip {
            archive,
            root,
            entries,
            ..
        } = self
        else {
            return true;
        };
        let mut names: Vec<(usize, String)> = Vec::with_capacity(archive.len());
        for index in 0..archive.len() {
            // A name that does not decode cannot be checked against a
            // manifest: the zip is not read as a bag.
            let Some(Ok(name)) = archive.name_for_index(index) else {
                return false;
            };
            names.push((index, name.into_owned()));
        }
        let tops: std::collections::BTreeSet<&str> = names
            .iter()
            .map(|(_, name)| name.split('/').next().unwrap_or(""))
            .collect();
        let [top] = tops.into_iter().collect::<Vec<_>>()[..] else {
            return false;
        };
        if top.is_empty() || names.iter().any(|(_, n)| n == top) {
            return false;
        }
        *root = format!("{top}/");
        for (index, name) in &names {
            let Some(relative) = name.strip_prefix(root.as_str()) else {
                return false;
            };
            if relative.is_empty() || relative.ends_with('/') {
                continue;
            }
            let Ok(entry) = archive.by_index_raw(*index) else {
                findings.push(BagFinding {
                    path: relative.to_owned(),
                    fault: BagFault::NotAFile,
                });
                continue;
            };
            if entry.enclosed_name().is_none() || relative.split('/').any(|c| c == "..") {
                findings.push(BagFinding {
                    path: relative.to_owned(),
                    fault: BagFault::UnsafePath,
                });
            } else if entry.is_symlink() || !entry.is_file() {
                findings.push(BagFinding {
                    path: relative.to_owned(),
                    fault: BagFault::NotAFile,
                });
            } else {
                entries.insert(relative.to_owned(), *index);
            }
        }
        true
    }

    /// Every regular file of the bag (relative paths with `/`); links and
    /// other non-files are findings.
    ///
    /// # Errors
    /// [`AppError::Internal`] on an I/O error listing a folder.
    pub(super) fn list(&self, findings: &mut Vec<BagFinding>) -> AppResult<BTreeMap<String, ()>> {
        let mut out = BTreeMap::new();
        match self {
            BagSource::Dir(dir) => walk(dir, "", &mut out, findings)?,
            BagSource::Zip { entries, .. } => {
                out.extend(entries.keys().map(|path| (path.clone(), ())));
            }
        }
        Ok(out)
    }

    /// A file of the bag, or `None` when it is not there (or, zipped,
    /// cannot be inflated: see [`BagSource::take_unreadable`]).
    ///
    /// # Errors
    /// [`AppError::Internal`] on an I/O error reading a folder.
    pub(super) fn read(&mut self, path: &str) -> AppResult<Option<Vec<u8>>> {
        match self {
            BagSource::Dir(dir) => match std::fs::read(dir.join(path)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(AppError::internal(e)),
            },
            BagSource::Zip {
                archive,
                entries,
                unreadable,
                ..
            } => {
                let Some(&index) = entries.get(path) else {
                    return Ok(None);
                };
                let mut bytes = Vec::new();
                let inflated = archive.by_index(index).is_ok_and(|entry| {
                    entry
                        .take(MAX_ZIP_ENTRY + 1)
                        .read_to_end(&mut bytes)
                        .is_ok()
                });
                if inflated && bytes.len() as u64 <= MAX_ZIP_ENTRY {
                    return Ok(Some(bytes));
                }
                if !unreadable.iter().any(|f| f.path == path) {
                    unreadable.push(BagFinding {
                        path: path.to_owned(),
                        fault: BagFault::Unreadable,
                    });
                }
                Ok(None)
            }
        }
    }

    /// The zipped files that could not be read, each once.
    pub(super) fn take_unreadable(&mut self) -> Vec<BagFinding> {
        match self {
            BagSource::Dir(_) => Vec::new(),
            BagSource::Zip { unreadable, .. } => std::mem::take(unreadable),
        }
    }
}

fn not_a_bag() -> BagFinding {
    BagFinding {
        path: super::format::BAGIT.into(),
        fault: BagFault::NotABag,
    }
}

/// Every file under `dir` (relative paths with `/`) with whether it is a
/// regular file; links and other non-files are findings.
fn walk(
    dir: &Path,
    prefix: &str,
    out: &mut BTreeMap<String, ()>,
    findings: &mut Vec<BagFinding>,
) -> AppResult<()> {
    let entries = match std::fs::read_dir(dir.join(prefix)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(AppError::internal(e)),
    };
    for entry in entries {
        let entry = entry.map_err(AppError::internal)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{prefix}{name}");
        let kind = entry.file_type().map_err(AppError::internal)?;
        if kind.is_dir() {
            walk(dir, &format!("{path}/"), out, findings)?;
        } else if kind.is_file() {
            out.insert(path, ());
        } else {
            findings.push(BagFinding {
                path,
                fault: BagFault::NotAFile,
            });
        }
    }
    Ok(())
}

/// The bag serialized as a zip (RFC 8493 §4.2): every file under the one
/// base directory `base`, deflated, in the bag's order.
///
/// # Errors
/// [`AppError::Internal`] when the zip cannot be written.
pub fn zip_bag<W: Write + Seek>(files: &[BagFile], base: &str, out: W) -> AppResult<W> {
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o600)
        .large_file(
            files
                .iter()
                .any(|f| f.bytes.len() as u64 >= u64::from(u32::MAX)),
        );
    for file in files {
        zip.start_file(format!("{base}/{}", file.path), options)
            .map_err(AppError::internal)?;
        zip.write_all(&file.bytes).map_err(AppError::internal)?;
    }
    zip.finish().map_err(AppError::internal)
}
