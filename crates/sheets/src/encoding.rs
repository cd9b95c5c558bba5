//! Which encoding a text file is in: its byte-order mark, else UTF-8 when
//! the sample is valid UTF-8, else `chardetng`'s guess (Windows-1252 for
//! the spreadsheets Excel writes on Windows).

use encoding_rs::{Encoding, UTF_8};

/// How a file's encoding was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: &'static Encoding,
    /// A byte-order mark said so (and is skipped when reading).
    pub bom: bool,
    /// Guessed from the bytes: show a preview of accented values before
    /// trusting it.
    pub guessed: bool,
}

/// The encoding of a file whose first bytes are `sample` (64 KiB is
/// plenty). A sample cut in the middle of a UTF-8 sequence still counts
/// as UTF-8.
pub fn detect(sample: &[u8]) -> Detected {
    if let Some((encoding, _)) = Encoding::for_bom(sample) {
        return Detected {
            encoding,
            bom: true,
            guessed: false,
        };
    }
    match std::str::from_utf8(sample) {
        Ok(_) => Detected {
            encoding: UTF_8,
            bom: false,
            guessed: false,
        },
        // Only the last few bytes are an unfinished sequence: UTF-8.
        Err(e) if e.error_len().is_none() && sample.len() - e.valid_up_to() < 4 => Detected {
            encoding: UTF_8,
            bom: false,
            guessed: false,
        },
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(sample, false);
            Detected {
                encoding: detector.guess(None, false),
                bom: false,
                guessed: true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_utf8_and_windows_1252_are_told_apart() {
        let utf16 = detect(b"\xff\xfeN\0o\0");
        assert_eq!(utf16.encoding, encoding_rs::UTF_16LE);
        assert!(utf16.bom);
        let utf8 = detect("Nombre;Fecha\nJosé;3 de marzo\n".as_bytes());
        assert_eq!((utf8.encoding, utf8.guessed), (UTF_8, false));
        // "Acción;Organizador/a;Notificación de comparecencia" as Excel
        // writes it on Windows.
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252
            .encode("Acción;Organizador/a;Notificación de comparecencia;público anónimo\n");
        let legacy = detect(&cp1252);
        assert_eq!(legacy.encoding, encoding_rs::WINDOWS_1252);
        assert!(legacy.guessed);
        // A sample cut inside "é".
        let cut = &"José".as_bytes()[..4];
        assert_eq!(detect(cut).encoding, UTF_8);
    }
}
