//! Writing one parsed document (recognised by the sha256 of its bytes) for the batch
//! importer and [`Store::import_parsed`], reading a file within the size limit, zone
//! creation, and re-parsing documents stored by an older parser.

use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::rows::ImportOutcome;
use super::write::{self, DocRow, WriteError, ZoneRef};
use super::{NewDocument, Store, corrections};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::{ParsedDocument, Zone};
use crate::{ingest, parse};

/// Lower-case hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Identifies the extraction this binary produces: the crate version plus a fingerprint of
/// the bundled taxonomies and of the parser's output on the bundled corpus, so any change
/// of parser or taxonomy that alters results marks stored documents for re-parsing.
pub fn parser_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let catalog = Catalog::in_use();
        let mut h = Sha256::new();
        h.update(catalog_fingerprint(catalog).as_bytes());
        for (name, bytes) in super::seed::bundled_documents() {
            if let Ok(ing) = ingest::ingest_bytes(Path::new(name), bytes) {
                let doc = parse::parse_text(&ing.text, catalog);
                h.update(ing.text.as_bytes());
                h.update(serde_json::to_string(&doc).unwrap_or_default().as_bytes());
            }
        }
        let digest = h.finalize();
        let short: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
        format!("{}+{short}", env!("CARGO_PKG_VERSION"))
    })
}

/// The taxonomy entries the parser reads, written out field by field in a fixed order (one
/// line per entry, fields separated by U+001F, list items by U+001E), so the parser
/// version depends on the taxonomies' content only, not on how a type prints itself.
fn catalog_fingerprint(catalog: &Catalog) -> String {
    const FIELD: char = '\u{1f}';
    const ITEM: &str = "\u{1e}";
    let mut out = String::new();
    let mut line = |kind: &str, fields: &[&str]| {
        out.push_str(kind);
        for f in fields {
            out.push(FIELD);
            out.push_str(f);
        }
        out.push('\n');
    };
    for t in &catalog.themes {
        line("theme", &[&t.id, &t.zh, &t.en, &t.keywords.join(ITEM)]);
    }
    for i in &catalog.indicators {
        line(
            "indicator",
            &[
                &i.id,
                &i.zh,
                &i.en,
                &i.synonyms.join(ITEM),
                &i.unit_family,
                &i.units.join(ITEM),
            ],
        );
    }
    for c in catalog.cities() {
        line("city", &[&c.key, &c.names.join(ITEM)]);
    }
    for a in &catalog.agencies {
        let successor = a
            .successor
            .as_deref()
            .map_or(String::new(), |s| format!("={s}"));
        line(
            "agency",
            &[
                &a.canonical,
                &a.en,
                &a.city,
                &a.aliases.join(ITEM),
                &successor,
            ],
        );
    }
    for s in &catalog.instruments {
        line(
            "instrument",
            &[
                &s.id,
                s.family.as_str(),
                &s.zh,
                &s.en,
                &s.keywords.join(ITEM),
            ],
        );
    }
    out
}

/// Adds a zone; its slug must be new and made of `a-z 0-9 -`.
pub(crate) fn create_zone(store: &mut Store, zone: &Zone) -> Result<()> {
    let valid = !zone.slug.is_empty()
        && zone
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(store.fail(format!(
            "zone slug '{}' must be lower-case letters, digits and '-'",
            zone.slug
        )));
    }
    if store.zone(&zone.slug)?.is_some() {
        return Err(store.fail_as(
            crate::error::StoreFault::Constraint,
            format!("zone '{}' already exists", zone.slug),
        ));
    }
    insert_zone(&store.conn, zone).map_err(|e| store.err(e))
}

pub(crate) fn insert_zone(conn: &rusqlite::Connection, zone: &Zone) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO zones (slug, name_zh, name_en, city, province, level, kind) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            zone.slug,
            zone.name_zh,
            zone.name_en,
            zone.city,
            zone.province,
            zone.level,
            zone.kind
        ],
    )?;
    Ok(())
}

