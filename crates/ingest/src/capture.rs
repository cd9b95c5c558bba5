//! What a camera wrote into a photo (EXIF): when it was taken, where, and
//! with what. Read with `kamadak-exif`; a photo without EXIF, or with
//! EXIF that does not parse, simply has none (the photo is stored either
//! way, and its text read).

use std::io::Cursor;

use exif::{Exif, In, Tag, Value};
use testimonio_vault::CaptureMetadata;

/// The capture metadata of a photo, or `None` when it carries none.
pub fn read(bytes: &[u8]) -> Option<CaptureMetadata> {
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()?;
    let capture = CaptureMetadata {
        captured_at: captured_at(&exif),
        latitude: coordinate(&exif, Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S', 90.0),
        longitude: coordinate(&exif, Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W', 180.0),
        altitude: altitude(&exif),
        device: device(&exif),
    };
    (!capture.is_empty()).then_some(capture)
}

/// `DateTimeOriginal` (else `DateTime`), with `OffsetTimeOriginal` when the
/// camera recorded it: ISO 8601 as the camera saw the clock.
fn captured_at(exif: &Exif) -> Option<String> {
    let (tag, offset_tag) = [
        (Tag::DateTimeOriginal, Tag::OffsetTimeOriginal),
        (Tag::DateTime, Tag::OffsetTime),
    ]
    .into_iter()
    .find(|(tag, _)| exif.get_field(*tag, In::PRIMARY).is_some())?;
    let Value::Ascii(ref parts) = exif.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let mut when = exif::DateTime::from_ascii(parts.first()?).ok()?;
    if let Some(Value::Ascii(offset)) = exif.get_field(offset_tag, In::PRIMARY).map(|f| &f.value)
        && let Some(offset) = offset.first()
    {
        // A malformed offset leaves the local time without one.
        let _ = when.parse_offset(offset);
    }
    let (year, month, day) = (when.year, when.month, when.day);
    if year == 0 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut text = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        when.hour, when.minute, when.second
    );
    if let Some(minutes) = when.offset {
        let sign = if minutes < 0 { '-' } else { '+' };
        let minutes = minutes.unsigned_abs();
        text.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
    }
    Some(text)
}

/// Degrees, minutes and seconds with their hemisphere, as signed degrees;
/// `None` when absent or out of range (a corrupt tag is no position).
fn coordinate(exif: &Exif, tag: Tag, reference: Tag, negative: u8, limit: f64) -> Option<f64> {
    let Value::Rational(ref dms) = exif.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let [degrees, minutes, seconds] = dms.get(..3)? else {
        return None;
    };
    if [degrees, minutes, seconds].iter().any(|r| r.denom == 0) {
        return None;
    }
    let value = degrees.to_f64() + minutes.to_f64() / 60.0 + seconds.to_f64() / 3600.0;
    let sign = match exif.get_field(reference, In::PRIMARY).map(|f| &f.value) {
        Some(Value::Ascii(r)) if r.first().and_then(|r| r.first()) == Some(&negative) => -1.0,
        _ => 1.0,
    };
    let value = sign * value;
    (value.is_finite() && value.abs() <= limit).then_some(value)
}

fn altitude(exif: &Exif) -> Option<f64> {
    let Value::Rational(ref r) = exif.get_field(Tag::GPSAltitude, In::PRIMARY)?.value else {
        return None;
    };
    let r = r.first().filter(|r| r.denom != 0)?;
    let below_sea = matches!(
        exif.get_field(Tag::GPSAltitudeRef, In::PRIMARY).map(|f| &f.value),
        Some(Value::Byte(b)) if b.first() == Some(&1)
    );
    let value = if below_sea { -r.to_f64() } else { r.to_f64() };
    value.is_finite().then_some(value)
}

fn device(exif: &Exif) -> Option<String> {
    let text = |tag| match exif.get_field(tag, In::PRIMARY).map(|f| &f.value) {
        Some(Value::Ascii(parts)) => parts
            .first()
            .map(|p| {
                String::from_utf8_lossy(p)
                    .trim_matches(['\0', ' '])
                    .to_owned()
            })
            .filter(|s| !s.is_empty()),
        _ => None,
    };
    match (text(Tag::Make), text(Tag::Model)) {
        (Some(make), Some(model)) if model.starts_with(&make) => Some(model),
        (Some(make), Some(model)) => Some(format!("{make} {model}")),
        (one, other) => one.or(other),
    }
    .map(|d| d.chars().take(120).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use exif::experimental::Writer;
    use exif::{Field, Rational};

    fn ascii(tag: Tag, text: &str) -> Field {
        Field {
            tag,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![text.as_bytes().to_vec()]),
        }
    }

    fn rationals(tag: Tag, values: &[(u32, u32)]) -> Field {
        Field {
            tag,
            ifd_num: In::PRIMARY,
            value: Value::Rational(
                values
                    .iter()
                    .map(|&(num, denom)| Rational { num, denom })
                    .collect(),
            ),
        }
    }

    /// A TIFF container holding only EXIF fields: what `read` gets from a
    /// camera's file once the image data is set aside.
    fn tiff_with(fields: &[Field]) -> Vec<u8> {
        let mut writer = Writer::new();
        for field in fields {
            writer.push_field(field);
        }
        let mut out = Cursor::new(Vec::new());
        writer.write(&mut out, false).unwrap();
        out.into_inner()
    }

    #[test]
    fn time_position_and_device_are_read() {
        let bytes = tiff_with(&[
            ascii(Tag::Make, "Google"),
            ascii(Tag::Model, "Pixel 7"),
            ascii(Tag::DateTimeOriginal, "2026:11:30 09:41:07"),
            ascii(Tag::OffsetTimeOriginal, "-05:00"),
            rationals(Tag::GPSLatitude, &[(40, 1), (42, 1), (4620, 100)]),
            ascii(Tag::GPSLatitudeRef, "N"),
            rationals(Tag::GPSLongitude, &[(73, 1), (59, 1), (0, 1)]),
            ascii(Tag::GPSLongitudeRef, "W"),
        ]);
        let capture = read(&bytes).expect("capture metadata");
        assert_eq!(
            capture.captured_at.as_deref(),
            Some("2026-11-30T09:41:07-05:00")
        );
        let (lat, lon) = capture.position().unwrap();
        assert!((lat - 40.712_833).abs() < 1e-5, "{lat}");
        assert!((lon + 73.983_333).abs() < 1e-5, "{lon}");
        assert_eq!(capture.device.as_deref(), Some("Google Pixel 7"));
        let debug = format!("{capture:?}");
        assert!(
            !debug.contains("40.7") && !debug.contains("Pixel"),
            "{debug}"
        );
    }

    #[test]
    fn no_exif_and_corrupt_positions_are_no_metadata() {
        assert_eq!(read(b"\xff\xd8\xff\xe0 not really a jpeg"), None);
        let bytes = tiff_with(&[rationals(Tag::GPSLatitude, &[(95, 1), (0, 1), (0, 0)])]);
        assert_eq!(read(&bytes), None);
    }
}
