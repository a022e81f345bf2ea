//! The line-up the Compare view draws: items (measures or targets) grouped by theme or
//! canonical indicator, one column per ticked zone, so a row always holds comparable items
//! and a zone with nothing in a group shows a gap there. Built once per data change, not per
//! frame; the view only draws the lines that are on screen.

use std::collections::HashMap;

use super::data::Filtered;
use super::state::CompareBy;
use crate::analysis::presence::Presence;
use crate::catalog::Catalog;

/// One cell of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Index into `Filtered::measures` (by theme) or `Filtered::targets` (by indicator).
    Item(usize),
    /// The zone has nothing in this group (shown on the group's first row only).
    Gap,
    Empty,
}

/// A group's key: a theme id or canonical indicator id; `None` collects the items that
/// have none (measures without a theme, targets without a canonical indicator).
pub type GroupKey = Option<String>;

/// A line of the Compare view.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// A group heading with each column's item count.
    Header { key: GroupKey, counts: Vec<usize> },
    /// One cell per column.
    Row(Vec<Cell>),
}

/// Everything the layout depends on; the cached layout is rebuilt when it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutKey {
    pub generation: u64,
    pub zones: Vec<String>,
    pub by: CompareBy,
    /// The chosen theme (by theme) or indicator (by indicator); `None` = every group.
    pub chosen: Option<String>,
    /// Leave out the groups every zone has.
    pub differences_only: bool,
}

/// The lines of the current line-up, with the key they were built for.
#[derive(Debug, Clone, Default)]
pub struct CompareLayout {
    pub key: Option<LayoutKey>,
    pub lines: Vec<Line>,
}

impl CompareLayout {
    /// The lines for `key`, rebuilt from `data` only when `key` changed.
    pub fn lines(&mut self, key: LayoutKey, data: &Filtered) -> &[Line] {
        if self.key.as_ref() != Some(&key) {
            self.lines = build(data, &key);
            self.key = Some(key);
        }
        &self.lines
    }
}

