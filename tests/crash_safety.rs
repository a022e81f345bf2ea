//! Crash safety: the importer process is killed (SIGKILL on Unix, TerminateProcess on
//! Windows) at pseudo-random points of a 30-file import, many times. After each kill the
//! database passes `PRAGMA integrity_check`, every file reported imported is stored whole,
//! and no document is stored without its extraction.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use zonecompare::catalog::Catalog;
use zonecompare::{ingest, parse};

const BIN: &str = env!("CARGO_BIN_EXE_zonecompare");
const FILES: usize = 30;
const TRIALS: u64 = 24;

/// Small deterministic generator (xorshift64*), so a failing trial can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Writes `FILES` distinct documents (corpus texts with a numbered closing line) and returns
/// each path with the measure and target counts `parse` extracts from it.
fn write_documents(dir: &Path) -> Vec<(PathBuf, usize, usize)> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let sources = [
        "000_a2d155b297289045.txt",
        "001_23ee345ab719336e.txt",
        "004_3c5bc2c389159028.txt",
    ];
    let texts: Vec<String> = sources
        .iter()
        .map(|n| std::fs::read_to_string(corpus.join(n)).expect("corpus text"))
        .collect();
    (0..FILES)
        .map(|i| {
            let text = format!(
                "{}\n\n附件{}：测试副本第{}份。\n",
                texts[i % texts.len()],
                i + 1,
                i + 1
            );
            let path = dir.join(format!("doc{:02}.txt", i + 1));
            std::fs::write(&path, text).expect("write document");
            let ing = ingest::read_path(&path).expect("document ingests");
            let doc = parse::parse_text(&ing.text, Catalog::in_use());
            (path, doc.measures.len(), doc.targets.len())
        })
        .collect()
}

/// Starts the import of every document into `db`; returns the child and a thread that
/// collects its stderr lines (complete once the process is gone).
fn start_import(
    db: &Path,
    docs: &[(PathBuf, usize, usize)],
) -> (std::process::Child, std::thread::JoinHandle<Vec<String>>) {
    let mut child = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("import")
        .args(docs.iter().map(|d| &d.0))
        .args(["--new-zone", "测试区"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zonecompare import");
    let stderr = child.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(|l| l.ok())
            .collect::<Vec<String>>()
    });
    (child, reader)
}

/// File names (`docNN.txt`) the importer reported as imported.
fn reported_imported(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| {
            let (shown, _) = l.split_once(": imported into ")?;
            let name = Path::new(shown).file_name()?;
            Some(name.to_string_lossy().into_owned())
        })
        .collect()
}

/// Checks the database after a kill; returns how many test documents it holds.
fn check_database(db: &Path, docs: &[(PathBuf, usize, usize)], reported: &[String]) -> usize {
    let conn = Connection::open(db).expect("database opens after the kill");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check runs");
    assert_eq!(integrity, "ok", "integrity check of {}", db.display());
    let fk_violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign key check runs");
    assert_eq!(fk_violations, 0, "dangling rows in {}", db.display());
    let expected: HashMap<String, (usize, usize)> = docs
        .iter()
        .map(|(p, m, t)| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, (*m, *t))
        })
        .collect();
    let mut stmt = conn
        .prepare(
            "SELECT d.source_name, \
             (SELECT count(*) FROM measures m WHERE m.doc_id = d.id), \
             (SELECT count(*) FROM targets t WHERE t.doc_id = d.id), \
             (SELECT count(*) FROM document_texts x WHERE x.doc_id = d.id) \
             FROM documents d",
        )
        .expect("prepare");
    let stored: HashMap<String, (i64, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    for name in reported {
        assert!(
            stored.contains_key(name),
            "{name} was reported imported but is missing"
        );
    }
    let mut ours = 0;
    for (name, (m, t, texts)) in &stored {
        assert_eq!(*texts, 1, "{name} stored without its text");
        if let Some((em, et)) = expected.get(name) {
            ours += 1;
            assert_eq!(
                (*m as usize, *t as usize),
                (*em, *et),
                "{name} stored with partial extraction"
            );
        }
    }
    ours
}

#[test]
fn killing_the_importer_never_loses_or_half_stores_a_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = write_documents(dir.path());
    let template = dir.path().join("template.sqlite");
    let status = Command::new(BIN)
        .arg("--db")
        .arg(&template)
        .arg("zones")
        .stdout(Stdio::null())
        .status()
        .expect("run zonecompare zones");
    assert!(status.success(), "creating the database failed");

    // One uninterrupted import tells how long the whole run takes, so kills land inside it.
    let full_db = dir.path().join("full.sqlite");
    std::fs::copy(&template, &full_db).expect("copy template");
    let started = Instant::now();
    let (mut child, reader) = start_import(&full_db, &docs);
    assert!(child.wait().expect("import runs").success());
    let span = started.elapsed();
    let lines = reader.join().expect("stderr reader");
    let all = reported_imported(&lines);
    assert_eq!(all.len(), FILES, "uninterrupted import: {lines:?}");
    assert_eq!(check_database(&full_db, &docs, &all), FILES);

    let mut rng = Rng(0x5EED_2026_0000_0006);
    let span_ms = span.as_millis().max(20) as u64;
    let mut outcomes = Vec::new();
    for trial in 0..TRIALS {
        let db = dir.path().join(format!("trial{trial}.sqlite"));
        std::fs::copy(&template, &db).expect("copy template");
        // Up to 110 % of the full run: some kills come after the last file.
        let delay = Duration::from_millis(rng.next() % (span_ms * 11 / 10));
        let (mut child, reader) = start_import(&db, &docs);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let lines = reader.join().expect("stderr reader");
        let reported = reported_imported(&lines);
        let stored = check_database(&db, &docs, &reported);
        assert!(stored >= reported.len());
        outcomes.push(format!(
            "trial {trial}: killed after {delay:?}, {} reported, {stored} stored",
            reported.len()
        ));
    }
    eprintln!("full import {span:?}\n{}", outcomes.join("\n"));
}
