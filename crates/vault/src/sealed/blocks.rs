//! Files sealed in blocks (sealed-file format v2), for files read in
//! small parts (the search index): each block of plaintext is sealed on
//! its own, so that a reader decrypts only the blocks it touches and never
//! holds the whole file in memory.
//!
//! Layout: a 40-byte header — `TMSEAL2\0`, the plaintext bytes per block
//! (u32, little-endian), four zero bytes, the plaintext length (u64), a
//! 16-byte random salt — then the blocks in order, each the
//! XChaCha20-Poly1305 ciphertext of `block size` plaintext bytes (the last
//! one shorter, possibly empty: a file has at least one block) followed by
//! its 16-byte tag. Block `i` sits at `40 + i × (block size + 16)`.
//!
//! Each block has its own nonce: the file's salt followed by the block's
//! number. Its associated data binds the purpose, the file's name, the
//! block size, the block's number and whether it is the last block, and
//! for the last block the file's plaintext length (the length is known
//! only when the writer finishes, so earlier blocks cannot carry it; the
//! last-block flag is what makes truncation and extension detectable, as
//! in the STREAM construction). So a block cannot be altered, moved to
//! another position or another file, or dropped from the end, and the
//! header cannot be changed, without a block failing to open; a file
//! whose size disagrees with its header is refused before any decryption.

use std::io::{self, Seek, SeekFrom, Write};
use std::ops::Range;

use chacha20poly1305::aead::{Aead, AeadInPlace, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::Zeroizing;

use super::{FileSealer, MAGIC, UnsealError};

const BLOCK_MAGIC: &[u8; 8] = b"TMSEAL2\0";
/// Bytes of the header of a file sealed in blocks.
pub const HEADER_LEN: usize = 40;
/// Plaintext bytes per block unless a writer asks for another size.
pub const DEFAULT_BLOCK_SIZE: u32 = 64 * 1024;
const TAG_LEN: u64 = 16;
/// Block sizes a header may declare: small enough to bound a reader's
/// allocation, large enough to make sense.
const BLOCK_SIZES: std::ops::RangeInclusive<u32> = 16..=(16 << 20);

/// The format of a sealed file, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedFormat {
    /// Format v1: the whole file in one AEAD ([`FileSealer::seal`]).
    Whole,
    /// Format v2: in blocks ([`FileSealer::block_writer`]).
    Blocks,
}

impl SealedFormat {
    /// The format of a file starting with `prefix` (its first 8 bytes or
    /// more), or `None` if it is not a sealed file.
    pub fn of(prefix: &[u8]) -> Option<Self> {
        if prefix.starts_with(MAGIC) {
            Some(SealedFormat::Whole)
        } else if prefix.starts_with(BLOCK_MAGIC) {
            Some(SealedFormat::Blocks)
        } else {
            None
        }
    }
}

/// The header of a file sealed in blocks: where its blocks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockHeader {
    block_size: u32,
    len: u64,
    salt: [u8; 16],
}

impl BlockHeader {
    /// Reads the header at the start of the file called `name`.
    ///
    /// # Errors
    /// Not a file sealed in blocks, or a header no writer makes.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Self, UnsealError> {
        let fail = |reason| UnsealError {
            name: name.to_owned(),
            reason,
        };
        let rest = bytes
            .strip_prefix(BLOCK_MAGIC)
            .ok_or_else(|| fail("not a file sealed in blocks"))?;
        if rest.len() < HEADER_LEN - BLOCK_MAGIC.len() {
            return Err(fail("truncated"));
        }
        let u32_at =
            |i: usize| u32::from_le_bytes([rest[i], rest[i + 1], rest[i + 2], rest[i + 3]]);
        let block_size = u32_at(0);
        let mut len = [0u8; 8];
        len.copy_from_slice(&rest[8..16]);
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&rest[16..32]);
        if !BLOCK_SIZES.contains(&block_size) || u32_at(4) != 0 {
            return Err(fail("unknown header"));
        }
        let header = BlockHeader {
            block_size,
            len: u64::from_le_bytes(len),
            salt,
        };
        // The sealed length must be representable.
        header
            .len
            .checked_add(header.blocks().saturating_mul(TAG_LEN) + HEADER_LEN as u64)
            .ok_or_else(|| fail("unknown header"))?;
        Ok(header)
    }

    fn encode(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[..8].copy_from_slice(BLOCK_MAGIC);
        out[8..12].copy_from_slice(&self.block_size.to_le_bytes());
        out[16..24].copy_from_slice(&self.len.to_le_bytes());
        out[24..40].copy_from_slice(&self.salt);
        out
    }

    /// Plaintext bytes of the file.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file's plaintext is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Plaintext bytes per block (the last block may hold fewer).
    pub fn block_size(&self) -> u32 {
        self.block_size
    }

    /// How many blocks the file has (at least one).
    pub fn blocks(&self) -> u64 {
        self.len.div_ceil(u64::from(self.block_size)).max(1)
    }

    /// The size the sealed file must have.
    pub fn sealed_len(&self) -> u64 {
        HEADER_LEN as u64 + self.len + self.blocks() * TAG_LEN
    }

    /// The plaintext bytes block `index` holds.
    pub fn plain_range(&self, index: u64) -> Range<u64> {
        let start = (index * u64::from(self.block_size)).min(self.len);
        start..(start + u64::from(self.block_size)).min(self.len)
    }

    /// Where block `index` lies in the sealed file.
    pub fn sealed_range(&self, index: u64) -> Range<u64> {
        let plain = self.plain_range(index);
        let start = HEADER_LEN as u64 + index * (u64::from(self.block_size) + TAG_LEN);
        start..start + (plain.end - plain.start) + TAG_LEN
    }

    fn nonce(&self, index: u64) -> XNonce {
        let mut nonce = [0u8; 24];
        nonce[..16].copy_from_slice(&self.salt);
        nonce[16..].copy_from_slice(&index.to_le_bytes());
        *XNonce::from_slice(&nonce)
    }
}

