//! SQLite storage of zones, documents and their extraction (see `rows` for what it returns).

pub mod rows;
