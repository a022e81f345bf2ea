//! The library's error type: every variant names the file (or database) and what is wrong,
//! so the CLI and GUI can show it as one plain line.

use std::path::{Path, PathBuf};

/// Library result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong below the shells.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read at all.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but its content is not a usable document.
    #[error("{}: {message}", path.display())]
    BadInput { path: PathBuf, message: String },
    /// A taxonomy file in `data/` is malformed.
    #[error("catalog {file}: {message}")]
    Catalog { file: String, message: String },
    /// The database refused an operation.
    #[error("database {}: {message}", path.display())]
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