/// A slug for a zone name: its ASCII words in lower case joined by `-`, or `zone-` and a
/// short hash when the name has no ASCII letters or digits (Chinese names).
pub fn slug_for_name(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        format!("zone-{}", &sha256_hex(name.trim().as_bytes())[..8])
    } else {
        words.join("-")
    }
}

/// The zone named `name`, created when no zone has that name.
pub(crate) fn zone_for_name(store: &mut Store, name: &str) -> Result<Zone> {
    let name = name.trim();
    if name.is_empty() {
        return Err(store.fail("a new zone needs a name"));
    }
    if let Some(zone) = zone_named(store, name)? {
        return Ok(zone);
    }
    create_zone_named(store, name)
}

/// The first zone whose Chinese or English name is `name`.
pub(crate) fn zone_named(store: &Store, name: &str) -> Result<Option<Zone>> {
    let name = name.trim();
    let existing: Option<String> = store
        .conn
        .query_row(
            "SELECT slug FROM zones WHERE name_zh = ?1 OR name_en = ?1 ORDER BY id LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| store.err(e))?;
    match existing {
        Some(slug) => store.zone(&slug),
        None => Ok(None),
    }
}

fn create_zone_named(store: &mut Store, name: &str) -> Result<Zone> {
    let base = slug_for_name(name);
    let mut slug = base.clone();
    let mut n = 2;
    while store.zone(&slug)?.is_some() {
        slug = format!("{base}-{n}");
        n += 1;
    }
    let ascii = name.is_ascii();
    let zone = Zone {
        slug,
        name_zh: name.to_string(),
        // filled from the gloss until the user gives the zone an English name
        name_en: if ascii {
            name.to_string()
        } else {
            crate::english::gloss(name)
        },
        city: String::new(),
        province: String::new(),
        level: String::new(),
        kind: String::new(),
        documents: Vec::new(),
    };
    create_zone(store, &zone)?;
    Ok(zone)
}

/// The bytes of `file`, refused when it is past the size limit. Reads at most one byte past
/// the limit: anything that long is refused without the whole file being loaded.
pub(crate) fn read_limited(file: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    ingest::open_regular(file)?
        .take(ingest::limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(file, e))?;
    if bytes.len() as u64 > ingest::limits::MAX_FILE_BYTES {
        return Err(ingest::ingest_bytes(file, &bytes)
            .err()
            .unwrap_or_else(|| Error::bad_input(file, "the file is too large")));
    }
    Ok(bytes)
}

fn doc_by_sha(store: &Store, sha: &str) -> Result<Option<i64>> {
    store
        .conn
        .query_row("SELECT id FROM documents WHERE sha256 = ?1", [sha], |r| {
            r.get(0)
        })
        .optional()
        .map_err(|e| store.err(e))
}

pub(crate) fn import_parsed(store: &mut Store, doc: &NewDocument<'_>) -> Result<ImportOutcome> {
    let sha = sha256_hex(doc.bytes);
    if let Some(doc_id) = doc_by_sha(store, &sha)? {
        return Ok(ImportOutcome::AlreadyPresent { doc_id });
    }
    let db_path = store.path.clone();
    let shown = doc.source_path.unwrap_or(Path::new(doc.source_name));
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| refusal(&db_path, shown, e.into()))?;
    let outcome = write_parsed(&tx, &db_path, doc, &sha)?;
    tx.commit()
        .map_err(|e| refusal(&db_path, shown, e.into()))?;
    Ok(outcome)
}

/// The error for a document that could not be stored.
pub(crate) fn refusal(db_path: &Path, shown: &Path, e: WriteError) -> Error {
    match e {
        WriteError::Db(e) => {
            let inner = super::migrate::db_err(db_path, e);
            Error::bad_input(shown, format!("not stored, {inner}"))
        }
        WriteError::Invalid(m) => Error::bad_input(shown, format!("not stored: {m}")),
    }
}

