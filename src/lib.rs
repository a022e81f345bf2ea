//! zonecompare: compare Chinese development-zone plans.
//!
//! The pipeline, one module per step:
//! `ingest` (bytes → clean text) → `parse` (text → [`model::ParsedDocument`]) →
//! `store` (SQLite) → `analysis` (comparisons) → `charts` / `export`.
//! `catalog` loads the editable taxonomies in `data/*.toml`; `english` renders structured
//! fields and titles in English (glossary + CC-CEDICT); `paths` names the app's data
//! folder; `cli` and `gui` are thin shells.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod assets;
pub mod catalog;
pub mod charts;
pub mod cli;
pub mod english;
pub mod error;
pub mod export;
#[cfg(feature = "gui")]
pub mod gui;
pub mod ingest;
pub mod model;
pub mod parse;
pub mod paths;
pub mod store;
mod utf8;

pub use error::{Error, Result};
