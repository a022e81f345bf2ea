//! Damaged and shared database files: a clear error naming the file that is never
//! overwritten, recovery from a backup or from scratch that keeps the damaged file, and two
//! programs importing into one database at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use zonecompare::store::Store;
use zonecompare::store::recovery;

mod common;

use common::{BIN, cli};

/// A valid database (schema current, bundled corpus) at `dir/name`.
fn valid_db(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    drop(Store::open(&path).expect("create database"));
    path
}

fn garbage() -> Vec<u8> {
    (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

/// Writes a truncated copy of a valid database: the header survives, half the pages do not.
fn truncated_db(dir: &Path) -> (PathBuf, Vec<u8>) {
    let good = valid_db(dir, "good.sqlite");
    let bytes = std::fs::read(&good).unwrap();
    assert!(bytes.len() > 8192, "database too small to truncate");
    let cut = bytes[..bytes.len() / 2].to_vec();
    let path = dir.join("cut.sqlite");
    std::fs::write(&path, &cut).unwrap();
    (path, cut)
}

#[test]
fn garbage_and_truncated_files_are_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, garbage()).unwrap();
    let (cut, cut_bytes) = truncated_db(dir.path());
    for (path, bytes) in [(junk.clone(), garbage()), (cut.clone(), cut_bytes)] {
        let err = Store::open(&path).err().expect("damaged file refused");
        // The kind, not the words, tells callers to offer recovery.
        assert_eq!(
            err.store_fault(),
            Some(zonecompare::error::StoreFault::Damaged),
            "{err}"
        );
        let err = err.to_string();
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(!err.contains('\n'), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "file changed");
        assert!(recovery::is_damaged(&path));
    }
    let good = valid_db(dir.path(), "fine.sqlite");
    assert!(!recovery::is_damaged(&good));
    assert!(!recovery::is_damaged(&dir.path().join("missing.sqlite")));
}

#[test]
fn cli_names_the_damaged_file_and_the_way_out_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, garbage()).unwrap();
    let good = valid_db(dir.path(), "good.sqlite");
    std::fs::copy(&good, dir.path().join("junk.sqlite.bak-v3")).unwrap();
    // A backup that is itself damaged is never offered.
    std::fs::write(dir.path().join("junk.sqlite.bak-v4"), b"backup").unwrap();
    for args in [
        &["zones"][..],
        &["measures"],
        &["targets", "--year", "2025"],
    ] {
        let out = cli(&junk, args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("junk.sqlite is damaged"), "{err}");
        assert!(err.contains("db recover --restore"), "{err}");
        assert!(err.contains("junk.sqlite.bak-v3"), "{err}");
        assert!(!err.contains("bak-v4"), "{err}");
        assert!(err.contains("--fresh"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(std::fs::read(&junk).unwrap(), garbage());
}

#[test]
fn backups_are_listed_newest_schema_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zc.sqlite");
    for name in [
        "zc.sqlite.bak-v2",
        "zc.sqlite.bak-v10",
        "zc.sqlite.bak-v3",
        "zc.sqlite.bak-v3.tmp",
        "other.sqlite.bak-v5",
        "zc.sqlite.broken-1",
    ] {
        std::fs::write(dir.path().join(name), b"x").unwrap();
    }
    let names: Vec<String> = recovery::backups(&db)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["zc.sqlite.bak-v10", "zc.sqlite.bak-v3", "zc.sqlite.bak-v2"]
    );
}

