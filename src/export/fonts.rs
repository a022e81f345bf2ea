//! The font database PNG rendering uses: the bundled Noto Sans CJK SC subset
//! ([`crate::assets::CJK_FONT`]) as `sans-serif`, so exported images look the same on every
//! machine. System fonts are not loaded: they would make output depend on the machine.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

/// Family name of the bundled font.
pub const FAMILY: &str = "Noto Sans CJK SC";

/// The database holding the bundled CJK font, and the family name to ask for. Built once;
/// an error message if the bundled font cannot be read (a broken build).
pub fn font_db() -> Result<(Arc<fontdb::Database>, String), String> {
    static DB: OnceLock<Result<(Arc<fontdb::Database>, String), String>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(crate::assets::CJK_FONT.to_vec());
        let family = db
            .faces()
            .flat_map(|f| f.families.iter())
            .map(|(name, _)| name.clone())
            .find(|name| name == FAMILY)
            .or_else(|| {
                db.faces()
                    .next()
                    .and_then(|f| f.families.first())
                    .map(|(n, _)| n.clone())
            })
            .ok_or_else(|| "the bundled Chinese font could not be loaded".to_string())?;
        db.set_sans_serif_family(family.clone());
        Ok((Arc::new(db), family))
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_is_the_cjk_face() {
        let (db, family) = font_db().unwrap();
        assert_eq!(family, FAMILY);
        assert!(!db.is_empty());
    }
}
