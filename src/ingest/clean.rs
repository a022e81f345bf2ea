//! Removal of web boilerplate around a document while keeping every sentence of it.
//!
//! Lines are judged one by one. Strong signals (reprint notices, `本文地址`, breadcrumbs,
//! comment boxes, contact lines, editor bylines, QR and share prompts, print buttons) drop
//! a line wherever it is; length caps keep body sentences that merely mention such words.
//! Weak signals (short menu words, rows of link labels, "recommended" widgets) count only
//! in the page header (before the first body paragraph) or footer (after the last one).
//! Kept lines are unchanged apart from line endings and trailing white space, and, in text
//! saved from a PDF, digits spread out and spaces around figures.

use super::contact;
use super::layout::starts_like_heading;

/// Cleans decoded text: normalises line breaks and drops boilerplate lines.
pub fn clean(raw: &str) -> String {
    let normal = normalise(raw);
    let lines: Vec<&str> = normal.split('\n').collect();
    let mut keep: Vec<bool> = lines.iter().map(|l| !is_boilerplate(l.trim())).collect();
    drop_chrome_regions(&lines, &mut keep);
    let kept = join_kept(&lines, &keep);
    // Text saved from a PDF: digits spread out and lines broken at the page width.
    let kept = super::layout::join_spaced_digits(&kept).unwrap_or(kept);
    let kept = super::layout::close_figure_gaps(&kept).unwrap_or(kept);
    super::layout::unwrap_plain(&kept).unwrap_or(kept)
}

/// Unifies line endings, removes control characters and byte-order marks, and trims the
/// end of every line.
pub fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' | '\x0b' | '\x0c' | '\u{85}' => out.push('\n'),
            '\n' | '\t' => out.push(c),
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