impl FileSealer {
    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.key.bytes().into())
    }

    fn block_aad(&self, name: &str, header: &BlockHeader, index: u64, last: bool) -> Vec<u8> {
        let mut aad = format!("testimonio sealed file v2\0{}\0{name}\0", self.purpose).into_bytes();
        aad.extend_from_slice(&header.block_size.to_le_bytes());
        aad.extend_from_slice(&index.to_le_bytes());
        if last {
            aad.push(1);
            aad.extend_from_slice(&header.len.to_le_bytes());
        } else {
            aad.push(0);
        }
        aad
    }

    /// Starts sealing the file called `name` into `out`, from its current
    /// position, in blocks of [`DEFAULT_BLOCK_SIZE`] plaintext bytes: see
    /// [`BlockWriter`].
    ///
    /// # Errors
    /// Writing the header's place to `out`.
    pub fn block_writer<W: Write + Seek>(&self, name: &str, out: W) -> io::Result<BlockWriter<W>> {
        self.block_writer_sized(name, out, DEFAULT_BLOCK_SIZE)
    }

    /// As [`FileSealer::block_writer`], with `block_size` plaintext bytes
    /// per block (clamped to what a header may declare).
    ///
    /// # Errors
    /// Writing the header's place to `out`.
    pub fn block_writer_sized<W: Write + Seek>(
        &self,
        name: &str,
        mut out: W,
        block_size: u32,
    ) -> io::Result<BlockWriter<W>> {
        let block_size = block_size.clamp(*BLOCK_SIZES.start(), *BLOCK_SIZES.end());
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let start = out.stream_position()?;
        let header = BlockHeader {
            block_size,
            len: 0,
            salt,
        };
        // Rewritten with the length when the writer finishes.
        out.write_all(&header.encode())?;
        Ok(BlockWriter {
            sealer: self.clone(),
            name: name.to_owned(),
            header,
            out,
            start,
            next: 0,
            buffer: Zeroizing::new(Vec::with_capacity(block_size as usize)),
        })
    }

    /// Seals `plaintext` in blocks as the file called `name` (for small
    /// files, written at once).
    pub fn seal_blocks(&self, name: &str, plaintext: &[u8]) -> Vec<u8> {
        let mut out = io::Cursor::new(Vec::new());
        let sealed = self.block_writer(name, &mut out).and_then(|mut writer| {
            writer.write_all(plaintext)?;
            writer.finish().map(|_| ())
        });
        sealed.expect("writing to memory cannot fail");
        out.into_inner()
    }

    /// Opens block `index` of the file called `name`, whose header is
    /// `header`, from its sealed bytes (`header.sealed_range(index)` of the
    /// file), decrypting in place.
    ///
    /// # Errors
    /// A block past the end, of the wrong size, or that does not
    /// authenticate at this place of this file.
    pub fn open_block(
        &self,
        name: &str,
        header: &BlockHeader,
        index: u64,
        sealed: Vec<u8>,
    ) -> Result<Zeroizing<Vec<u8>>, UnsealError> {
        let fail = |reason| UnsealError {
            name: name.to_owned(),
            reason,
        };
        if index >= header.blocks() {
            return Err(fail("block past the end"));
        }
        let range = header.sealed_range(index);
        if sealed.len() as u64 != range.end - range.start {
            return Err(fail("truncated"));
        }
        let last = index + 1 == header.blocks();
        let mut block = Zeroizing::new(sealed);
        self.cipher()
            .decrypt_in_place(
                &header.nonce(index),
                &self.block_aad(name, header, index, last),
                &mut *block,
            )
            .map_err(|_| {
                fail("authentication failed (altered, moved, or another vault or name)")
            })?;
        Ok(block)
    }

    /// Opens a whole file sealed in blocks (for small files, read at once).
    ///
    /// # Errors
    /// As [`FileSealer::open_block`]; a file whose size disagrees with its
    /// header.
    pub fn open_blocks(
        &self,
        name: &str,
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, UnsealError> {
        let header = BlockHeader::parse(name, sealed)?;
        if sealed.len() as u64 != header.sealed_len() {
            return Err(UnsealError {
                name: name.to_owned(),
                reason: "truncated or extended",
            });
        }
        let mut plain = Zeroizing::new(Vec::with_capacity(header.len as usize));
        for index in 0..header.blocks() {
            let range = header.sealed_range(index);
            let block = sealed[range.start as usize..range.end as usize].to_vec();
            plain.extend_from_slice(&self.open_block(name, &header, index, block)?);
        }
        Ok(plain)
    }
}