#[test]
fn restore_backup_keeps_the_damaged_file_aside() {
    let dir = tempfile::tempdir().unwrap();
    let good = valid_db(dir.path(), "good.sqlite");
    let db = dir.path().join("zc.sqlite");
    let backup = dir.path().join("zc.sqlite.bak-v4");
    std::fs::copy(&good, &backup).unwrap();
    std::fs::write(&db, garbage()).unwrap();
    std::fs::write(dir.path().join("zc.sqlite-wal"), b"stale log").unwrap();
    let (store, aside) = recovery::restore_backup(&db, &backup).expect("restore");
    assert!(!store.zones().unwrap().is_empty());
    drop(store);
    assert_eq!(std::fs::read(&aside).unwrap(), garbage());
    let mut wal = aside.as_os_str().to_owned();
    wal.push("-wal");
    assert_eq!(std::fs::read(PathBuf::from(wal)).unwrap(), b"stale log");
    assert!(backup.exists(), "the backup itself is kept");
    assert!(!recovery::is_damaged(&db));
}

#[test]
fn start_fresh_creates_a_seeded_database_and_keeps_the_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let (cut, cut_bytes) = truncated_db(dir.path());
    let (store, aside) = recovery::start_fresh(&cut).expect("start fresh");
    assert!(!store.zones().unwrap().is_empty());
    drop(store);
    assert_eq!(std::fs::read(&aside).unwrap(), cut_bytes);
    assert!(!recovery::is_damaged(&cut));
}

#[test]
fn cli_recover_fresh_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zc.sqlite");
    std::fs::write(&db, garbage()).unwrap();
    let out = cli(&db, &["db", "recover", "--restore"]);
    assert!(!out.status.success(), "no backup to restore");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no backup"));
    let out = cli(&db, &["db", "recover", "--fresh"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(cli(&db, &["zones"]).status.success());
    let out = cli(&db, &["db", "recover", "--fresh"]);
    assert!(!out.status.success(), "a sound database is not replaced");
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".broken-"))
        .count();
    assert_eq!(kept, 1);
}

/// Waits for `child` to end, killing it (and failing) if it is still running after a
/// minute: a hung importer must not hang the test run.
fn finish(mut child: std::process::Child, what: &str) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{what} still running after a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn two_importers_on_one_database_both_finish_or_say_busy() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let text = std::fs::read_to_string(corpus.join("000_a2d155b297289045.txt")).unwrap();
    let mut sets = [Vec::new(), Vec::new()];
    for (k, set) in sets.iter_mut().enumerate() {
        for i in 0..6 {
            let path = dir.path().join(format!("p{k}_{i}.txt"));
            std::fs::write(&path, format!("{text}\n附件{k}-{i}。\n")).unwrap();
            set.push(path);
        }
    }
    let children: Vec<_> = sets
        .iter()
        .enumerate()
        .map(|(k, files)| {
            Command::new(BIN)
                .arg("--db")
                .arg(&db)
                .arg("import")
                .args(files)
                .args(["--new-zone", &format!("并发区{k}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start import")
        })
        .collect();
    let mut imported = 0;
    for (k, child) in children.into_iter().enumerate() {
        let out = finish(child, "import");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        imported += err.matches(": imported into ").count();
        if !out.status.success() {
            assert!(
                err.contains("in use by another zonecompare"),
                "importer {k}: {err}"
            );
        }
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE source_name LIKE 'p%.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        stored as usize, imported,
        "every reported import is stored, no other"
    );
}

/// A database created at the current schema had no backup, so `db recover --restore`
/// usually had nothing to offer; a backup that is not a sound database is never offered.
#[test]
fn a_new_database_has_a_sound_backup_and_unsound_ones_are_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let sound = recovery::sound_backups(&db);
    assert_eq!(sound.len(), 1, "{sound:?}");
    let conn = rusqlite::Connection::open(&sound[0]).unwrap();
    let zones: i64 = conn
        .query_row("SELECT count(*) FROM zones", [], |r| r.get(0))
        .unwrap();
    assert!(zones > 0);
    drop(conn);
    std::fs::write(dir.path().join("zc.sqlite.bak-v99"), b"").unwrap();
    std::fs::write(dir.path().join("zc.sqlite.bak-v98"), garbage()).unwrap();
    assert_eq!(recovery::sound_backups(&db), sound);
    assert_eq!(recovery::backups(&db).len(), 3);
}

