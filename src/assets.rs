//! Files bundled into the binary: the CJK font used by the window and by chart exports.

/// Noto Sans CJK SC Regular, subset to GB2312 + punctuation + every character of the bundled
/// corpus and catalogs (OpenType/CFF, SIL OFL 1.1; see `assets/fonts/README.md`).
pub static CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-subset.otf");

#[cfg(test)]
mod tests {
    use super::CJK_FONT;

    #[test]
    fn font_is_an_opentype_file() {
        // OpenType with CFF outlines starts with the tag `OTTO`.
        assert_eq!(&CJK_FONT[..4], b"OTTO");
        assert!(CJK_FONT.len() > 1_000_000, "subset unexpectedly small");
    }
}
