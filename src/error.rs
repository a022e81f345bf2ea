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
    /// The database refused an operation.
    #[error("database {}: {message}", shown(path))]
    Store { path: PathBuf, message: String },
}

impl Error {
    /// Shorthand for [`Error::BadInput`].
    pub fn bad_input(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error::BadInput {
            path: path.as_ref().to_path_buf(),
            message: message.into(),
        }
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
