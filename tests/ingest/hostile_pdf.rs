//! PDFs built to cost unbounded work: forms that draw themselves with a font map, the same
//! font map under many names, object streams that inflate past the budget of one file, and a
//! password-protected file.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};
use zonecompare::ingest;

use super::error_of;

const LINE: &str = "到2025年,高新技术企业不少于120户。";

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::fast());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// `len` bytes of spaces, deflated, written in 1 MB pieces (never held inflated).
fn deflated_spaces(len: usize) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..len >> 20 {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap()
}

fn flate_stream(dict: Dictionary, compressed: Vec<u8>) -> Stream {
    let mut dict = dict;
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, compressed)
}

/// A ToUnicode CMap mapping `n` two-byte codes (1 MB for 30,000).
fn big_cmap(n: u32) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for block in 0..n.div_ceil(100) {
        s.push_str("100 beginbfchar\n");
        for j in 0..100 {
            let code = block * 100 + j;
            s.push_str(&format!("<{code:04X}> <{:04X}>\n", 0x4E00 + code % 20_000));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    s.into_bytes()
}

/// A one-page PDF showing [`LINE`] in a UCS-2 font named `/F1`, with `resources` added to
/// the page's resources; `extra` may add objects first.
fn page_pdf(extra: impl FnOnce(&mut Document, &mut Dictionary), content_prefix: &str) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "STSong-Light",
        "Encoding" => "UniGB-UCS2-H", "DescendantFonts" => Vec::<Object>::new(),
    });
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    extra(&mut doc, &mut resources);
    let hex: String = LINE.encode_utf16().map(|u| format!("{u:04X}")).collect();
    let content = format!("{content_prefix} BT /F1 10 Tf 40 800 Td <{hex}> Tj ET");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => resources,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn text_of(name: &str, bytes: &[u8]) -> String {
    ingest::ingest_bytes(Path::new(name), bytes)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .text
}

/// A form that draws itself ten times and carries a font with a 1 MB CMap: the CMap was
/// parsed again at every draw (minutes).
#[test]
fn a_form_drawing_itself_with_a_cmap_is_read_once() {
    let doc = page_pdf(
        |doc, resources| {
            let cmap = doc.add_object(flate_stream(dictionary! {}, deflate(&big_cmap(30_000))));
            let font: ObjectId = doc.add_object(dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Foo",
                "Encoding" => "Identity-H", "ToUnicode" => cmap,
                "DescendantFonts" => Vec::<Object>::new(),
            });
            let form = doc.new_object_id();
            let body = b"/X1 Do ".repeat(10);
            doc.objects.insert(
                form,
                Object::Stream(Stream::new(
                    dictionary! {
                        "Type" => "XObject", "Subtype" => "Form",
                        "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                        "Resources" => dictionary! {
                            "Font" => dictionary! { "F2" => font },
                            "XObject" => dictionary! { "X1" => form },
                        },
                    },
                    body,
                )),
            );
            resources.set("XObject", dictionary! { "X1" => form });
        },
        "/X1 Do",
    );
    let started = Instant::now();
    let text = text_of("forms.pdf", &save(doc));
    assert!(text.contains("高新技术企业"), "{text}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
}

/// One font under 40 names whose map inflates past what any real font map needs: it was
/// inflated and parsed once per name (30 s for 250 MB); now it is refused at once.
#[test]
fn a_font_map_bomb_is_refused() {
    let bomb = deflated_spaces(40 << 20);
    let doc = page_pdf(
        |doc, resources| {
            let map = doc.add_object(flate_stream(dictionary! {}, bomb));
            let font = doc.add_object(dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Foo", "ToUnicode" => map,
            });
            let mut fonts = dictionary! {};
            for i in 2..42 {
                fonts.set(format!("F{i}"), font);
            }
            if let Ok(Object::Dictionary(own)) = resources.get(b"Font") {
                for (name, font) in own.iter() {
                    fonts.set(name.clone(), font.clone());
                }
            }
            resources.set("Font", fonts);
        },
        "",
    );
    let msg = error_of("map.pdf", &save(doc));
    assert!(msg.contains("Unicode map inflates past"), "{msg}");
}

/// A PDF written by hand from object bodies (lopdf's writer drops object streams).
fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Object streams that each stay under the limit of one stream but together inflate to
/// 400 MB: each was accepted (10–16 s for 60 of them); the file has one budget.
#[test]
fn object_streams_share_one_inflation_budget() {
    let hex: String = LINE.encode_utf16().map(|u| format!("{u:04X}")).collect();
    let content = format!("BT /F1 10 Tf 40 800 Td <{hex}> Tj ET");
    let bomb = deflated_spaces(200 << 20);
    let mut objects: Vec<Vec<u8>> =
        vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R \
          >> >> /Contents 4 0 R >>"
            .to_vec(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()).into_bytes(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H \
          /DescendantFonts [] >>"
            .to_vec(),
    ];
    for _ in 0..2 {
        let mut body = format!(
            "<< /Type /ObjStm /N 0 /First 0 /Filter /FlateDecode /Length {} >>\nstream\n",
            bomb.len()
        )
        .into_bytes();
        body.extend_from_slice(&bomb);
        body.extend_from_slice(b"\nendstream");
        objects.push(body);
    }
    let pdf = raw_pdf(&objects);
    assert!(
        text_of("one.pdf", &raw_pdf(&objects[..6])).contains("高新技术企业"),
        "one object stream is within the budget"
    );
    let msg = error_of("objstm.pdf", &pdf);
    assert!(
        msg.contains("inflate past") && msg.contains("in total"),
        "{msg}"
    );
}

/// A file that needs its user password was reported as "corrupt PDF: no pages found".
#[test]
fn a_password_protected_pdf_is_named_as_such() {
    let mut doc = page_pdf(|_, _| {}, "");
    let zeros = Object::String(vec![0; 32], lopdf::StringFormat::Hexadecimal);
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128,
        "O" => zeros.clone(), "U" => zeros, "P" => -4,
    });
    doc.trailer.set("Encrypt", encrypt);
    let id = Object::String(vec![0x11; 16], lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let msg = error_of("locked.pdf", &save(doc));
    assert!(msg.contains("password-protected"), "{msg}");
}