fn join_kept(lines: &[&str], keep: &[bool]) -> String {
    let mut out = String::new();
    let mut pending_blank = false;
    for (line, _) in lines.iter().zip(keep).filter(|(_, k)| **k) {
        if line.trim().is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if pending_blank {
            out.push('\n');
            pending_blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn has_any(line: &str, words: &[&str]) -> bool {
    words.iter().any(|w| line.contains(w))
}

/// Sentence punctuation: a line with it is prose, not a label.
fn has_sentence_punct(s: &str) -> bool {
    s.chars().any(|c| "。，,；;！!？?：:".contains(c))
}

/// Written in sentences: a full stop, or a run of clauses.
fn is_prose(t: &str) -> bool {
    t.contains('。') || t.chars().filter(|c| ",，;；".contains(*c)).count() >= 2
}

/// An interview question (`记者:请问…?`) or a sentence, not a name after a label.
fn is_question_or_prose(t: &str) -> bool {
    is_prose(t) || t.contains(['?', '？', '。', ',', '，'])
}

/// A paragraph of the document: long enough and written in sentences.
fn is_body(line: &str) -> bool {
    chars(line) >= 25 && line.chars().any(|c| "。，,；;！!？?".contains(c))
}

/// Whole lines that are site chrome wherever they stand.
#[rustfmt::skip]
const CHROME_WORDS: &[&str] = &[
    "导航", "导航菜单", "网站导航", "首页", "网站首页", "返回首页", "联系我们", "关于我们", "网站地图", "设为首页", "加入收藏", "收藏本站",
    "登录", "注册", "搜索", "繁體", "繁体", "简体", "English", "无障碍", "手机版", "移动版", "打印", "关闭", "返回",
    "返回顶部", "回到顶部", "分享", "更多", "更多>>", "上一篇", "下一篇", "站内搜索", "网站声明",
    "点赞", "收藏", "评论", "纠错", "我要纠错", "Share", "Print", "Close",
];

/// Headers of "more articles" widgets: they and everything after them in the footer go.
#[rustfmt::skip]
const WIDGET_HEADERS: &[&str] = &[
    "最新推荐", "相关推荐", "热门推荐", "推荐阅读", "相关阅读", "相关文章", "相关新闻", "猜你喜欢", "热门文章", "热点新闻", "延伸阅读",
    "精彩推荐", "今日推荐", "为您推荐", "热门标签", "友情链接", "相关链接", "最新文章", "热门资讯", "最新资讯", "图片新闻",
];

/// Site footers: who runs the site and how to view it (only after the document).
#[rustfmt::skip]
const SITE_FOOTER_WORDS: &[&str] = &[
    "主办单位", "承办单位", "主办:", "主办：", "承办:", "承办：", "网站标识码", "技术支持", "建议使用", "分辨率", "浏览器", "网站维护",
    "版权信息",
];

/// Reprint, copyright and disclaimer notices.
#[rustfmt::skip]
const NOTICE_WORDS: &[&str] = &[
    "版权所有", "版权归原", "版权归作者", "版权归本", "转载请注明", "不得转载", "禁止转载", "转载需", "如需转载", "未经授权不得",
    "未经许可不得转载", "免责声明", "仅代表作者", "不代表本站", "不代表本网", "本站立场", "本网立场", "请联系本站", "联系我们删除", "请联系我们删除",
    "ICP备", "ICP证", "公网安备", "All Rights Reserved", "Copyright", "copyright", "COPYRIGHT", "©",
];

/// Links to the page itself and its tags.
#[rustfmt::skip]
const SELF_LINK_PREFIXES: &[&str] = &[
    "本文地址", "本文链接", "本文网址", "原文链接", "原文地址", "本页地址", "文章地址", "页面地址", "本文关键词", "关键词", "关键字", "标签",
    "Tags", "TAG", "tags",
];

#[rustfmt::skip]
const COMMENT_WORDS: &[&str] = &[
    "发表评论", "网友评论", "我要评论", "评论(共", "评论（共", "条评论", "人评论", "验证码", "留言与评论", "发表留言", "我要留言",
    "提交评论", "查看评论", "评论区", "请文明发言", "登录后评论", "匿名发表", "还可以输入", "文明上网", "理性发言",
];

#[rustfmt::skip]
const WIDGET_WORDS: &[&str] = &[
    "扫一扫", "二维码", "扫码", "微信公众号", "关注我们", "关注公众号", "长按识别", "分享到", "分享至", "一键分享", "打印本页", "打印此页",
    "【打印】", "[打印]", "关闭窗口", "【关闭】", "[关闭]", "返回顶部", "回到顶部", "收藏本页", "加入收藏", "设为首页", "字号:",
    "字号：", "字体:", "字体：", "【大 中 小】", "[大 中 小]", "浏览次数", "阅读次数", "点击数", "点击量", "阅读量", "访问量",
    "浏览量", "上一篇", "下一篇", "上一条", "下一条", "观看视频", "点击下方", "点击查看", "阅读原文",
    "我要纠错", "【纠错】",
];

#[rustfmt::skip]
const BYLINE_LABELS: &[&str] = &[
    "责任编辑", "编辑", "责编", "审核", "审校", "校对", "初审", "复审", "终审", "编审", "监制", "美编", "撰稿", "作者", "记者",
    "通讯员", "供稿", "排版", "签发", "值班编辑", "网络编辑",
];

#[rustfmt::skip]
const CONTACT_LABELS: &[&str] = &[
    "联系电话", "电话", "联系方式", "联系人", "传真", "邮箱", "电子邮箱", "电子邮件", "邮编", "地址", "E-mail", "Email",
    "email", "QQ", "微信号", "客服热线", "咨询热线", "服务热线", "投诉电话", "举报电话", "欢迎投稿", "投稿邮箱", "Tel", "TEL",
];

/// Is this (trimmed) line boilerplate wherever it stands in the page?
fn is_boilerplate(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    let n = chars(t);
    let bare = t.trim_matches(|c: char| "[]【】()（）|｜<>《》".contains(c) || c.is_whitespace());
    CHROME_WORDS.contains(&bare)
        || is_breadcrumb(t, n)
        || (n <= 400 && has_any(t, NOTICE_WORDS))
        || (n <= 400 && t.starts_with("特别声明"))
        || (n <= 120 && starts_with_label(bare, SELF_LINK_PREFIXES))
        || (n <= 60 && !is_prose(t) && has_any(t, COMMENT_WORDS))
        || (n <= 60 && !is_prose(t) && has_any(t, WIDGET_WORDS) && !has_date(t))
        || (n <= 40 && starts_with_label(bare, BYLINE_LABELS) && !is_question_or_prose(t))
        || is_contact_line(t, bare, n)
        || is_url_only(t)
}

/// `当前位置:首页 > 新闻 > 正文` and friends.
fn is_breadcrumb(t: &str, n: usize) -> bool {
    if n > 100 {
        return false;
    }
    if has_any(
        t,
        &[
            "当前位置",
            "您的位置",
            "所在位置",
            "当前页面",
            "您现在的位置",
        ],
    ) {
        return true;
    }
    let head = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["首页", "网站首页", "主页", "Home", "HOME"]
        .iter()
        .any(|h| {
            head.strip_prefix(h)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        })
        && has_any(t, &[">", "»", "›", "→", "＞", "/", "-"])
}

/// `label:` or `label：` at the start of the line (the label possibly in brackets).
fn starts_with_label(t: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| {
        t.strip_prefix(l)
            .map(|rest| rest.trim_start())
            .is_some_and(|rest| rest.starts_with([':', '：']))
    })
}

fn has_date(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits >= 6 && has_any(t, &["日期", "时间", "来源", "发布"])
}

/// Contact details: a line made of phone numbers, e-mail addresses and their labels.
fn is_contact_line(t: &str, bare: &str, n: usize) -> bool {
    if n <= 60 && starts_with_label(bare, CONTACT_LABELS) {
        return true;
    }
    let spans = contact::find(t);
    if spans.is_empty() {
        return false;
    }
    let mut rest = String::new();
    let mut at = 0;
    for r in spans {
        rest.push_str(&t[at..r.start]);
        at = r.end;
    }
    rest.push_str(&t[at..]);
    !rest.contains('。') && chars(&rest) <= 40
}

fn is_url_only(t: &str) -> bool {
    let t = t.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Drops weak-signal chrome in the header (before the first body paragraph) and the
/// footer (after the last one).
fn drop_chrome_regions(lines: &[&str], keep: &mut [bool]) {
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| keep[i] && is_body(lines[i].trim()))
        .collect();
    // Without a paragraph there is no telling chrome from content: weak signals stay.
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return;
    };
    // Header: site and section names before a breadcrumb, rows and columns of menu links.
    let crumb = (0..first).rfind(|&i| is_breadcrumb(lines[i].trim(), chars(lines[i].trim())));
    for i in 0..first {
        let t = lines[i].trim();
        if is_menu_row(t)
            || crumb.is_some_and(|c| i < c && (is_label(t, 10) || link_labels(t) >= 1))
        {
            keep[i] = false;
        }
    }
    drop_label_runs(lines, keep, 0..first, |t| !starts_like_heading(t));
    // Footer: menu rows, site credits, runs of short link labels, "more articles" widgets.
    let widget = |t: &str| WIDGET_HEADERS.iter().any(|w| t.starts_with(w)) && chars(t) <= 12;
    for i in last + 1..lines.len() {
        let t = lines[i].trim();
        if widget(t) {
            keep[i..].iter_mut().for_each(|k| *k = false);
            break;
        }
        if is_menu_row(t) || (chars(t) <= 160 && has_any(t, SITE_FOOTER_WORDS)) {
            keep[i] = false;
        }
    }
    drop_label_runs(lines, keep, last + 1..lines.len(), |t| !widget(t));
}

/// Drops runs of three or more short link labels (one per line, blank lines between them
/// allowed) inside `range`; `counts` can exclude lines that only look like labels.
fn drop_label_runs(
    lines: &[&str],
    keep: &mut [bool],
    range: std::ops::Range<usize>,
    counts: impl Fn(&str) -> bool,
) {
    let is_run_line = |t: &str| t.is_empty() || (is_label(t, 6) && counts(t));
    let mut i = range.start;
    while i < range.end {
        let (mut j, mut labels) = (i, 0);
        while j < range.end && is_run_line(lines[j].trim()) {
            labels += usize::from(!lines[j].trim().is_empty());
            j += 1;
        }
        if labels >= 3 {
            keep[i..j].iter_mut().for_each(|k| *k = false);
        }
        i = j.max(i + 1);
    }
}

/// A short label without punctuation or digits (a menu entry, a section name).
fn is_label(t: &str, max_chars: usize) -> bool {
    let n = chars(t);
    n > 0
        && n <= max_chars
        && !has_sentence_punct(t)
        && !t.chars().any(|c| c.is_ascii_digit() || c.is_whitespace())
}

/// A row of three or more short link labels: `领导班子 专家团队 组织机构 下载专区` — but not
/// the header row of a table (`序号 重点任务 牵头单位 配合单位`).
fn is_menu_row(t: &str) -> bool {
    link_labels(t) >= 3 && !heads_table(t)
}

/// Whether a row of short words names a table's columns: a row number, or units beside
/// tasks or indicators.
fn heads_table(t: &str) -> bool {
    let numbered = t.contains("序号") || t.contains("编号");
    let units = t.contains("单位") || t.contains("部门");
    numbered || (units && (t.contains("任务") || t.contains("工作") || t.contains("指标")))
}

/// How many short link labels the line is made of (0 when it is anything else).
fn link_labels(t: &str) -> usize {
    if chars(t) > 100 || has_sentence_punct(t) {
        return 0;
    }
    let tokens: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || "|｜·•/".contains(c))
        .filter(|s| !s.is_empty())
        .collect();
    if tokens.iter().all(|s| is_label(s, 8)) {
        tokens.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_endings_and_trailing_space() {
        assert_eq!(normalise("a \r\nb\t\rc\u{feff}\x07"), "a\nb\nc");
    }

    #[test]
    fn keeps_body_sentences_mentioning_boilerplate_words() {
        let body = "加强知识产权保护,严厉打击侵权假冒行为,推广二维码追溯体系,建设统一的网上评论监测平台,提升服务热线响应水平。";
        assert_eq!(clean(body), format!("{body}\n"));
        let rights = "完善版权登记和转载授权制度,打击未经许可使用作品的行为,设立知识产权服务窗口。";
        assert_eq!(clean(rights), format!("{rights}\n"));
        let interview = "记者:园区今年有哪些新举措?\n编辑:李四\n";
        assert_eq!(clean(interview), "记者:园区今年有哪些新举措?\n");
    }

    #[test]
    fn government_site_page() {
        let page = "无障碍浏览 | 长者模式\n首页 > 政务公开 > 政策文件\n\
            某市人民政府关于促进园区发展的实施意见\n\
            发布时间：2022-03-11 10:20  来源：市政府办公室  字号：[大 中 小]  【打印本页】【关闭窗口】\n\
            各区、县（市）人民政府，市政府有关部门：\n\
            现将有关事项通知如下，到2025年，园区营业收入突破一千亿元。\n\
            某市人民政府\n2022年3月10日\n（此件公开发布）\n\
            扫一扫在手机打开当前页\n【我要纠错】 【打印本页】 【关闭窗口】\n\
            相关链接\n国务院办公厅\n某省人民政府\n\
            主办单位：某市人民政府办公室  网站标识码：2101000001\n辽ICP备05000000号\n";
        let kept: Vec<String> = clean(page).lines().map(String::from).collect();
        assert_eq!(
            kept,
            [
                "某市人民政府关于促进园区发展的实施意见",
                "发布时间：2022-03-11 10:20  来源：市政府办公室  字号：[大 中 小]  【打印本页】【关闭窗口】",
                "各区、县（市）人民政府，市政府有关部门：",
                "现将有关事项通知如下，到2025年，园区营业收入突破一千亿元。",
                "某市人民政府",
                "2022年3月10日",
                "（此件公开发布）",
            ]
        );
    }

    #[test]
    fn menu_columns_in_the_header_go_numbered_headings_stay() {
        // "目录" adjoins the menu column and goes with it; the numbered headings stay.
        let page = "首页\n新闻中心\n政务公开\n办事服务\n互动交流\n\
            目录\n一、总体要求\n二、发展目标\n三、重点任务\n\
            园区发展实施方案\n\
            到2025年,园区规模以上工业企业达到500家,研发投入强度达到3%以上。\n";
        assert_eq!(
            clean(page),
            "一、总体要求\n二、发展目标\n三、重点任务\n园区发展实施方案\n\
             到2025年,园区规模以上工业企业达到500家,研发投入强度达到3%以上。\n"
        );
    }

    #[test]
    fn a_table_header_is_not_a_menu_row() {
        let page = "网站首页 新闻中心 政务公开 联系我们\n\
            附件:重点任务分工表\n序号 重点任务 牵头单位 配合单位\n\
            1 建设中试基地3个,完善配套。 区科技局 区财政局\n";
        assert_eq!(
            clean(page),
            "附件:重点任务分工表\n序号 重点任务 牵头单位 配合单位\n\
             1 建设中试基地3个,完善配套。 区科技局 区财政局\n"
        );
    }

    #[test]
    fn drops_typical_chrome() {
        let page = "网站首页 | 新闻中心 | 政务公开 | 联系我们\n当前位置:首页 > 政策 > 正文\n\
            关于推进园区建设的实施意见\n\
            一、到2025年,园区规模以上工业企业达到500家,研发投入强度达到3%以上。\n\
            责任编辑:王五\n\
            联系电话:024-12345678 邮箱:office@example.gov.cn\n\
            Copyright © 2021 某某网 版权所有 辽ICP备12345678号\n\
            相关阅读\n园区新闻一则\n";
        assert_eq!(
            clean(page),
            "关于推进园区建设的实施意见\n一、到2025年,园区规模以上工业企业达到500家,研发投入强度达到3%以上。\n"
        );
    }
}