/// Stores `doc` (whose bytes hash to `sha`) inside the caller's transaction or savepoint:
/// its row, text, extraction and the corrections kept for its content. A document already
/// stored is reported, not written again.
pub(crate) fn write_parsed(
    conn: &Connection,
    db_path: &Path,
    doc: &NewDocument<'_>,
    sha: &str,
) -> Result<ImportOutcome> {
    let shown = doc.source_path.unwrap_or(Path::new(doc.source_name));
    let refuse = |e: WriteError| refusal(db_path, shown, e);
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM documents WHERE sha256 = ?1")
        .and_then(|mut st| st.query_row([sha], |r| r.get(0)).optional())
        .map_err(|e| refuse(e.into()))?;
    if let Some(doc_id) = existing {
        return Ok(ImportOutcome::AlreadyPresent { doc_id });
    }
    let zone: Option<ZoneRef> = conn
        .prepare_cached("SELECT id, city FROM zones WHERE slug = ?1")
        .and_then(|mut st| {
            st.query_row([doc.zone_slug], |r| {
                Ok(ZoneRef {
                    id: r.get(0)?,
                    city: r.get(1)?,
                })
            })
            .optional()
        })
        .map_err(|e| refuse(e.into()))?;
    let Some(zone) = zone else {
        return Err(Error::bad_input(
            shown,
            format!("unknown zone '{}'", doc.zone_slug),
        ));
    };
    let p = doc.parsed;
    let row = DocRow {
        zone_id: zone.id,
        sha256: sha,
        source_name: doc.source_name,
        source_path: doc.source_path.map(|p| p.display().to_string()),
        raw: doc.raw,
        clean: doc.clean,
    };
    let doc_id = write::insert_document(conn, &row, p).map_err(|e| refuse(e.into()))?;
    let chars = doc.clean.chars().count();
    let (measures, targets) =
        write::insert_extraction(conn, doc_id, &zone, p, chars).map_err(&refuse)?;
    // Corrections made to this same content before it was deleted and imported again.
    corrections::apply_all(conn, doc_id, sha, &zone).map_err(|e| refuse(e.into()))?;
    Ok(ImportOutcome::Imported {
        doc_id,
        measures,
        targets,
    })
}

pub(crate) fn stale_documents(store: &Store) -> Result<usize> {
    store
        .conn
        .query_row(
            "SELECT count(*) FROM documents WHERE parser_version <> ?1",
            [parser_version()],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n as usize)
        .map_err(|e| store.err(e))
}

pub(crate) fn reparse_all(store: &mut Store) -> Result<usize> {
    let catalog = Catalog::in_use();
    reparse_documents(store, true, &|text: &str| parse::parse_text(text, catalog))
}

