//! Words around a year: a deadline (`到2025年`), a date a figure stands at (`截至2020年底`)
//! or a base year of a comparison (`比2020年`), and the tails that end a year phrase.

/// Words before a year that make it a deadline (`到2025年`, `力争在2025年`).
pub const DEADLINE_BEFORE: &[&str] = &[
    "到",
    "至",
    "力争到",
    "力争至",
    "争取到",
    "争取至",
    "力争在",
    "力争",
    "争取",
    "确保",
];

/// Words before a year that make it the date a figure stands at (`截至2020年底`).
pub const ASOF_BEFORE: &[&str] = &["截至", "截止", "截止到", "截至到"];

/// Words before a year that make it the base of a comparison (`比2020年`, `较2020年`).
pub const BASELINE_BEFORE: &[&str] = &["比", "较", "相比", "以", "同", "与", "自", "从"];

/// Tails of a year phrase (`2025年底前`), longest first.
pub const YEAR_TAILS: &[&str] = &[
    "年底前",
    "年末前",
    "年以前",
    "年前",
    "年底",
    "年末",
    "年内",
    "年",
];