/// Seals a file block by block as it is written: only one block of
/// plaintext is held (and wiped), each full block is sealed and written
/// when the next byte arrives; [`BlockWriter::finish`] seals the last one
/// and writes the header with the file's length. Until then the file is
/// not a valid sealed file.
pub struct BlockWriter<W: Write + Seek> {
    sealer: FileSealer,
    name: String,
    header: BlockHeader,
    out: W,
    /// Where the header is in `out`.
    start: u64,
    next: u64,
    buffer: Zeroizing<Vec<u8>>,
}

impl<W: Write + Seek> std::fmt::Debug for BlockWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockWriter")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Seek> BlockWriter<W> {
    fn seal_buffer(&mut self, last: bool) -> io::Result<()> {
        let aad = self
            .sealer
            .block_aad(&self.name, &self.header, self.next, last);
        let sealed = self
            .sealer
            .cipher()
            .encrypt(
                &self.header.nonce(self.next),
                Payload {
                    msg: &self.buffer,
                    aad: &aad,
                },
            )
            .expect("XChaCha20-Poly1305 encryption cannot fail for in-memory buffers");
        self.out.write_all(&sealed)?;
        self.next += 1;
        self.buffer.clear();
        Ok(())
    }

    /// Seals the last block, writes the header with the file's length and
    /// returns the output (positioned after the last block) and the header.
    ///
    /// # Errors
    /// Writing or seeking in the output.
    pub fn finish(mut self) -> io::Result<(W, BlockHeader)> {
        self.seal_buffer(true)?;
        let end = self.out.stream_position()?;
        self.out.seek(SeekFrom::Start(self.start))?;
        self.out.write_all(&self.header.encode())?;
        self.out.seek(SeekFrom::Start(end))?;
        self.out.flush()?;
        let header = self.header;
        Ok((self.out, header))
    }
}

