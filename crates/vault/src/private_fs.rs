//! Files and directories only their owner can read: the vault itself
//! (`init`, `restore`, the blob store) and everything written for the user
//! (exports, reports, packets, letters, calendars, backups, originals).
//!
//! Each is created with its mode (0700 for directories, 0600 for files)
//! rather than changed afterwards, so that no other account can open it in
//! between, whatever the umask.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The mode of every directory the vault or an export creates.
pub const DIR_MODE: u32 = 0o700;
/// The mode of every file the vault or an export creates.
pub const FILE_MODE: u32 = 0o600;

/// Creates `path` and its missing parents, each 0700. Directories that
/// already exist keep their mode: a user's own folder is not ours to change.
///
/// # Errors
/// I/O errors.
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(path)
}

/// Sets a directory that we own (a new vault's) to 0700.
///
/// # Errors
/// I/O errors.
pub fn restrict_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(DIR_MODE))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Sets a file that we made (inside a private directory) to 0600.
///
/// # Errors
/// I/O errors.
pub fn restrict_file(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(FILE_MODE))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Creates a new file, 0600, failing if anything is already at `path`
/// (which also refuses to follow a planted symbolic link).
///
/// # Errors
/// I/O errors, an existing file.
pub fn create_new_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path)
}

/// A file for the user, written beside its final place and renamed over it
/// on [`PrivateFile::commit`]: 0600 from the first byte, and never
/// half-written at `path` (dropped without a commit, it disappears).
pub struct PrivateFile {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
}

impl PrivateFile {
    /// Starts a file that will replace `path`. A bare file name is in the
    /// current directory; the directory must exist.
    ///
    /// # Errors
    /// The directory cannot be written.
    pub fn create(path: &Path) -> io::Result<Self> {
        let dir = parent_dir(path);
        let mut builder = tempfile::Builder::new();
        builder.prefix(".testimonio-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(FILE_MODE));
        }
        Ok(Self {
            tmp: builder.tempfile_in(dir)?,
            path: path.to_owned(),
        })
    }

    /// The open file, for writers that need a `File` (seeking, copying).
    pub fn as_file_mut(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// Flushes to disk and renames into place; a crash leaves the old file
    /// or the new one, never a mix.
    ///
    /// # Errors
    /// I/O errors; the temporary file is then removed.
    pub fn commit(self) -> io::Result<()> {
        self.tmp.as_file().sync_all()?;
        let dir = parent_dir(&self.path).to_owned();
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        File::open(&dir).and_then(|d| d.sync_all())
    }
}

impl Write for PrivateFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.tmp.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// Writes `bytes` to `path` privately and atomically (see [`PrivateFile`]).
///
/// # Errors
/// I/O errors; nothing is left at `path` then.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = PrivateFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn everything_is_created_private_and_replaced_whole() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        create_dir_all(&dir).unwrap();
        assert_eq!(mode(&root.path().join("a")), DIR_MODE);
        assert_eq!(mode(&dir), DIR_MODE);

        let path = dir.join("out.csv");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(mode(&path), FILE_MODE, "a replaced 0644 file stays 0644");

        // Dropped without a commit: nothing appears, nothing is left beside it.
        let mut file = PrivateFile::create(&dir.join("never.csv")).unwrap();
        file.write_all(b"partial").unwrap();
        drop(file);
        let names: Vec<_> = fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);

        let new = dir.join("new");
        create_new_file(&new).unwrap();
        assert_eq!(mode(&new), FILE_MODE);
        assert!(
            create_new_file(&new).is_err(),
            "an existing file is refused"
        );
    }
}
