//! New record ids for records created without one.

/// A new random id: `prefix-` and 12 hex digits (48 random bits: two ids
/// made by hand in one vault collide with a chance of about 1 in 10^14).
pub fn new_id(prefix: &str) -> String {
    let bytes: [u8; 6] = rand::random();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}-{hex}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_have_the_prefix_and_twelve_hex_digits() {
        let id = super::new_id("p");
        let (prefix, hex) = id.split_at(2);
        assert_eq!(prefix, "p-");
        assert_eq!(hex.len(), 12);
        assert!(hex.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(super::new_id("p"), super::new_id("p"));
    }
}