/// Groups the filtered items of each zone and lines the groups up side by side.
pub fn build(data: &Filtered, key: &LayoutKey) -> Vec<Line> {
    let mut groups: Vec<(GroupKey, Vec<Vec<usize>>)> = Vec::new();
    let mut index: HashMap<GroupKey, usize> = HashMap::new();
    let n = key.zones.len();
    // Catalog order first, so groups appear in a stable, meaningful order.
    let catalog = Catalog::in_use();
    let ordered: Vec<GroupKey> = match (&key.chosen, key.by) {
        (Some(chosen), _) => vec![Some(chosen.clone())],
        (None, CompareBy::Theme) => catalog.themes.iter().map(|t| Some(t.id.clone())).collect(),
        (None, CompareBy::Indicator) => catalog
            .indicators
            .iter()
            .map(|i| Some(i.id.clone()))
            .collect(),
    };
    for k in ordered {
        index.insert(k.clone(), groups.len());
        groups.push((k, vec![Vec::new(); n]));
    }
    let mut add = |k: GroupKey, col: usize, item: usize| {
        let g = *index.entry(k.clone()).or_insert_with(|| {
            groups.push((k, vec![Vec::new(); n]));
            groups.len() - 1
        });
        groups[g].1[col].push(item);
    };
    for (col, slug) in key.zones.iter().enumerate() {
        match key.by {
            CompareBy::Theme => {
                for &i in data.measures_by_zone.get(slug).into_iter().flatten() {
                    let themes = &data.measures[i].themes;
                    match &key.chosen {
                        Some(chosen) => add(Some(chosen.clone()), col, i),
                        None if themes.is_empty() => add(None, col, i),
                        None => themes.iter().for_each(|t| add(Some(t.clone()), col, i)),
                    }
                }
            }
            CompareBy::Indicator => {
                for &i in data.targets_by_zone.get(slug).into_iter().flatten() {
                    let id = data.targets[i].target.indicator_id.clone();
                    match &key.chosen {
                        Some(chosen) => add(Some(chosen.clone()), col, i),
                        None => add(id, col, i),
                    }
                }
            }
        }
    }
    let single = key.chosen.is_some();
    let mut lines = Vec::new();
    for (k, columns) in groups {
        let counts: Vec<usize> = columns.iter().map(Vec::len).collect();
        // Every group is listed only when one was chosen; otherwise empty groups are noise.
        if !single && counts.iter().all(|&c| c == 0) {
            continue;
        }
        if key.differences_only && Presence::of(&counts) == Some(Presence::Common) {
            continue;
        }
        let rows = counts.iter().copied().max().unwrap_or(0).max(1);
        lines.push(Line::Header { key: k, counts });
        for r in 0..rows {
            let cells = columns
                .iter()
                .map(|items| match items.get(r) {
                    Some(&i) => Cell::Item(i),
                    None if r == 0 => Cell::Gap,
                    None => Cell::Empty,
                })
                .collect();
            lines.push(Line::Row(cells));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::rows::MeasureRow;

    fn measure(zone: &str, themes: &[&str]) -> MeasureRow {
        MeasureRow {
            id: 0,
            doc_id: 0,
            zone_slug: zone.into(),
            number: None,
            path: Vec::new(),
            title: String::new(),
            text: String::new(),
            span: (0, 0),
            units: Vec::new(),
            key_enterprises: Vec::new(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            instrument: None,
            instrument_subtype: None,
            target_count: 0,
            corrected: false,
        }
    }

    fn data(measures: Vec<MeasureRow>) -> Filtered {
        let mut f = Filtered::default();
        for (i, m) in measures.iter().enumerate() {
            f.measures_by_zone
                .entry(m.zone_slug.clone())
                .or_default()
                .push(i);
        }
        f.measures = measures;
        f
    }

    fn key(chosen: Option<&str>) -> LayoutKey {
        LayoutKey {
            generation: 1,
            zones: vec!["a".into(), "b".into()],
            by: CompareBy::Theme,
            chosen: chosen.map(String::from),
            differences_only: false,
        }
    }

    #[test]
    fn differences_only_leaves_out_what_every_zone_has() {
        let theme = Catalog::in_use().themes[0].id.clone();
        let other = Catalog::in_use().themes[1].id.clone();
        let f = data(vec![
            measure("a", &[&theme]),
            measure("a", &[&other]),
            measure("b", &[&other]),
        ]);
        let only_diffs = LayoutKey {
            differences_only: true,
            ..key(None)
        };
        let headers: Vec<GroupKey> = build(&f, &only_diffs)
            .into_iter()
            .filter_map(|l| match l {
                Line::Header { key, .. } => Some(key),
                Line::Row(_) => None,
            })
            .collect();
        assert_eq!(headers, vec![Some(theme)], "the common theme is left out");
    }

    #[test]
    fn groups_line_up_and_missing_themes_are_gaps() {
        let theme = Catalog::in_use().themes[0].id.clone();
        let other = Catalog::in_use().themes[1].id.clone();
        let f = data(vec![
            measure("a", &[&theme]),
            measure("a", &[&theme, &other]),
            measure("b", &[&other]),
        ]);
        let lines = build(&f, &key(None));
        assert_eq!(
            lines,
            vec![
                Line::Header {
                    key: Some(theme.clone()),
                    counts: vec![2, 0]
                },
                Line::Row(vec![Cell::Item(0), Cell::Gap]),
                Line::Row(vec![Cell::Item(1), Cell::Empty]),
                Line::Header {
                    key: Some(other.clone()),
                    counts: vec![1, 1]
                },
                Line::Row(vec![Cell::Item(1), Cell::Item(2)]),
            ]
        );
    }

    #[test]
    fn a_chosen_theme_gives_one_group_even_when_empty() {
        let f = data(Vec::new());
        let lines = build(&f, &key(Some("talent")));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], Line::Row(vec![Cell::Gap, Cell::Gap]));
    }

    #[test]
    fn measures_without_theme_form_their_own_group() {
        let f = data(vec![measure("b", &[])]);
        let lines = build(&f, &key(None));
        assert_eq!(
            lines[0],
            Line::Header {
                key: None,
                counts: vec![0, 1]
            }
        );
    }

    #[test]
    fn layout_is_rebuilt_only_when_its_key_changes() {
        let f = data(vec![measure("a", &[])]);
        let mut layout = CompareLayout::default();
        assert_eq!(layout.lines(key(None), &f).len(), 2);
        let empty = Filtered::default();
        // Same key: the cached lines stay, although the data passed differs.
        assert_eq!(layout.lines(key(None), &empty).len(), 2);
        let mut k = key(None);
        k.generation = 2;
        assert_eq!(layout.lines(k, &empty).len(), 0);
    }
}
