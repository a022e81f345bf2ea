//! Malformed taxonomy files: every problem is an `Error::Catalog` naming the file.

use super::*;

// ---- malformed files ---------------------------------------------------------------------

fn bundled_text(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap()
}

fn catalog_error(result: zonecompare::Result<Catalog>) -> (String, String) {
    match result {
        Err(Error::Catalog { file, message }) => (file, message),
        Err(other) => panic!("expected a catalog error, got {other}"),
        Ok(_) => panic!("malformed taxonomy accepted"),
    }
}

#[test]
fn malformed_toml_names_the_file_and_line() {
    let [t, i, a, s] = [
        "themes.toml",
        "indicators.toml",
        "agencies.toml",
        "instruments.toml",
    ]
    .map(bundled_text);
    let broken = "[[theme]]\nid = \"x\"\nzh = \"未闭合\n";
    let (file, message) = catalog_error(Catalog::from_strs(broken, &i, &a, &s));
    assert_eq!(file, "themes.toml");
    assert!(message.contains("line 3"), "{message}");
    let missing =
        "[[subtype]]\nid = \"x\"\nfamily = \"sideways\"\nzh = \"\"\nen = \"\"\nkeywords = []\n";
    assert_eq!(
        catalog_error(Catalog::from_strs(&t, &i, &a, missing)).0,
        "instruments.toml"
    );
    let family = i.replacen("unit_family = \"count\"", "unit_family = \"pieces\"", 1);
    let (file, message) = catalog_error(Catalog::from_strs(&t, &family, &a, &s));
    assert_eq!(file, "indicators.toml");
    assert!(message.contains("pieces"), "{message}");
    let twice =
        format!("{t}\n[[theme]]\nid = \"talent\"\nzh = \"人\"\nen = \"T\"\nkeywords = [\"人\"]\n");
    assert!(
        catalog_error(Catalog::from_strs(&twice, &i, &a, &s))
            .1
            .contains("talent")
    );
    let empty =
        format!("{t}\n[[theme]]\nid = \"void\"\nzh = \"空\"\nen = \"V\"\nkeywords = [\"\"]\n");
    assert!(
        catalog_error(Catalog::from_strs(&empty, &i, &a, &s))
            .1
            .contains("void")
    );
    let clash = format!(
        "{a}\n[[agency]]\ncity = \"*\"\ncanonical = \"市某局\"\nen = \"X\"\naliases = [\"市发改委\"]\n"
    );
    let (file, message) = catalog_error(Catalog::from_strs(&t, &i, &clash, &s));
    assert_eq!(file, "agencies.toml");
    assert!(message.contains("市发改委"), "{message}");
    let no_city = format!("{a}\n[[agency]]\ncity = \"火星\"\ncanonical = \"某局\"\nen = \"X\"\n");
    assert!(
        catalog_error(Catalog::from_strs(&t, &i, &no_city, &s))
            .1
            .contains("火星")
    );
}

#[test]
fn load_dir_reads_edited_copies_and_names_the_broken_path() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "themes.toml",
        "indicators.toml",
        "agencies.toml",
        "instruments.toml",
    ] {
        std::fs::write(dir.path().join(name), bundled_text(name)).unwrap();
    }
    let copy = Catalog::load_dir(dir.path()).unwrap();
    assert_eq!(copy.indicators().len(), catalog().indicators().len());
    assert_eq!(
        copy.canonical_agency("市工信局", Some("沈阳")),
        "市工业和信息化局"
    );
    std::fs::write(dir.path().join("indicators.toml"), "[[indicator]\n").unwrap();
    let (file, _) = catalog_error(Catalog::load_dir(dir.path()));
    assert!(
        file.ends_with("indicators.toml") && file.len() > "indicators.toml".len(),
        "{file}"
    );
    std::fs::remove_file(dir.path().join("themes.toml")).unwrap();
    match Catalog::load_dir(dir.path()) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("themes.toml")),
        other => panic!("expected an I/O error, got {:?}", other.map(|_| ())),
    }
}
