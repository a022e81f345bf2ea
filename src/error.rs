//! The library's error type: every variant names the file (or database) and what is wrong,
//! so the CLI and GUI can show it as one plain line.

use std::path::{Path, PathBuf};

/// Library result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong below the shells.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read at all.
    #[error("{}: {source}", shown(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but its content is not a usable document.
    #[error("{}: {message}", shown(path))]
    BadInput { path: PathBuf, message: String },
    /// A taxonomy file in `data/` is malformed.
    #[error("catalog {file}: {message}")]
    Catalog { file: String, message: String },
    /// The database refused an operation; `kind` says why in a form callers act on.
    #[error("database {}: {message}", shown(path))]
    Store {
        path: PathBuf,
        kind: StoreFault,
        message: String,
    },
}

/// Why the database refused: the CLI and the app choose what to offer (recovery, waiting,
/// an update) from this, never from the message's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreFault {
    /// Another program holds the database (still locked after the busy timeout, or open
    /// while the file was to be moved).
    Busy,
    /// The file is damaged: not a SQLite file, shorter than its header says, or failing
    /// SQLite's quick check. `db recover` applies.
    Damaged,
    /// Written by a newer zonecompare.
    NewerSchema,
    /// A SQLite database of another program.
    Foreign,
    /// A row broke a rule of the schema (a unique key, a reference).
    Constraint,
    /// A zone, document or row asked for does not exist.
    NotFound,
    /// Anything else: the disk, the file system, a value the schema refuses.
    Other,
}

impl Error {
    /// Shorthand for [`Error::BadInput`].
    pub fn bad_input(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error::BadInput {
            path: path.as_ref().to_path_buf(),
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::Store`].
    pub fn store(path: impl AsRef<Path>, kind: StoreFault, message: impl Into<String>) -> Self {
        Error::Store {
            path: path.as_ref().to_path_buf(),
            kind,
            message: message.into(),
        }
    }

    /// The kind of a database error (`None` for the other variants).
    pub fn store_fault(&self) -> Option<StoreFault> {
        match self {
            Error::Store { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// Whether this is a damaged database file (what `db recover` is for).
    pub fn is_damaged(&self) -> bool {
        self.store_fault() == Some(StoreFault::Damaged)
    }

    /// Shorthand for [`Error::Io`].
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}

/// A path as shown in messages: control characters (a newline that would split the line,
/// an escape sequence the terminal would obey) and text-direction overrides are written as
/// escapes, so a file name can neither forge a line nor disguise itself.
pub fn shown(path: &Path) -> String {
    let name = path.to_string_lossy();
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shown_without_control_characters() {
        let path = Path::new("计划\n\u{1b}[31mred\u{202e}.txt");
        assert_eq!(shown(path), "计划\\n\\u{1b}[31mred\\u{202e}.txt");
        let e = Error::bad_input(path, "empty file");
        assert_eq!(
            e.to_string(),
            "计划\\n\\u{1b}[31mred\\u{202e}.txt: empty file"
        );
    }
}
