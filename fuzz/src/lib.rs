//! What the fuzz targets share: an exchange record, once valid, converts
//! to domain types and back to the same record (so nothing is lost or
//! invented between the exchange format and the vault).

use testimonio_domain::exchange::{EventRecord, ExchangeRecord, GroupRecord, PersonRecord};

/// Converts `record` to its domain type; if that succeeds, the record
/// written back from it must convert again to the very same record.
pub fn check_conversion(record: &ExchangeRecord) {
    match record {
        ExchangeRecord::Header(h) => {
            let _ = h.check();
        }
        ExchangeRecord::Group(g) => {
            if let Ok(group) = g.into_group() {
                let once = GroupRecord::from_group(&group);
                let again = once.into_group().expect("a written group reads back");
                assert_eq!(GroupRecord::from_group(&again), once);
            }
        }
        ExchangeRecord::Person(p) => {
            if let Ok(person) = p.into_person() {
                let once = PersonRecord::from_person(&person);
                let again = once.into_person().expect("a written person reads back");
                assert_eq!(PersonRecord::from_person(&again), once);
            }
        }
        ExchangeRecord::Event(e) => {
            if let Ok(event) = e.into_event() {
                let once = EventRecord::from_event(&event);
                let again = once.into_event().expect("a written event reads back");
                assert_eq!(EventRecord::from_event(&again), once);
            }
        }
    }
}
