//! Copies that leave the vault without what the camera recorded: a photo
//! whose capture metadata (time, position, camera) the vault holds is
//! handed out with its EXIF removed (`img-parts`: JPEG, PNG, WebP), the
//! pixels untouched. The vault keeps the original byte-exact; only roles
//! that see identities read the metadata there, audited.

use img_parts::{Bytes, DynImage, ImageEXIF};
use testimonio_vault::Vault;

use crate::{AppError, AppResult};

/// `bytes` of document `id` as they may leave: without EXIF when the
/// vault holds capture metadata for it, unchanged otherwise.
///
/// # Errors
/// [`AppError::Internal`] for a photo with capture metadata whose EXIF
/// cannot be taken out (it does not leave then); storage failures.
pub fn for_export(vault: &Vault, id: &str, bytes: Vec<u8>) -> AppResult<Vec<u8>> {
    if !vault.has_capture(id)? {
        return Ok(bytes);
    }
    without_exif(bytes).ok_or_else(|| AppError::internal("a photo's EXIF could not be removed"))
}

/// The image without its EXIF, or `None` when it is not an image
/// `img-parts` reads.
pub fn without_exif(bytes: Vec<u8>) -> Option<Vec<u8>> {
    let mut image = DynImage::from_bytes(Bytes::from(bytes)).ok()??;
    image.set_exif(None);
    Some(image.encoder().bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::without_exif;

    #[test]
    fn the_exif_segment_goes_and_the_rest_stays() {
        // SOI, APP1 "Exif" with a marker string, then a stand-in for the
        // image data and EOI.
        let mut jpeg = b"\xff\xd8\xff\xe1\x00\x16Exif\x00\x00GPS-CANARY-1234".to_vec();
        jpeg.extend_from_slice(b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x12\x34\xff\xd9");
        let stripped = without_exif(jpeg.clone()).expect("a JPEG");
        assert!(!stripped.windows(10).any(|w| w == b"GPS-CANARY"));
        assert!(stripped.starts_with(b"\xff\xd8"));
        assert!(stripped.ends_with(b"\x12\x34\xff\xd9"));
        assert_eq!(without_exif(b"not an image".to_vec()), None);
    }
}