pub(crate) fn reparse_documents(
    store: &mut Store,
    only_stale: bool,
    parse: &dyn Fn(&str) -> ParsedDocument,
) -> Result<usize> {
    let sql = if only_stale {
        "SELECT id FROM documents WHERE parser_version <> ?1 ORDER BY id"
    } else {
        "SELECT id FROM documents WHERE ?1 IS NOT NULL ORDER BY id"
    };
    let ids: Vec<i64> = {
        let mut stmt = store.conn.prepare(sql).map_err(|e| store.err(e))?;
        stmt.query_map([parser_version()], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
            .map_err(|e| store.err(e))?
    };
    for &doc_id in &ids {
        reparse_one(store, doc_id, parse)?;
    }
    Ok(ids.len())
}

/// Re-parses one document's stored clean text in one transaction: the old extraction is
/// replaced, the corrections stored for its content are applied to the new one.
fn reparse_one(
    store: &mut Store,
    doc_id: i64,
    parse: &dyn Fn(&str) -> ParsedDocument,
) -> Result<()> {
    let path = store.path.clone();
    let err = |e: WriteError| match e {
        WriteError::Db(e) => super::migrate::db_err(&path, e),
        WriteError::Invalid(m) => Error::store(
            &path,
            crate::error::StoreFault::Other,
            format!("document {doc_id}: {m}"),
        ),
    };
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| err(e.into()))?;
    let (text, sha, zone): (String, String, ZoneRef) = tx
        .query_row(
            "SELECT t.clean_text, d.sha256, z.id, z.city FROM documents d \
             JOIN document_texts t ON t.doc_id = d.id \
             JOIN zones z ON z.id = d.zone_id WHERE d.id = ?1",
            [doc_id],
            |r| {
                let zone = ZoneRef {
                    id: r.get(2)?,
                    city: r.get(3)?,
                };
                Ok((r.get(0)?, r.get(1)?, zone))
            },
        )
        .map_err(|e| err(e.into()))?;
    let parsed = parse(&text);
    for table in ["targets", "statistics", "measures", "sections"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), [doc_id])
            .map_err(|e| err(e.into()))?;
    }
    tx.execute(
        "UPDATE documents SET parser_version = ?2, title = ?3, issuer = ?4, doc_number = ?5, \
         date = ?6, period_start = ?7, period_end = ?8, kind = ?9 WHERE id = ?1",
        params![
            doc_id,
            parser_version(),
            parsed.title,
            parsed.issuer,
            parsed.doc_number,
            parsed.date,
            parsed.period.map(|x| x.start),
            parsed.period.map(|x| x.end),
            parsed.kind.as_str()
        ],
    )
    .map_err(|e| err(e.into()))?;
    write::insert_extraction(&tx, doc_id, &zone, &parsed, text.chars().count()).map_err(&err)?;
    corrections::apply_all(&tx, doc_id, &sha, &zone).map_err(|e| err(e.into()))?;
    tx.commit().map_err(|e| err(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const THEMES: &str = r#"
[[theme]]
id = "talent"
zh = "人才"
en = "Talent"
keywords = ["人才", "引才"]
"#;
    const INDICATORS: &str = r#"
[[indicator]]
id = "gdp"
zh = "地区生产总值"
en = "GDP"
unit_family = "money"
synonyms = ["地区生产总值", "GDP"]
"#;
    const AGENCIES: &str = r#"
[[city]]
key = "大连"
names = ["大连市"]

[[agency]]
city = "大连"
canonical = "市科技局"
en = "Municipal Science and Technology Bureau"
aliases = ["市科学技术局"]
"#;
    const INSTRUMENTS: &str = r#"
[[subtype]]
id = "talent_support"
family = "supply"
zh = "人才支持"
en = "Talent support"
keywords = ["人才"]
"#;

    fn catalog(themes: &str) -> Catalog {
        Catalog::from_strs(themes, INDICATORS, AGENCIES, INSTRUMENTS).expect("catalog")
    }

    #[test]
    fn the_catalog_fingerprint_is_an_explicit_format() {
        let expected = "theme\u{1f}talent\u{1f}人才\u{1f}Talent\u{1f}人才\u{1e}引才\n\
             indicator\u{1f}gdp\u{1f}地区生产总值\u{1f}GDP\u{1f}地区生产总值\u{1e}GDP\u{1f}money\u{1f}\n\
             city\u{1f}大连\u{1f}大连市\n\
             agency\u{1f}市科技局\u{1f}Municipal Science and Technology Bureau\u{1f}大连\u{1f}\
             市科学技术局\u{1f}\n\
             instrument\u{1f}talent_support\u{1f}supply\u{1f}人才支持\u{1f}Talent support\u{1f}人才\n";
        assert_eq!(catalog_fingerprint(&catalog(THEMES)), expected);
    }

    #[test]
    fn the_catalog_fingerprint_follows_content_only() {
        let base = catalog_fingerprint(&catalog(THEMES));
        assert_eq!(catalog_fingerprint(&catalog(THEMES)), base);
        // Comments and layout of the file do not count; a keyword does.
        let commented = format!("# a comment\n{THEMES}\n");
        assert_eq!(catalog_fingerprint(&catalog(&commented)), base);
        let more = THEMES.replace("\"引才\"]", "\"引才\", \"招才\"]");
        assert_ne!(catalog_fingerprint(&catalog(&more)), base);
    }
}
