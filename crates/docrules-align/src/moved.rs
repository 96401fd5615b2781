//! Tables that moved to another section (a table given a section of its own, a table left
//! under the heading it used to follow): the rows of a table none of whose rows paired pair in
//! order with those of the one table of the same shape elsewhere in the other version whose
//! rows state the same values in the same places, more of them unchanged than changed.
//!
//! Tables are looked up by shape (rows, columns), not compared pair by pair.

use foldhash::{HashMap, HashMapExt, HashSet};

use docrules_model::document::Document;
use docrules_model::fact::Fact;
use docrules_model::index::{RowId, TableId};

/// Rows of `old` paired with rows of `new` because their table moved; `paired` holds the row
/// pairs found otherwise, whose tables are not candidates.
pub(crate) fn moved_tables(
    old: &Document,
    new: &Document,
    paired: &HashMap<RowId, RowId>,
) -> HashMap<RowId, RowId> {
    let taken: HashSet<RowId> = paired.values().copied().collect();
    let old_tables = tables(old);
    let new_tables = tables(new);
    let mut by_shape: HashMap<(usize, usize), Vec<TableId>> = HashMap::new();
    for (&table, rows) in &new_tables {
        if rows.iter().any(|r| taken.contains(r)) {
            continue;
        }
        by_shape
            .entry((rows.len(), columns(new, table)))
            .or_default()
            .push(table);
    }
    let (old_facts, new_facts) = (row_facts(old), row_facts(new));
    let mut chosen: HashMap<TableId, Vec<TableId>> = HashMap::new();
    for (&table, rows) in &old_tables {
        if rows.len() < 2 || rows.iter().any(|r| paired.contains_key(r)) {
            continue;
        }
        let Some(candidates) = by_shape.get(&(rows.len(), columns(old, table))) else {
            continue;
        };
        let scored: Vec<(usize, TableId)> = candidates
            .iter()
            .filter_map(|&theirs| {
                let (same, changed) = agreement(rows, &new_tables[&theirs], &old_facts, &new_facts);
                (same >= 1 && same >= changed).then_some((same, theirs))
            })
            .collect();
        let best = scored.iter().map(|(s, _)| *s).max().unwrap_or(0);
        if let [(_, theirs)] = scored
            .iter()
            .filter(|(s, _)| *s == best)
            .copied()
            .collect::<Vec<_>>()
            .as_slice()
        {
            chosen.entry(*theirs).or_default().push(table);
        }
    }
    let mut out = HashMap::new();
    for (theirs, ours) in chosen {
        // A table two tables of the other version would claim is neither's.
        if let [table] = ours.as_slice() {
            for (&o, &n) in old_tables[table].iter().zip(&new_tables[&theirs]) {
                out.insert(o, n);
            }
        }
    }
    out
}

/// The rows of each table, in order.
fn tables(doc: &Document) -> HashMap<TableId, Vec<RowId>> {
    let mut out: HashMap<TableId, Vec<RowId>> = HashMap::new();
    for (r, rule) in doc.rules.iter().enumerate() {
        out.entry(rule.table).or_default().push(RowId::new(r));
    }
    out
}

fn columns(doc: &Document, table: TableId) -> usize {
    doc.tables.get(table.index()).map_or(0, |t| t.header.len())
}

fn row_facts(doc: &Document) -> HashMap<RowId, Vec<&Fact>> {
    let mut out: HashMap<RowId, Vec<&Fact>> = HashMap::new();
    for fact in &doc.facts {
        if let Some(rule) = fact.context.rule {
            out.entry(rule).or_default().push(fact);
        }
    }
    out
}

/// Of the facts of `ours`' rows: how many the row in the same place of `theirs` states too,
/// and how many quantities it states otherwise (a fact of that kind, none of that value).
fn agreement(
    ours: &[RowId],
    theirs: &[RowId],
    our_facts: &HashMap<RowId, Vec<&Fact>>,
    their_facts: &HashMap<RowId, Vec<&Fact>>,
) -> (usize, usize) {
    let (mut same, mut changed) = (0, 0);
    for (o, n) in ours.iter().zip(theirs) {
        let theirs = their_facts.get(n).map_or(&[][..], Vec::as_slice);
        for fact in our_facts.get(o).map_or(&[][..], Vec::as_slice) {
            if theirs.iter().any(|t| t.value.same_as(&fact.value)) {
                same += 1;
            } else if fact.kind.is_quantity() && theirs.iter().any(|t| t.kind == fact.kind) {
                changed += 1;
            }
        }
    }
    (same, changed)
}
