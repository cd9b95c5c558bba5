//! Writing a file of the index: sealed block by block as tantivy writes
//! it, into a temporary file renamed into place once finished and synced.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use tantivy::directory::{AntiCallToken, TerminatingWrite};
use testimonio_vault::BlockWriter;

use super::SealedDirectory;
use super::blocks::BlockFile;

pub(super) struct SealedWriter {
    pub(super) path: PathBuf,
    pub(super) tmp: PathBuf,
    /// `None` once terminated.
    pub(super) inner: Option<BlockWriter<File>>,
    pub(super) directory: SealedDirectory,
}

impl SealedWriter {
    fn inner(&mut self) -> io::Result<&mut BlockWriter<File>> {
        self.inner
            .as_mut()
            .ok_or_else(|| io::Error::other("write after the file was finished"))
    }
}

impl Write for SealedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner()?.flush()
    }
}

impl TerminatingWrite for SealedWriter {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        let writer = self
            .inner
            .take()
            .ok_or_else(|| io::Error::other("the file was already finished"))?;
        let (file, header) = writer.finish()?;
        file.sync_all()?;
        std::fs::rename(&self.tmp, self.directory.disk_path(&self.path))?;
        let name = self.path.to_string_lossy();
        let handle = BlockFile::written(&name, file, header, self.directory.shared.clone());
        self.directory.insert(&self.path, Arc::new(handle));
        self.directory.done_writing(&self.path);
        Ok(())
    }
}

impl Drop for SealedWriter {
    fn drop(&mut self) {
        if self.inner.take().is_some() {
            // Abandoned before it was finished: its ciphertext is of no use.
            let _ = std::fs::remove_file(&self.tmp);
            self.directory.done_writing(&self.path);
        }
    }
}
