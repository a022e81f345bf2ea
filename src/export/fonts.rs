//! The font database PNG rendering uses. Chinese text needs a CJK face; until the bundled
//! Noto Sans CJK SC subset ships with the binary, a system CJK font is looked up.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

/// Families tried, in order, as the face for Chinese text.
const CJK_FAMILIES: [&str; 8] = [
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
];

/// The database with a CJK face as `sans-serif`, and that face's family name; an error
/// message when no Chinese font is available. Built once.
pub fn font_db() -> Result<(Arc<fontdb::Database>, String), String> {
    static DB: OnceLock<Result<(Arc<fontdb::Database>, String), String>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let family = CJK_FAMILIES
            .iter()
            .find(|name| {
                db.faces()
                    .any(|f| f.families.iter().any(|(fam, _)| fam == *name))
            })
            .ok_or_else(|| {
                "no Chinese font found for PNG export (install Noto Sans CJK SC, e.g. the fonts-noto-cjk package)"
                    .to_string()
            })?;
        db.set_sans_serif_family(*family);
        Ok((Arc::new(db), family.to_string()))
    })
    .clone()
}