impl<W: Write + Seek> Write for BlockWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let block_size = self.header.block_size as usize;
        if self.buffer.len() == block_size {
            // More follows: the full block is not the last one.
            self.seal_buffer(false)?;
        }
        let n = buf.len().min(block_size - self.buffer.len());
        self.buffer.extend_from_slice(&buf[..n]);
        self.header.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Key32;

    fn sealer() -> FileSealer {
        FileSealer::new(Key32::from_bytes([5; 32]), "search index")
    }

    fn sealed(name: &str, plain: &[u8], block_size: u32) -> Vec<u8> {
        let mut out = io::Cursor::new(Vec::new());
        let mut writer = sealer()
            .block_writer_sized(name, &mut out, block_size)
            .unwrap();
        // In uneven pieces, as a buffered writer would.
        for piece in plain.chunks(7) {
            writer.write_all(piece).unwrap();
        }
        let (_, header) = writer.finish().unwrap();
        assert_eq!(header.len(), plain.len() as u64);
        out.into_inner()
    }

    fn block(bytes: &[u8], header: &BlockHeader, i: u64) -> Vec<u8> {
        let r = header.sealed_range(i);
        bytes[r.start as usize..r.end as usize].to_vec()
    }

    #[test]
    fn files_sealed_in_blocks_open_block_by_block_and_whole() {
        let plain: Vec<u8> = (0..1000u32).flat_map(|i| i.to_le_bytes()).collect();
        for (size, blocks) in [(16, 250), (1000, 4), (4000, 1), (64 * 1024, 1)] {
            let bytes = sealed("a.idx", &plain, size);
            assert_eq!(SealedFormat::of(&bytes), Some(SealedFormat::Blocks));
            let header = BlockHeader::parse("a.idx", &bytes).unwrap();
            assert_eq!(
                (header.blocks(), header.sealed_len()),
                (blocks, bytes.len() as u64)
            );
            let mut joined = Vec::new();
            for i in 0..header.blocks() {
                let opened = sealer()
                    .open_block("a.idx", &header, i, block(&bytes, &header, i))
                    .unwrap();
                let r = header.plain_range(i);
                assert_eq!(&opened[..], &plain[r.start as usize..r.end as usize]);
                joined.extend_from_slice(&opened);
            }
            assert_eq!(joined, plain);
            assert_eq!(&*sealer().open_blocks("a.idx", &bytes).unwrap(), &plain[..]);
        }
        // Empty, and an exact multiple of the block size.
        assert!(
            sealer()
                .open_blocks("e", &sealed("e", b"", 16))
                .unwrap()
                .is_empty()
        );
        let exact = sealed("x", &[7; 32], 16);
        assert_eq!(BlockHeader::parse("x", &exact).unwrap().blocks(), 2);
        assert_eq!(&*sealer().open_blocks("x", &exact).unwrap(), &[7; 32]);
        assert_eq!(
            sealer().seal_blocks("m", b"meta").len(),
            HEADER_LEN + 4 + 16
        );
    }

    #[test]
    fn altered_swapped_moved_truncated_or_extended_blocks_do_not_open() {
        let plain = b"the words of a page, sealed in four blocks of sixteen".to_vec();
        let bytes = sealed("a.idx", &plain, 16);
        let header = BlockHeader::parse("a.idx", &bytes).unwrap();
        assert_eq!(header.blocks(), 4);
        assert!(!bytes.windows(5).any(|w| w == b"words"));
        let open = |name: &str, header: &BlockHeader, i: u64, b: Vec<u8>| {
            sealer().open_block(name, header, i, b)
        };
        // A flipped byte.
        let mut flipped = block(&bytes, &header, 1);
        flipped[3] ^= 1;
        assert!(open("a.idx", &header, 1, flipped).is_err());
        // Swapped blocks, or a block read at another place.
        assert!(open("a.idx", &header, 2, block(&bytes, &header, 1)).is_err());
        // Another file's block at the same place, or another name.
        let other = sealed("b.idx", &plain, 16);
        let other_header = BlockHeader::parse("b.idx", &other).unwrap();
        assert!(open("a.idx", &header, 1, block(&other, &other_header, 1)).is_err());
        assert!(open("b.idx", &header, 1, block(&bytes, &header, 1)).is_err());
        // Another key.
        let stranger = FileSealer::new(Key32::from_bytes([6; 32]), "search index");
        assert!(
            stranger
                .open_block("a.idx", &header, 1, block(&bytes, &header, 1))
                .is_err()
        );
        // Truncated: the file's size no longer matches; with the header's
        // length lowered to match, the new last block was not sealed as the
        // last one.
        let cut = &bytes[..header.sealed_range(2).end as usize];
        assert!(sealer().open_blocks("a.idx", cut).is_err());
        let mut lowered = cut.to_vec();
        lowered[16..24].copy_from_slice(&48u64.to_le_bytes());
        let lowered_header = BlockHeader::parse("a.idx", &lowered).unwrap();
        assert_eq!(lowered_header.sealed_len(), lowered.len() as u64);
        assert!(sealer().open_blocks("a.idx", &lowered).is_err());
        // Extended by a block: the old last block is not a middle one.
        let mut longer = bytes.clone();
        longer.extend_from_slice(&block(&bytes, &header, 0));
        let len = plain.len() as u64 + 16;
        longer[16..24].copy_from_slice(&len.to_le_bytes());
        assert!(sealer().open_blocks("a.idx", &longer).is_err());
        // A changed block size or an unknown header.
        let mut resized = bytes.clone();
        resized[8] = 32;
        assert!(sealer().open_blocks("a.idx", &resized).is_err());
        let mut reserved = bytes.clone();
        reserved[13] = 1;
        assert!(BlockHeader::parse("a.idx", &reserved).is_err());
        assert!(BlockHeader::parse("a.idx", &bytes[..30]).is_err());
        assert!(open("a.idx", &header, 9, Vec::new()).is_err());
    }
}
