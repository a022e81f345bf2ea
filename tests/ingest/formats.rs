//! HTML, .docx and PDF fixtures, well-formed and hostile.

use std::path::Path;

use zonecompare::ingest;

use super::error_of;
use super::fixtures::{self, PdfFont};

const LINES: &[&str] = &[
    "中德(沈阳)高端装备制造产业园建设推进方案",
    "一、发展目标",
    "到2025年,高新技术企业不少于120户,研发投入强度达到3%以上。",
    "(责任单位:市科技局、市工信局、中德园管委会)",
];

fn text_of(name: &str, bytes: &[u8]) -> String {
    ingest::ingest_bytes(Path::new(name), bytes)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .text
}

#[test]
fn docx_paragraphs_become_lines() {
    let text = text_of("plan.docx", &fixtures::docx(LINES));
    assert_eq!(text, LINES.join("\n") + "\n");
}

#[test]
fn docx_list_numbers_are_rendered() {
    let bytes = fixtures::numbered_docx(&[
        (3, 0, "发展目标"),
        (3, 1, "总体目标"),
        (3, 2, "到2025年,高新技术企业不少于120户。"),
        (3, 2, "研发投入强度达到3%以上。"),
        (3, 1, "具体任务"),
        (3, 2, "加快建设创新平台。"),
        (4, 0, "项目符号不带编号"),
        (fixtures::HEADING_STYLE, 0, "保障措施"),
        (0, 0, "没有编号的段落"),
        (9, 0, "引用不存在的列表"),
    ]);
    let text = text_of("numbered.docx", &bytes);
    let expected = [
        "一、发展目标",
        "（一）总体目标",
        "1.到2025年,高新技术企业不少于120户。",
        "2.研发投入强度达到3%以上。",
        "（二）具体任务",
        "1.加快建设创新平台。",
        "项目符号不带编号",
        "二、保障措施",
        "没有编号的段落",
        "引用不存在的列表",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn docx_zip_bomb_truncation_and_impostors_are_refused() {
    let bomb = fixtures::zip_bomb_docx();
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "bomb fixture is {} bytes",
        bomb.len()
    );
    assert!(error_of("bomb.docx", &bomb).contains("zip bomb"));
    let good = fixtures::docx(LINES);
    for cut in [good.len() / 2, good.len() - 10, 30] {
        let msg = error_of("cut.docx", &good[..cut]);
        assert!(msg.contains("corrupt"), "{msg}");
    }
    assert!(error_of("photo.docx", b"\x89PNG\r\n\x1a\n\0\0").contains("PNG"));
    let no_doc = {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        z.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.finish().unwrap().into_inner()
    };
    assert!(error_of("other.docx", &no_doc).contains("word/document.xml"));
    let broken_xml = fixtures::docx_with(b"<w:document><w:body><w:p><w:t>a</w:p>");
    assert!(error_of("xml.docx", &broken_xml).contains("corrupt"));
}

#[test]
fn pdf_text_in_chinese_font_encodings() {
    for font in [
        PdfFont::IdentityToUnicode,
        PdfFont::UniGbUcs2,
        PdfFont::GbkEuc,
    ] {
        let text = text_of("plan.pdf", &fixtures::pdf(LINES, font));
        assert_eq!(text, LINES.join("\n") + "\n");
    }
}

#[test]
fn pdf_text_inside_a_form_xobject() {
    let text = text_of(
        "form.pdf",
        &fixtures::pdf_in_form(LINES, PdfFont::IdentityToUnicode),
    );
    assert_eq!(text, LINES.join("\n") + "\n");
}

#[test]
fn pdf_pages_follow_each_other() {
    let bytes = fixtures::pdf_pages(&[&LINES[..2], &LINES[2..]], PdfFont::IdentityToUnicode);
    assert_eq!(text_of("two.pdf", &bytes), LINES.join("\n") + "\n");
}

#[test]
fn pdf_paragraph_wrapped_over_lines_is_joined_and_page_numbers_dropped() {
    let page1: &[&str] = &[
        "二、发展目标",
        "到二〇二五年，园区高新技术企业不少于一百二十户，研发",
        "投入强度达到百分之三以上，新型研发机构达到十家，形成",
        "— 1 —",
    ];
    let page2: &[&str] = &["一批创新平台。", "三、保障措施"];
    let bytes = fixtures::pdf_pages(&[page1, page2], PdfFont::IdentityToUnicode);
    assert_eq!(
        text_of("wrapped.pdf", &bytes),
        "二、发展目标\n到二〇二五年，园区高新技术企业不少于一百二十户，研发投入强度达到百分之三以上，新型研发机构达到十家，形成一批创新平台。\n三、保障措施\n"
    );
}

#[test]
fn pdf_table_cells_stay_apart_and_rows_stay_lines() {
    let rows: &[&str] = &[
        "表1　主要发展指标",
        "指标\t2020年\t2025年",
        "高新技术企业数量（家）\t408\t500",
        "研发投入强度（%）\t2.5\t3",
    ];
    for font in [PdfFont::IdentityToUnicode, PdfFont::GbkEuc] {
        let text = text_of("table.pdf", &fixtures::pdf(rows, font));
        let expected: Vec<String> = rows.iter().map(|r| r.replace('\t', " ")).collect();
        assert_eq!(text.lines().collect::<Vec<_>>(), expected);
    }
}

#[test]
fn pdf_without_text_broken_or_huge_is_refused() {
    let scanned = fixtures::pdf(&[], PdfFont::IdentityToUnicode);
    assert!(error_of("scan.pdf", &scanned).contains("no text layer (scanned PDF?)"));
    let no_pages = fixtures::pdf_pages(&[], PdfFont::IdentityToUnicode);
    assert!(error_of("empty.pdf", &no_pages).contains("no pages"));
    let good = fixtures::pdf(LINES, PdfFont::IdentityToUnicode);
    let msg = error_of("cut.pdf", &good[..good.len() / 3]);
    assert!(msg.contains("PDF"), "{msg}");
    assert!(error_of("fake.pdf", b"hello world").contains("not a PDF"));
    let pages: Vec<&[&str]> = vec![&LINES[1..2]; 5_001];
    let many = fixtures::pdf_pages(&pages, PdfFont::UniGbUcs2);
    assert!(error_of("many.pdf", &many).contains("pages"));
}

#[test]
fn pdf_content_bomb_is_refused() {
    let bomb = fixtures::pdf_with_content(vec![b' '; 40 << 20]);
    assert!(bomb.len() < 1 << 20, "bomb fixture is {} bytes", bomb.len());
    assert!(error_of("bomb.pdf", &bomb).contains("size limit"));
}

#[test]
fn pdf_with_broken_xref_is_read_or_refused_cleanly() {
    let good = fixtures::pdf(LINES, PdfFont::IdentityToUnicode);
    let at = good.windows(9).rposition(|w| w == b"startxref").unwrap();
    let mut broken = good[..at].to_vec();
    broken.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    match ingest::ingest_bytes(Path::new("xref.pdf"), &broken) {
        Ok(got) => assert!(got.text.contains("一、发展目标")),
        Err(e) => assert!(e.to_string().contains("xref.pdf")),
    }
}

#[test]
fn html_page_text_without_site_chrome() {
    let page = format!(
        r#"<!DOCTYPE html><html><head><meta charset="gb2312"><title>方案</title>
<script>document.write("<p>广告</p>")</script><style>.a{{}}</style></head><body>
<div class="top"><a href="/">网站首页</a> | <a>新闻中心</a> | <a>政务公开</a> | <a>联系我们</a></div>
<div class="crumb">当前位置:首页 &gt; 政策文件 &gt; 正文</div>
<div class="article"><h1>{}</h1><p>{}</p><div>{}&nbsp;</div><p>{}</p></div>
<div class="share">分享到:微信 微博</div>
<p>责任编辑:张三</p><p>Copyright &copy; 2021 某某网 版权所有</p>
<footer><p>地址:沈阳市 电话:024-12345678</p></footer></body></html>"#,
        LINES[0], LINES[1], LINES[2], LINES[3]
    );
    let bytes = encoding_rs::GBK.encode(&page).0.into_owned();
    let text = text_of("page.html", &bytes);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert_eq!(lines, LINES);
    // The same page saved as .txt is recognised as HTML.
    assert_eq!(text_of("page.txt", page.as_bytes()), text);
}

fn nested_page(bytes: usize) -> String {
    let mut page = String::with_capacity(bytes);
    page.push_str("<html><body>");
    while page.len() < bytes - 64 {
        page.push_str("<div><span><b>");
    }
    page.push_str("正文。");
    page
}

/// Tokenizing is linear and keeps no tree, so depth costs nothing; 4 MB keeps the
/// unoptimised test build quick (the 50 MB case below is run with `--ignored`).
#[test]
fn html_of_deeply_nested_tags_is_handled() {
    let text = text_of("deep.html", nested_page(4 << 20).as_bytes());
    assert_eq!(text.trim(), "正文。");
}

#[test]
#[ignore = "slow in unoptimised builds; run with --ignored"]
fn html_of_50_mb_of_nested_tags_is_handled() {
    let text = text_of("deep.html", nested_page(50 << 20).as_bytes());
    assert_eq!(text.trim(), "正文。");
}
