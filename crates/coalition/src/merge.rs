//! The hub's merge: people of different members whose match tokens meet
//! become one person, without anyone learning who they are.
//!
//! Each member's current bundle gives its people (by the member's own
//! pseudonymous ids); two people are joined when they share any token.
//! A cluster that would join two people of one member is not merged (a
//! member documents a person once; two of its records meeting means the
//! tokens are ambiguous — namesakes born the same year, a shared
//! A-number typed wrong): it is flagged for review and its people count
//! apart.

use std::collections::{BTreeMap, HashMap};

use crate::bundle::Bundle;

/// One member's person: the member's name at the hub and the person's
/// pseudonymous id in that member's bundles.
pub type MemberPerson = (String, String);

/// The merged picture's people.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Each coalition person: the member people it is made of (one for a
    /// person only one member reports).
    pub people: Vec<Vec<MemberPerson>>,
    /// Clusters that would join two people of one member: left unmerged
    /// (their people are in `people` one by one), for review.
    pub flagged: Vec<Vec<MemberPerson>>,
}

impl Merged {
    /// People reported by two or more members.
    pub fn shared(&self) -> usize {
        self.people.iter().filter(|p| p.len() > 1).count()
    }

    /// How many of `member`'s people another member reports too: the
    /// count a member may learn back.
    pub fn shared_by(&self, member: &str) -> usize {
        self.people
            .iter()
            .filter(|p| p.len() > 1 && p.iter().any(|(m, _)| m == member))
            .count()
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Merges the members' current bundles (member name, bundle).
pub fn merge(bundles: &[(String, Bundle)]) -> Merged {
    let mut nodes: Vec<MemberPerson> = Vec::new();
    let mut by_token: HashMap<&str, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    for (member, bundle) in bundles {
        for person in &bundle.people {
            let i = nodes.len();
            nodes.push((member.clone(), person.id.clone()));
            parent.push(i);
            for t in &person.tokens {
                match by_token.get(t.token.as_str()) {
                    Some(&j) => {
                        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                        if a != b {
                            parent[a] = b;
                        }
                    }
                    None => {
                        by_token.insert(t.token.as_str(), i);
                    }
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<MemberPerson>> = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        let root = find(&mut parent, i);
        clusters.entry(root).or_default().push(node.clone());
    }
    let mut merged = Merged::default();
    for (_, mut cluster) in clusters {
        cluster.sort();
        let members: std::collections::BTreeSet<&str> =
            cluster.iter().map(|(m, _)| m.as_str()).collect();
        if members.len() < cluster.len() {
            merged
                .people
                .extend(cluster.iter().map(|p| vec![p.clone()]));
            merged.flagged.push(cluster);
        } else {
            merged.people.push(cluster);
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{BundlePerson, MatchToken, TokenKind};
    use testimonio_domain::ConsentLevel;

    fn person(id: char, tokens: &[&str]) -> BundlePerson {
        BundlePerson {
            id: format!("p-{}", id.to_string().repeat(32)),
            consent: ConsentLevel::CoalitionAggregate,
            groups: vec![],
            states: vec![],
            birth_band: None,
            tokens: tokens
                .iter()
                .map(|t| MatchToken {
                    kind: TokenKind::Name,
                    token: t.repeat(64),
                })
                .collect(),
        }
    }

    fn bundle(people: Vec<BundlePerson>) -> Bundle {
        let mut b = Bundle::new("c", 1, "2026-01-01T00:00:00Z");
        b.people = people;
        b
    }

    #[test]
    fn tokens_meet_across_members_and_a_same_member_clash_is_flagged() {
        let merged = merge(&[
            (
                "a".into(),
                bundle(vec![person('1', &["x"]), person('2', &["y"])]),
            ),
            (
                "b".into(),
                bundle(vec![person('3', &["x", "z"]), person('4', &["w"])]),
            ),
            (
                "c".into(),
                bundle(vec![person('5', &["y"]), person('6', &["y"])]),
            ),
        ]);
        assert_eq!(merged.shared(), 1);
        assert_eq!(merged.shared_by("a"), 1);
        assert_eq!(merged.shared_by("c"), 0);
        // a's 2 would join c's 5 and 6, two people of one member: flagged.
        assert_eq!(merged.flagged.len(), 1);
        assert_eq!(merged.flagged[0].len(), 3);
        // 6 member people: one merged pair, four alone.
        assert_eq!(merged.people.len(), 5);
    }
}
