//! The folder the app keeps its data in: the default database and the analyst's taxonomy
//! copies. It is the platform's local data folder (on Windows `%LOCALAPPDATA%`, which is
//! not copied between machines with a roaming profile; elsewhere the usual data folder).

use std::path::{Path, PathBuf};

/// File name of the default database in [`data_dir`].
pub const DATABASE_FILE: &str = "zonecompare.sqlite";

/// The app's data folder; `None` without a home directory. A database kept in the roaming
/// folder by an earlier version stays where it is (the folder is then that one).
pub fn data_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "zonecompare", "zonecompare")?;
    Some(pick(dirs.data_local_dir(), dirs.data_dir()))
}

/// `local`, unless only `roaming` holds a database.
fn pick(local: &Path, roaming: &Path) -> PathBuf {
    if !local.join(DATABASE_FILE).exists() && roaming.join(DATABASE_FILE).exists() {
        roaming.to_path_buf()
    } else {
        local.to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_folder_unless_only_the_roaming_one_has_a_database() {
        let dir = tempfile::tempdir().expect("tempdir");
        let local = dir.path().join("local");
        let roaming = dir.path().join("roaming");
        std::fs::create_dir_all(&local).expect("mkdir");
        std::fs::create_dir_all(&roaming).expect("mkdir");
        assert_eq!(pick(&local, &roaming), local);
        std::fs::write(roaming.join(DATABASE_FILE), b"").expect("write");
        assert_eq!(
            pick(&local, &roaming),
            roaming,
            "an earlier database is kept"
        );
        std::fs::write(local.join(DATABASE_FILE), b"").expect("write");
        assert_eq!(pick(&local, &roaming), local);
        // Where both folders are one (Linux, macOS) nothing changes.
        assert_eq!(pick(&local, &local), local);
    }
}
