//! Facets: counts of the matching entries per kind, source, FOIA request,
//! language and year, over every match (not only the page shown).

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentReader};

/// Counts of matching entries per value.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub kind: BTreeMap<String, u64>,
    pub source: BTreeMap<String, u64>,
    pub foia: BTreeMap<String, u64>,
    pub year: BTreeMap<u64, u64>,
    pub lang: BTreeMap<String, u64>,
}

/// Counts matches per source, FOIA request, year, language and kind.
pub(super) struct FacetCollector;

pub(super) struct SegmentFacets {
    columns: Option<FacetColumns>,
    counts: [BTreeMap<u64, u64>; 4],
    years: BTreeMap<u64, u64>,
}

struct FacetColumns {
    strs: [Option<tantivy::columnar::StrColumn>; 4],
    year: tantivy::columnar::Column<u64>,
}

const STR_FACETS: [&str; 4] = ["kind", "source", "foia", "lang"];

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let fast = segment.fast_fields();
        let strs = [
            fast.str("kind")?,
            fast.str("source")?,
            fast.str("foia")?,
            fast.str("lang")?,
        ];
        Ok(SegmentFacets {
            columns: Some(FacetColumns {
                strs,
                year: fast.u64("year")?,
            }),
            counts: Default::default(),
            years: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut all = Facets::default();
        for f in fruits {
            for (into, from) in [
                (&mut all.kind, f.kind),
                (&mut all.source, f.source),
                (&mut all.foia, f.foia),
                (&mut all.lang, f.lang),
            ] {
                for (k, v) in from {
                    *into.entry(k).or_default() += v;
                }
            }
            for (k, v) in f.year {
                *all.year.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(columns) = &self.columns else { return };
        for (i, column) in columns.strs.iter().enumerate() {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    *self.counts[i].entry(ord).or_default() += 1;
                }
            }
        }
        if let Some(year) = columns.year.first(doc) {
            *self.years.entry(year).or_default() += 1;
        }
    }

    fn harvest(self) -> Facets {
        let mut facets = Facets {
            year: self.years,
            ..Facets::default()
        };
        let Some(columns) = self.columns else {
            return facets;
        };
        for (i, counts) in self.counts.into_iter().enumerate() {
            let Some(column) = &columns.strs[i] else {
                continue;
            };
            let target = match STR_FACETS[i] {
                "kind" => &mut facets.kind,
                "source" => &mut facets.source,
                "foia" => &mut facets.foia,
                _ => &mut facets.lang,
            };
            for (ord, count) in counts {
                let mut value = String::new();
                if column.ord_to_str(ord, &mut value).unwrap_or(false) {
                    *target.entry(value).or_default() += count;
                }
            }
        }
        facets
    }
}
