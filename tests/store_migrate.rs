//! Opening databases: new files, every earlier schema version, newer versions, backups,
//! and files that are not (or no longer) zonecompare databases.

use std::path::Path;

use rusqlite::Connection;
use zonecompare::Error;
use zonecompare::error::StoreFault;
use zonecompare::store::Store;
use zonecompare::store::migrate::{self, SCHEMA_VERSION};

fn version_of(path: &Path) -> u32 {
    let conn = Connection::open(path).expect("open");
    migrate::user_version(&conn).expect("user_version")
}

/// The message of a refused open, after checking the kind of refusal callers act on.
fn store_message_of_kind(r: zonecompare::Result<Store>, expected: StoreFault) -> String {
    match r {
        Err(Error::Store { message, kind, .. }) => {
            assert_eq!(kind, expected, "{message}");
            message
        }
        Err(other) => panic!("expected a store error, got {other}"),
        Ok(_) => panic!("expected the database to be refused"),
    }
}

#[test]
fn new_database_is_created_migrated_and_seeded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nested/dirs/zc.sqlite");
    let store = Store::open(&path).expect("open new");
    assert_eq!(store.path(), path);
    let zones = store.zones().expect("zones");
    assert_eq!(zones.len(), 4);
    let docs: usize = zones.iter().map(|z| z.documents.len()).sum();
    assert_eq!(docs, 5);
    drop(store);
    assert_eq!(version_of(&path), SCHEMA_VERSION);
    let conn = Connection::open(&path).expect("open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    // A new database needs no backup.
    assert!(!migrate::backup_path(&path, 0).exists());
}

#[test]
fn empty_file_is_treated_as_new() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").expect("write");
    let store = Store::open(&path).expect("open empty file");
    assert_eq!(store.zones().expect("zones").len(), 4);
}

#[test]
fn reopening_keeps_data_and_does_not_seed_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("zc.sqlite");
    let first = Store::open(&path).expect("open").zones().expect("zones");
    let second = Store::open(&path).expect("reopen").zones().expect("zones");
    assert_eq!(first.len(), second.len());
    let ids = |z: &[zonecompare::store::rows::ZoneSummary]| {
        z.iter()
            .flat_map(|s| s.documents.iter().map(|d| d.id))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first), ids(&second));
}

/// A database left at schema `version` with one zone, document and measure in it.
fn database_at(path: &Path, version: u32) {
    let mut conn = Connection::open(path).expect("open");
    migrate::migrate_to(&mut conn, version).expect("migrate");
    // Schema 4 moved the texts out of `documents` and put the zone on measures.
    let (doc_cols, doc_vals, text_row, zone_col, zone_val) = if version >= 4 {
        (
            "",
            "",
            "INSERT INTO document_texts VALUES (1, '推进离岸创新中心建设。', '推进离岸创新中心建设。');",
            ", zone_id",
            ", 1",
        )
    } else {
        (
            "raw_text, clean_text,",
            "'推进离岸创新中心建设。', '推进离岸创新中心建设。',",
            "",
            "",
            "",
        )
    };
    conn.execute_batch(&format!(
        "INSERT INTO zones (slug, name_zh) VALUES ('old', '旧园区');
         INSERT INTO documents (zone_id, sha256, source_name, {doc_cols}
             parser_version, imported_at, title, kind)
             VALUES (1, 'abc', 'old.txt', {doc_vals}
                     'old', '2020-01-01T00:00:00Z', '旧规划', 'plan');
         {text_row}
         INSERT INTO measures (doc_id, ord, item_key, path, title, text, span_start, span_end,
             key_enterprises{zone_col})
             VALUES (1, 0, 'k#0', '[]', '推进离岸创新中心建设', '推进离岸创新中心建设。', 0, 11,
                     '[]'{zone_val});"
    ))
    .expect("insert old data");
    // From schema 8 the importer writes the document's counts with its extraction.
    if version >= 8 {
        conn.execute("UPDATE documents SET measure_count = 1 WHERE id = 1", [])
            .expect("counts");
    }
    assert_eq!(migrate::user_version(&conn).expect("version"), version);
}

#[test]
fn every_earlier_version_migrates_with_a_backup_first() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.sqlite");
        database_at(&path, version);
        let store = Store::open(&path).expect("migrate old database");
        // Existing data is kept and not re-seeded; the search index covers old measures.
        let zones = store.zones().expect("zones");
        assert_eq!(zones.len(), 1, "from v{version}");
        assert_eq!(zones[0].zone.slug, "old");
        // The zone card's counts are carried over (schema 8 counts per document).
        assert_eq!(zones[0].measure_count, 1, "from v{version}");
        assert_eq!(zones[0].documents.len(), 1, "from v{version}");
        let filter = zonecompare::store::rows::Filter {
            search: Some("离岸创新".into()),
            ..Default::default()
        };
        let found = store.measures(&filter).expect("search");
        assert_eq!(found.len(), 1, "from v{version}");
        assert_eq!(found[0].zone_slug, "old", "from v{version}");
        let doc = store.document(found[0].doc_id).expect("document");
        assert_eq!(doc.text, "推进离岸创新中心建设。", "from v{version}");
        drop(store);
        assert_eq!(version_of(&path), SCHEMA_VERSION);
        let backup = migrate::backup_path(&path, version);
        assert!(backup.exists(), "backup of v{version} written");
        assert_eq!(version_of(&backup), version);
    }
}

#[test]
fn newer_schema_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("new.sqlite");
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .expect("future db");
    }
    let before = std::fs::read(&path).expect("read");
    let message = store_message_of_kind(Store::open(&path), StoreFault::NewerSchema);
    assert!(
        message.contains(&format!(
            "was written by a newer zonecompare (schema 99 > {SCHEMA_VERSION})"
        )),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!migrate::backup_path(&path, 99).exists());
}

#[test]
fn garbage_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("garbage.sqlite");
    let junk: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, &junk).expect("write");
    let message = store_message_of_kind(Store::open(&path), StoreFault::Damaged);
    assert!(message.contains("not a zonecompare database"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), junk);
}

#[test]
fn truncated_database_is_refused_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("zc.sqlite");
    drop(Store::open(&path).expect("open"));
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .expect("checkpoint");
    }
    let full = std::fs::read(&path).expect("read");
    let cut = &full[..full.len() / 2];
    std::fs::write(&path, cut).expect("truncate");
    let message = store_message_of_kind(Store::open(&path), StoreFault::Damaged);
    assert!(message.contains("truncated"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), cut);
}

#[test]
fn sqlite_file_of_another_program_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("other db");
    }
    let message = store_message_of_kind(Store::open(&path), StoreFault::Foreign);
    assert!(message.contains("another program"), "{message}");
    let conn = Connection::open(&path).expect("open");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .expect("still there");
    assert_eq!(n, 1);
}

#[test]
fn programs_opening_a_new_file_at_once_seed_it_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.sqlite");
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path).map(|s| s.zones().map(|z| z.len())))
        })
        .collect();
    for h in handles {
        let zones = h.join().expect("thread").expect("open").expect("zones");
        assert_eq!(zones, 4);
    }
    let store = Store::open(&path).expect("open");
    let docs: usize = store
        .zones()
        .expect("zones")
        .iter()
        .map(|z| z.documents.len())
        .sum();
    assert_eq!(docs, 5);
}