/// Recovery moved a live database aside while another program was writing to it: what it
/// wrote next went into the moved file.
#[test]
fn recovery_refuses_a_database_another_connection_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let holder = Store::open(&db).unwrap();
    assert!(recovery::in_use(&db));
    let err = recovery::start_fresh(&db)
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("in use"), "{err}");
    let backup = recovery::sound_backups(&db).remove(0);
    let err = recovery::restore_backup(&db, &backup)
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("in use"), "{err}");
    assert!(!holder.zones().unwrap().is_empty());
    drop(holder);
    assert!(!recovery::in_use(&db));
    let moved = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".broken-"))
        .count();
    assert_eq!(moved, 0);
}

/// While another program imports, queries said "is truncated" and advised `db recover
/// --fresh` (a header-size check racing with checkpoints), and following that advice moved
/// the live database aside. Queries and recovery now run beside an import: no false
/// "damaged", no recovery, nothing lost.
#[test]
fn queries_and_recovery_beside_an_import_see_no_damage_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let text = std::fs::read_to_string(corpus.join("002_d1df5a77a2452895.txt")).unwrap();
    let files: Vec<PathBuf> = (0..40)
        .map(|i| {
            let path = dir.path().join(format!("q{i}.txt"));
            std::fs::write(&path, format!("{text}\n附件{i}。\n")).unwrap();
            path
        })
        .collect();
    let importer = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .arg("import")
        .args(&files)
        .args(["--new-zone", "并行区"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start import");
    let mut rounds = 0;
    let mut importer = Some(importer);
    let mut output = None;
    while let Some(mut child) = importer.take() {
        for args in [&["zones"][..], &["db", "recover", "--fresh"]] {
            let out = cli(&db, args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                !err.contains("is damaged") && !err.contains("truncated"),
                "{args:?}: {err}"
            );
            if args[0] == "db" {
                assert!(!out.status.success(), "recovery ran beside an import");
            }
        }
        rounds += 1;
        match child.try_wait().expect("wait") {
            Some(_) => output = Some(child.wait_with_output().expect("output")),
            None => importer = Some(child),
        }
        assert!(rounds < 2_000, "import did not finish");
    }
    let out = output.expect("import finished");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let imported = err.matches(": imported into ").count();
    assert_eq!(imported, files.len(), "{err}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE source_name LIKE 'q%.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        stored as usize, imported,
        "every reported import is in the user's file"
    );
    let moved = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".broken-"))
        .count();
    assert_eq!(moved, 0, "nothing was moved aside");
}

/// `import` wrote documents into files failing `PRAGMA quick_check`: a file whose header
/// and schema read but whose later pages are garbage now refuses the import, unchanged.
#[test]
fn import_refuses_a_database_whose_pages_are_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let mut bytes = std::fs::read(&db).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let pages = bytes.len() / page;
    let noise = garbage();
    for p in pages / 2..pages {
        for (i, b) in bytes[p * page..(p + 1) * page].iter_mut().enumerate() {
            *b = noise[i % noise.len()];
        }
    }
    std::fs::write(&db, &bytes).unwrap();
    let file = dir.path().join("new.txt");
    std::fs::write(&file, "一、发展目标\n到2025年,高新技术企业不少于120户。\n").unwrap();
    // Into a new zone (checked before the zone is made) and into an existing one (checked
    // while the file is parsed, before the first write).
    for target in [["--new-zone", "测试区"], ["--zone", "zhongde"]] {
        let mut args = vec!["import", file.to_str().unwrap()];
        args.extend(target);
        let out = cli(&db, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains("is damaged") && err.contains("db recover"),
            "{err}"
        );
        assert!(err.contains("zc.sqlite.bak-v"), "names the backup: {err}");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes,
            "the damaged file was written to"
        );
    }
}

