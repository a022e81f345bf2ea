//! The briefing as one self-contained HTML page: print CSS, inline SVG figures, tables.

use std::fmt::Write;

use super::content::{Block, Cell, Figure, Para, Tone};
use crate::charts::Lang;
use crate::charts::svg::{escape, render};

const CSS: &str = "
body{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif;color:#1f2933;margin:2rem auto;max-width:1100px;padding:0 1rem;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #1f5fa8;padding-bottom:.2rem}
h3{margin-top:1.4rem}.sub{color:#52606d;margin-top:0}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:.9rem}
th,td{border:1px solid #cbd2d9;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#dce6f1}td.num{text-align:right}
.chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-.05em}
.m{margin:0 0 .5rem}.src,figcaption{color:#52606d}.t{color:#1f5fa8}
figure{margin:1rem 0 1.6rem}figure svg{width:100%;height:auto}figcaption{font-size:.85rem}
figcaption ol{margin:.3rem 0;padding-left:1.4rem}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}figure,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}@page{size:A4 landscape;margin:12mm}}
";

/// The whole HTML document for `blocks`.
pub(super) fn page(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title { title, subtitle } => {
                let _ = writeln!(
                    out,
                    "<header><h1>{}</h1><p class=\"sub\">{}</p></header>",
                    escape(title),
                    escape(subtitle)
                );
            }
            Block::Section { number, title } => {
                let _ = writeln!(out, "<h2>{number}. {}</h2>", escape(title));
            }
            Block::Subsection(title) => {
                let _ = writeln!(out, "<h3>{}</h3>", escape(title));
            }
            Block::Table(rows) => table(&mut out, rows),
            Block::Figure(f) => figure(&mut out, f, lang),
        }
    }
    let title = lang.pick("园区规划对比简报", "Zone plans briefing");
    let code = lang.pick("zh-CN", "en");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title><style>{CSS}</style></head>\n<body>\n{out}</body></html>\n"
    )
}

fn para(out: &mut String, p: &Para) {
    let (open, close) = if p.spaced {
        ("<p class=\"m\">", "</p>")
    } else {
        ("<div>", "</div>")
    };
    out.push_str(open);
    for run in &p.runs {
        if let Some(c) = run.chip {
            let _ = write!(
                out,
                "<span class=\"chip\" style=\"background:{}\"></span>",
                c.hex()
            );
        }
        let text = escape(&run.text).replace('\n', "<br>");
        let _ = match run.tone {
            Tone::Plain => write!(out, "{text}"),
            Tone::Bold => write!(out, "<b>{text}</b>"),
            Tone::Accent => write!(out, "<span class=\"t\">{text}</span>"),
            Tone::Muted => write!(out, "<span class=\"src\">{text}</span>"),
            Tone::Original => write!(out, "<span class=\"src\" lang=\"zh\">{text}</span>"),
        };
    }
    out.push_str(close);
}

fn table(out: &mut String, rows: &[Vec<Cell>]) {
    out.push_str("<table>");
    for (i, row) in rows.iter().enumerate() {
        out.push_str("<tr>");
        let tag = if i == 0 { "th" } else { "td" };
        for cell in row {
            let class = if cell.numeric { " class=\"num\"" } else { "" };
            let _ = write!(out, "<{tag}{class}>");
            for p in &cell.paras {
                para(out, p);
            }
            let _ = write!(out, "</{tag}>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>\n");
}

/// An inline chart with its number, title, source sentences, notes and sources.
fn figure(out: &mut String, f: &Figure, lang: Lang) {
    let chart = &f.chart;
    let _ = write!(
        out,
        "<figure>{}<figcaption><b>{} {}</b> {}",
        render(chart),
        lang.pick("图", "Figure"),
        f.number,
        escape(&chart.title)
    );
    if !f.sentences.is_empty() {
        out.push_str("<ol>");
        for s in &f.sentences {
            // source sentences: the Chinese original
            let _ = write!(out, "<li lang=\"zh\">{}</li>", escape(s));
        }
        out.push_str("</ol>");
    }
    for note in &chart.notes {
        let _ = write!(out, "<br>{}{}", lang.pick("注：", "Note: "), escape(note));
    }
    let _ = writeln!(out, "<br>{}</figcaption></figure>", escape(&chart.source));
}
