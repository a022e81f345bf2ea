//! The selection an export was made under — ticked zones, sidebar filters, search — as
//! lines a chart note or a spreadsheet's "Selection" sheet states, so a table that says
//! "Talent 5 (100%)" also says it was cut by a search.

use crate::export::table::{Cell, Table};
use crate::gui::i18n::{Lang, T};
use crate::gui::state::Prefs;

use super::names;

/// (what, value) pairs: zones, each filter in force, the search; "none" when no filter.
pub fn lines(
    prefs: &Prefs,
    search: &str,
    zone_name: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    let lang = prefs.lang;
    let sep = lang.pick("、", "; ");
    let f = &prefs.filter;
    let mut out = vec![(
        T::Zones.get(lang).to_string(),
        prefs
            .selected_zones
            .iter()
            .map(|z| zone_name(z))
            .collect::<Vec<_>>()
            .join(sep),
    )];
    let mut filters: Vec<(String, String)> = Vec::new();
    if let Some(t) = &f.theme {
        filters.push((T::Theme.get(lang).into(), names::theme(lang, t)));
    }
    if let Some(i) = f.instrument {
        filters.push((
            T::Instrument.get(lang).into(),
            names::instrument(lang, i).into(),
        ));
    }
    if let Some(a) = &f.agency {
        filters.push((T::Agency.get(lang).into(), names::agency(lang, a)));
    }
    if let Some(i) = &f.indicator {
        filters.push((T::Indicator.get(lang).into(), names::indicator(lang, i)));
    }
    if let Some(y) = f.year {
        filters.push((T::DeadlineYear.get(lang).into(), y.to_string()));
    }
    if f.has_target {
        filters.push((T::HasTarget.get(lang).into(), lang.pick("是", "yes").into()));
    }
    let search = search.trim();
    if !search.is_empty() {
        filters.push((T::Search.get(lang).into(), format!("“{search}”")));
    }
    if filters.is_empty() {
        out.push((
            T::Filters.get(lang).into(),
            lang.pick("无(全部记录)", "none (every row)").into(),
        ));
    }
    out.extend(filters);
    out
}

/// True when a filter or search narrows the rows (not only the zone choice).
pub fn narrowed(prefs: &Prefs, search: &str) -> bool {
    let f = &prefs.filter;
    f.theme.is_some()
        || f.instrument.is_some()
        || f.agency.is_some()
        || f.indicator.is_some()
        || f.year.is_some()
        || f.has_target
        || !search.trim().is_empty()
}

/// One line for a chart's notes: `筛选:主题 人才;搜索 “离岸”`.
pub fn note(lines: &[(String, String)], lang: Lang) -> String {
    let parts: Vec<String> = lines
        .iter()
        .skip(1)
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    format!(
        "{}: {}",
        lang.pick("选择", "Selection"),
        parts.join(lang.pick(";", "; "))
    )
}

/// Whether a table is the "Selection" sheet made by [`sheet`].
pub fn is_sheet(table: &Table) -> bool {
    let names = [Lang::Zh, Lang::En].map(|l| l.pick("筛选条件", "Selection"));
    names.contains(&table.name.as_str()) && table.headers.len() == 2
}

/// The selection a briefing states under its title: the zones; the theme, whose measures
/// get side-by-side tables; and any other filter or search, marked as not applied (the
/// briefing covers every row of the ticked zones).
pub fn briefing_lines(
    prefs: &Prefs,
    search: &str,
    zone_name: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    let lang = prefs.lang;
    let theme = T::Theme.get(lang);
    let none = T::Filters.get(lang);
    lines(prefs, search, zone_name)
        .into_iter()
        .enumerate()
        .map(|(i, (k, v))| {
            if i == 0 || k == none {
                (k, v)
            } else if k == theme {
                let tables =
                    lang.pick("(该主题列出对照表)", " (side-by-side tables of this theme)");
                (k, format!("{v}{tables}"))
            } else {
                let not = lang.pick(
                    "(仅用于屏幕显示,简报未按此筛选)",
                    " (on screen only: the briefing is not narrowed by it)",
                );
                (k, format!("{v}{not}"))
            }
        })
        .collect()
}

/// The "Selection" sheet: what each table of the file was made under.
pub fn sheet(lines: &[(String, String)], lang: Lang) -> Table {
    Table {
        name: lang.pick("筛选条件", "Selection").into(),
        headers: vec![
            lang.pick("项目", "Item").into(),
            lang.pick("内容", "Value").into(),
        ],
        rows: lines
            .iter()
            .map(|(k, v)| vec![Cell::Text(k.clone()), Cell::Text(v.clone())])
            .collect(),
    }
}
