//! HTML pages: the visible text of the page, one line per block element.
//!
//! The page is tokenized (html5ever's tokenizer, no DOM tree), so time and memory stay
//! linear however deeply tags nest. Scripts, styles, form controls and the site's navigation,
//! header, footer and sidebars are skipped (a header or footer inside `<article>` or
//! `<main>` belongs to the document and stays); entities are decoded.

use std::cell::RefCell;

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::{limits, text};

/// Elements whose content is never page text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "aside", "select", "textarea",
    "button", "iframe", "svg", "object", "canvas", "map", "header", "footer",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "address",
    "figure",
    "figcaption",
    "center",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
];

/// Does decoded text look like an HTML page rather than plain text?
pub fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
}

/// Decodes an HTML file (BOM, then `<meta charset>`, then detection) and extracts its text.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let decoded = decode(bytes)?;
    extract_str(&decoded)
}

fn decode(bytes: &[u8]) -> Result<String, String> {
    if Encoding::for_bom(bytes).is_some() {
        return text::decode(bytes);
    }
    if let Some(kind) = text::sniff_binary(bytes) {
        return Err(format!("not an HTML page: looks like {kind}"));
    }
    let Some(declared) = meta_charset(bytes) else {
        return text::decode(bytes);
    };
    let encoding = if declared == GBK { GB18030 } else { declared };
    let (s, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let bad = s.chars().filter(|c| *c == '\u{FFFD}').count();
        if bad * 200 > s.chars().count() {
            return Err(format!(
                "the page is not valid {} text as its <meta charset> declares",
                declared.name()
            ));
        }
    }
    Ok(s.into_owned())
}

/// The charset named by a `<meta>` tag in the first 4 KB, if any.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i])) {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            // A page cannot declare UTF-16 in an ASCII-compatible meta tag.
            return Some(if enc.is_single_byte() || enc.output_encoding() == enc {
                enc
            } else {
                UTF_8
            });
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Extracts the page text from decoded HTML.
pub fn extract_str(html: &str) -> Result<String, String> {
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.take();
    if state.too_long {
        return Err("the page text exceeds the size limit".into());
    }
    Ok(state.out)
}

#[derive(Default)]
struct TextSink {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    out: String,
    /// Open skipped elements, innermost last.
    skipped: Vec<String>,
    /// Depth of open `<article>`/`<main>` elements.
    article: usize,
    pre: usize,
    /// A space is owed before the next text on this line.
    space: bool,
    too_long: bool,
}

impl State {
    fn newline(&mut self) {
        self.space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        // A missing </head>: the body's first block closes the head.
        let head_only = self.skipped.len() == 1 && self.skipped[0] == "head";
        if head_only && start && (name == "body" || (BLOCKS.contains(&name) && name != "html")) {
            self.skipped.clear();
        }
        if !self.skipped.is_empty() {
            if start && SKIPPED.contains(&name) && !tag.self_closing {
                self.skipped.push(name.to_string());
            } else if !start && let Some(pos) = self.skipped.iter().rposition(|s| s == name) {
                self.skipped.truncate(pos);
            }
            return raw_kind(name, start);
        }
        let in_document = matches!(name, "header" | "footer") && self.article > 0;
        if start && SKIPPED.contains(&name) && !in_document && !tag.self_closing {
            self.skipped.push(name.to_string());
            return raw_kind(name, start);
        }
        match name {
            "article" | "main" if start => self.article += 1,
            "article" | "main" => self.article = self.article.saturating_sub(1),
            "pre" if start => self.pre += 1,
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if BLOCKS.contains(&name) {
            self.newline();
        } else if matches!(name, "td" | "th") && start && !self.out.ends_with('\n') {
            self.space = false;
            if !self.out.is_empty() {
                self.out.push('\t');
            }
        }
        TokenSinkResult::Continue
    }

    fn text(&mut self, s: &str) {
        if !self.skipped.is_empty() || self.too_long {
            return;
        }
        if self.pre > 0 {
            self.out.push_str(s);
        } else {
            for c in s.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                    self.space = true;
                    continue;
                }
                if self.space && !self.out.is_empty() && !self.out.ends_with(['\n', '\t']) {
                    self.out.push(' ');
                }
                self.space = false;
                self.out.push(c);
            }
        }
        if self.out.len() > limits::MAX_TEXT_BYTES {
            self.too_long = true;
        }
    }
}

/// Tells the tokenizer to read script and style bodies as raw text.
fn raw_kind(name: &str, start: bool) -> TokenSinkResult<()> {
    use html5ever::tokenizer::states::RawKind;
    match (name, start) {
        ("script", true) => TokenSinkResult::RawData(RawKind::ScriptData),
        ("style" | "iframe" | "noscript" | "template", true) => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        ("textarea", true) => TokenSinkResult::RawData(RawKind::Rcdata),
        _ => TokenSinkResult::Continue,
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => state.tag(&tag),
            Token::CharacterTokens(s) => {
                state.text(&s);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_chrome_goes() {
        let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title>
            <style>p{color:red}</style><script>var a = "<p>x</p>";</script></head>
            <body><nav><a href="/">首页</a> <a>新闻</a></nav><header>某某网</header>
            <article><header><h1>关于推进园区建设的意见</h1></header>
            <p>一、到2025年,企业达到&nbsp;120&amp;户&#x3002;</p><p>二、加强
            保障。<br>三、完善&lt;机制&gt;。</p></article><footer>版权所有</footer></body></html>"#;
        let text = extract(page.as_bytes()).unwrap();
        assert_eq!(
            text.trim(),
            "关于推进园区建设的意见\n一、到2025年,企业达到\u{a0}120&户。\n二、加强 保障。\n三、完善<机制>。"
        );
    }

    #[test]
    fn meta_charset_gbk() {
        let body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>高新技术企业</p></body></html>";
        let (bytes, _, _) = GBK.encode(body);
        assert_eq!(extract(&bytes).unwrap().trim(), "高新技术企业");
    }

    #[test]
    fn deep_nesting_is_linear() {
        let page = "<div>".repeat(200_000) + "正文" + &"</div>".repeat(200_000);
        assert_eq!(extract_str(&page).unwrap().trim(), "正文");
    }
}