/// The state another program's checkpoint leaves for a moment: the file's header already
/// counts pages that are still only in the log beside it. Opening such a file said "is
/// truncated" and `db recover` was advised on a healthy database.
#[test]
fn a_file_shorter_than_its_header_with_a_log_beside_it_is_not_damage() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch(
            "PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE scratch (b BLOB);
             INSERT INTO scratch VALUES (zeroblob(2000000));",
        )
        .unwrap();
    // The log holds the new pages and the new first page; write the header's larger page
    // count into the file itself, as a checkpoint does before it copies the other pages.
    let mut bytes = std::fs::read(&db).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as u64;
    let pages = bytes.len() as u64 / page + 600;
    bytes[28..32].copy_from_slice(&(pages as u32).to_be_bytes());
    let counter: [u8; 4] = bytes[24..28].try_into().unwrap();
    bytes[92..96].copy_from_slice(&counter);
    std::fs::write(&db, &bytes).unwrap();
    assert!(!recovery::is_damaged(&db));
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    assert!(!store.zones().unwrap().is_empty());
    drop(store);
    let out = cli(&db, &["zones"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    drop(writer);
}

/// The rotating backups beside `db` (`<file>.bak-v<N>-<seconds>`), oldest first.
fn rotating_backups(db: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = recovery::backups(db)
        .into_iter()
        .filter(|b| {
            let name = b.file_name().unwrap().to_string_lossy().into_owned();
            name.rsplit_once('-')
                .is_some_and(|(head, t)| head.contains(".bak-v") && t.parse::<u64>().is_ok())
        })
        .collect();
    found.sort();
    found
}

/// An import that stores documents writes a backup when the newest is a day old, keeps
/// the last three of those, and leaves the one made at creation; a second import the same
/// day writes none. The new backup is sound, holds what was imported and is offered first.
#[test]
fn imports_keep_a_backup_a_day_and_the_last_three() {
    let dir = tempfile::tempdir().unwrap();
    let db = valid_db(dir.path(), "zc.sqlite");
    let created = recovery::backups(&db);
    assert_eq!(created.len(), 1, "a backup at creation: {created:?}");
    let day = 24 * 60 * 60;
    let now = std::time::SystemTime::now();
    let secs = now.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let age = |days: u64| now - Duration::from_secs(days * day);
    let set_written = |p: &Path, t: std::time::SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(t)
            .unwrap();
    };
    set_written(&created[0], age(2));
    let version = zonecompare::store::migrate::SCHEMA_VERSION;
    for days in [5, 4, 3] {
        let old = dir
            .path()
            .join(format!("zc.sqlite.bak-v{version}-{}", secs - days * day));
        std::fs::copy(&created[0], &old).unwrap();
        set_written(&old, age(days));
    }
    let file = dir.path().join("new.txt");
    let import = |text: &str| {
        std::fs::write(&file, text).unwrap();
        let out = cli(
            &db,
            &["import", file.to_str().unwrap(), "--zone", "zhongde"],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    import("一、发展目标\n到2025年,高新技术企业不少于120户。\n");

    let rotating = rotating_backups(&db);
    assert_eq!(rotating.len(), 3, "{rotating:?}");
    let oldest_kept = format!("-{}", secs - 4 * day);
    assert!(
        rotating[0].to_string_lossy().ends_with(&oldest_kept),
        "{rotating:?}"
    );
    let newest = rotating[2].clone();
    assert!(created[0].exists(), "the backup made at creation stays");
    assert_eq!(recovery::sound_backups(&db).first(), Some(&newest));
    let conn =
        rusqlite::Connection::open_with_flags(&newest, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let docs: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE source_name = 'new.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(docs, 1, "the backup holds the import");

    // The same day: no second backup.
    import("一、发展目标\n到2026年,高新技术企业不少于150户。\n");
    assert_eq!(rotating_backups(&db), rotating);
}
