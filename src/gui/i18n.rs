//! Interface text in Chinese and English: one typed key per label, menu item and tooltip,
//! so a missing translation is a compile error rather than an untranslated string.
//! Zone, theme and indicator names come from the catalogs, not from here.

/// Interface language: the same type as the language of charts and exports.
pub use crate::charts::Lang;

/// A message written in both languages (a status line), so it can follow a switch of the
/// interface language after it was shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub zh: String,
    pub en: String,
}

impl Localized {
    /// The message in each language.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Localized {
        Localized {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// A message made by `f` in each language.
    pub fn of(f: impl Fn(Lang) -> String) -> Localized {
        Localized::new(f(Lang::Zh), f(Lang::En))
    }

    /// The same text in both languages (an error from the system, a path).
    pub fn same(text: impl Into<String>) -> Localized {
        let text = text.into();
        Localized::new(text.clone(), text)
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl From<T> for Localized {
    fn from(key: T) -> Localized {
        Localized::of(|l| key.get(l).to_string())
    }
}

macro_rules! texts {
    ($($key:ident => ($zh:literal, $en:literal),)*) => {
        /// A piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key,)* }

        impl T {
            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Zh) => $zh, (T::$key, Lang::En) => $en,)*
                }
            }

            /// Every key, for the completeness test.
            pub const ALL: &'static [T] = &[$(T::$key,)*];
        }
    };
}

texts! {
    AppTitle => ("开发区规划对比", "zonecompare — development-zone plans"),
    Overview => ("概览", "Overview"),
    Compare => ("对比", "Compare"),
    Targets => ("目标", "Targets"),
    Agencies => ("部门分工", "Agencies"),
    Reader => ("文件阅读", "Reader"),
    Import => ("导入", "Import"),
    Diff => ("版本对比", "Diff"),
    AgencyPageTip => ("点击查看该部门在各开发区承担的全部措施与目标", "Click for everything this agency owns across the zones"),
    AgencyOwns => ("承担的措施与目标", "Measures and targets it owns"),
    Close => ("关闭", "Close"),
    NotMapped => ("未对应标准指标", "no canonical indicator"),
    PreviewEditTip => ("保存前修改该目标的比较符、数值、单位或年份(随导入保存为修正)", "Change this target's comparator, value, unit or year before saving (kept as a correction)"),
    EditedInPreview => ("已在预览中修改,保存导入时作为修正保存", "Changed in the preview; saved as a correction with the import"),
    YearClearHint => ("年份留空表示该目标没有期限", "Leave the year empty if the target has no deadline"),
    MappingTip => ("可在保存前改为其他标准指标(保存为修正)", "Choose another canonical indicator before saving (kept as a correction)"),
    Actual => ("实际值", "Actual"),
    ActualTip => ("录入、修改或删除该指标的实际完成值", "Enter, change or delete the value actually reached"),
    ActualTitle => ("实际完成值", "Actual value reached"),
    Note => ("备注", "Note"),
    Delete => ("删除", "Delete"),
    Achieved => ("完成", "achieved"),
    PerYearShort => ("年", "yr"),
    AmbitionTip => ("基数 → 目标:隐含年均增速与倍数", "Baseline → target: implied average annual change and multiple"),
    OtherScopeTip => ("* 取自新闻报道,可能是更大范围的数据,不用于计算目标力度", "* From a news report, possibly about a larger area: not used for ambition"),
    OtherDocumentTip => ("基数取自本区的另一份文件", "Baseline from another document of this zone"),
    OwnerNamed => ("目标句所述", "named in the goal"),
    OwnerIssuer => ("发文单位", "issuer"),
    OwnerNone => ("文件未写明责任单位", "The document names no one responsible"),
    OwnerMeasureTip => ("所属措施的责任单位", "Responsible units of its measure"),
    OwnerNamedTip => ("无所属措施;取自目标句中点名的单位", "No measure; the agency its sentence names"),
    OwnerIssuerTip => ("无所属措施;取自文件的发文单位", "No measure; the document's issuer"),
    CoOwners => ("配合单位", "Co-owners"),
    DifferencesOnly => ("只看差异", "Differences only"),
    DifferencesOnlyTip => ("隐藏所有勾选开发区都有的主题或指标", "Hide the themes or indicators every ticked zone has"),
    CommonMark => ("共有", "common"),
    CommonTip => ("所有勾选的开发区都有", "Every ticked zone has this"),
    SharedMark => ("部分共有", "shared"),
    SharedTip => ("部分开发区有,部分没有", "Some ticked zones have this, others do not"),
    OnlyMark => ("仅此区", "only here"),
    OnlyTip => ("勾选的开发区中只有这一个有", "Only this one of the ticked zones has this"),
    DiffRun => ("比较两个版本", "Compare versions"),
    DiffOld => ("旧版本", "Older version"),
    DiffNew => ("新版本", "Newer version"),
    DiffHint => ("选择同一规划的两个版本(如征求意见稿与正式稿),查看措施与目标的变化。", "Choose two versions of one plan (a draft and the final text, say) to see what changed in its measures and targets."),
    DiffSame => ("请选择两个不同的文件", "Choose two different documents"),
    DiffNothing => ("两个版本的措施与目标没有变化", "No measure or target changed between the two versions"),
    MeasuresAdded => ("新增措施", "Measures added"),
    MeasuresRemoved => ("删除的措施", "Measures removed"),
    MeasuresChanged => ("改写或调整责任单位的措施", "Measures reworded or reassigned"),
    TargetsRaised => ("提高的目标", "Targets raised"),
    TargetsLowered => ("降低的目标", "Targets lowered"),
    TargetsAdded => ("新增目标", "Targets added"),
    TargetsRemoved => ("删除的目标", "Targets dropped"),
    TargetsMoved => ("期限调整的目标", "Deadlines moved"),
    TargetsUnchanged => ("未变的目标", "Targets unchanged"),
    Before => ("原", "Before"),
    After => ("现", "After"),
    LeadAgency => ("牵头单位", "Lead agency"),
    Zones => ("开发区", "Zones"),
    ZonesHint => ("勾选 2–4 个开发区进行对比", "Tick 2–4 zones to compare"),
    FindZone => ("查找开发区", "Find a zone"),
    FindZoneHint => ("名称、城市或省份", "name, city or province"),
    Filters => ("筛选", "Filters"),
    Theme => ("主题", "Theme"),
    Instrument => ("政策工具", "Policy instrument"),
    Agency => ("责任单位", "Agency"),
    HasTarget => ("只看有量化目标的措施", "Only measures with targets"),
    DeadlineYear => ("目标年份", "Deadline year"),
    Indicator => ("指标", "Indicator"),
    Any => ("全部", "Any"),
    Search => ("搜索", "Search"),
    SearchHint => ("全文搜索措施…", "Search measures…"),
    ClearFilters => ("清除筛选", "Clear filters"),
    Language => ("语言", "Language"),
    DarkMode => ("深色", "Dark"),
    LightMode => ("浅色", "Light"),
    ToggleThemeTip => ("切换浅色/深色界面", "Switch between light and dark"),
    LanguageTip => ("切换界面语言", "Switch the interface language"),
    Documents => ("文件", "Documents"),
    Period => ("规划期", "Plan period"),
    Measures => ("措施", "Measures"),
    TopThemes => ("主要主题", "Top themes"),
    Heatmap => ("主题 × 开发区(措施数)", "Themes × zones (measures)"),
    HeatmapTicked => (
        "开发区较多,热力图只列出已勾选的开发区。",
        "With this many zones the heatmap shows the ticked ones."
    ),
    HeatmapTip => ("点击单元格,在对比视图中查看该主题", "Click a cell to compare this theme"),
    NoData => ("没有数据。请导入文件,或检查数据库。", "No data. Import documents or check the database."),
    NoMatches => ("没有符合筛选条件的记录。", "Nothing matches the filters."),
    PickerHint => ("开发区或文件名称", "zone or document name"),
    FirstRows => (
        "只显示前 {n} 条。勾选开发区或增加筛选条件可查看其余记录。",
        "Showing the first {n} rows. Tick zones or add filters to see the rest."
    ),
    SelectZones => ("请在左侧勾选 2–4 个开发区。", "Tick 2–4 zones on the left."),
    CompareBy => ("对比依据", "Compare by"),
    ByTheme => ("主题", "Theme"),
    ByIndicator => ("指标", "Indicator"),
    ChooseTheme => ("请选择主题或指标", "Choose a theme or an indicator"),
    Gap => ("缺口:该开发区没有相关内容", "Gap: nothing on this in this zone"),
    Lead => ("牵头", "Lead"),
    Co => ("配合", "Co-owner"),
    Total => ("合计", "Total"),
    Zone => ("开发区", "Zone"),
    Value => ("数值", "Value"),
    Comparator => ("比较", "Comparator"),
    Unit => ("单位", "Unit"),
    Year => ("年份", "Year"),
    Measure => ("措施", "Measure"),
    Baseline => ("基数", "Baseline"),
    Source => ("原文", "Source"),
    OpenSource => ("在文件中查看原句", "Open the source sentence in the reader"),
    Edit => ("修改", "Edit"),
    EditTip => ("修改解析结果(修改会标记并保存到数据库)", "Correct the parsed values (marked and saved in the database)"),
    Corrected => ("已修改", "corrected"),
    CorrectedTip => ("此项已被用户修改;可恢复为解析值", "Changed by a user; can be reset to the parsed value"),
    ResetToParsed => ("恢复解析值", "Reset to parsed"),
    Save => ("保存", "Save"),
    Cancel => ("取消", "Cancel"),
    CorrectTarget => ("修改目标", "Correct target"),
    CorrectMeasure => ("修改措施", "Correct measure"),
    EnglishTitle => ("英文标题(译文)", "English title (your translation)"),
    EnglishTitleHint => (
        "留空则使用机器释义",
        "Leave empty to use the machine gloss"
    ),
    MachineGloss => ("机器释义", "Machine gloss"),
    Translate => ("翻译标题", "Translate title"),
    EnglishName => ("英文名称", "English name"),
    EnglishNameTip => (
        "修改该开发区的英文名称(留空则使用机器释义)",
        "Type this zone's English name (empty: the machine gloss of its Chinese name)"
    ),
    IndicatorText => ("指标(原文)", "Indicator (as written)"),
    CanonicalIndicator => ("标准指标", "Canonical indicator"),
    Themes => ("主题", "Themes"),
    UnitsHint => ("责任单位,用顿号或逗号分隔,第一个为牵头单位", "Responsible units, separated by 、 or commas; the first leads"),
    InvalidNumber => ("数值无效", "Not a number"),
    Chart => ("图表", "Chart"),
    ChartIndicator => ("各开发区目标值", "Target value per zone"),
    NoChartData => ("该指标没有可比较的目标", "No comparable targets for this indicator"),
    UnitsDiffer => ("单位不同,无法在同一图中比较", "Units differ; values cannot share one chart"),
    Filter => ("过滤", "Filter"),
    Rows => ("行", "rows"),
    Document => ("文件", "Document"),
    Outline => ("目录", "Outline"),
    ChooseDocument => ("请选择文件", "Choose a document"),
    LegendMeasure => ("措施", "measure"),
    LegendTarget => ("目标", "target"),
    LegendAgency => ("责任单位", "agency"),
    Loading => ("加载中…", "Loading…"),
    ImportTitle => ("导入文件", "Import documents"),
    ChooseFiles => ("选择文件…", "Choose files…"),
    ChooseFilesTip => ("打开文件对话框 (Ctrl+O)", "Open the file dialog (Ctrl+O)"),
    DropHint => ("也可以把文件或文件夹拖到窗口中,或在下面输入路径。", "You can also drop files or folders on the window, or type a path below."),
    NoPortal => ("无法打开系统文件对话框(没有桌面门户服务)。请在下面输入文件路径,或把文件拖到窗口中。", "The system file dialog is not available (no desktop portal). Type a file path below or drop files on the window."),
    PathLabel => ("文件或文件夹路径", "File or folder path"),
    Add => ("添加", "Add"),
    ClearList => ("清空列表", "Clear list"),
    Files => ("文件", "Files"),
    Preview => ("预览", "Preview"),
    PreviewTip => ("解析文件并显示提取结果,尚不写入数据库", "Parse the files and show what was extracted; nothing is saved yet"),
    TargetZone => ("导入到开发区", "Import into zone"),
    NewZone => ("新建开发区", "New zone"),
    Slug => ("代号(英文字母)", "Slug (latin letters)"),
    NameZh => ("中文名称", "Chinese name"),
    NameEn => ("英文名称", "English name"),
    SaveImport => ("保存到数据库", "Save to database"),
    SaveImportTip => ("把预览中的文件写入数据库", "Store the previewed files in the database"),
    Imported => ("已导入", "imported"),
    AlreadyPresent => ("已存在,未重复导入", "already in the database, not imported again"),
    Failed => ("失败", "failed"),
    Previewed => ("已预览", "previewed"),
    ClickFileForPreview => ("点击列表中的文件查看其预览", "Click a file in the list to see its preview"),
    Title => ("标题", "Title"),
    Cancelled => ("已取消", "Cancelled"),
    CancelJob => ("取消任务", "Cancel the running job"),
    JobPreview => ("解析预览", "Parsing preview"),
    JobImport => ("导入", "Importing"),
    JobQuery => ("查询", "Querying"),
    Database => ("数据库", "Database"),
    Ready => ("就绪", "Ready"),
    SlugInvalid => ("代号只能包含小写字母、数字和连字符", "Use lower-case letters, digits and hyphens for the slug"),
    NeedZone => ("请选择或新建开发区", "Choose or create a zone"),
    Saved => ("已保存", "Saved"),
    Supply => ("供给型", "Supply"),
    Environment => ("环境型", "Environment"),
    Demand => ("需求型", "Demand"),
    Export => ("导出当前视图", "Export the current view"),
    ExportUnavailable => ("本版本尚不支持导出", "Export is not available in this build"),
    FocusSearch => ("搜索", "Search"),
    OpenImport => ("打开文件…", "Open files…"),
    Count => ("数量", "Count"),
    Sentence => ("原句", "Sentence"),
    ShortcutsTip => ("快捷键", "Shortcut"),
    NoTheme => ("未标注主题", "No theme"),
    OtherIndicators => ("其他指标(未归类)", "Other indicators (not mapped)"),
    DamagedTitle => ("数据库文件已损坏", "The database file is damaged"),
    DamagedKept => ("可以恢复最近的备份,或用内置文件重新开始。损坏的文件不会被删除,而是改名保留在同一文件夹中(.broken-时间)。", "You can restore the last backup or start fresh with the bundled documents. The damaged file is not deleted: it is kept in the same folder, renamed (.broken-<time>)."),
    RestoreBackup => ("恢复最近的备份", "Restore last backup"),
    RestoreBackupTip => ("用备份替换损坏的数据库", "Replace the damaged database with the backup"),
    NoBackup => ("没有找到备份文件", "No backup was found"),
    StartFresh => ("重新开始", "Start fresh"),
    StartFreshTip => ("新建数据库并载入内置的开发区文件;您的导入和修改在损坏的文件中", "Create a new database with the bundled documents; your imports and corrections stay in the damaged file"),
    Quit => ("退出", "Quit"),
    RecoveredKept => ("数据库已恢复。损坏的文件保留为", "The database is ready again. The damaged file was kept as"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for key in T::ALL {
            assert!(!key.get(Lang::Zh).is_empty(), "{key:?} zh");
            assert!(!key.get(Lang::En).is_empty(), "{key:?} en");
        }
    }

    #[test]
    fn view_labels_are_distinct_per_language() {
        for lang in [Lang::Zh, Lang::En] {
            let views = [
                T::Overview,
                T::Compare,
                T::Targets,
                T::Agencies,
                T::Reader,
                T::Import,
                T::Diff,
            ];
            let mut labels: Vec<_> = views.iter().map(|v| v.get(lang)).collect();
            labels.sort();
            labels.dedup();
            assert_eq!(labels.len(), views.len());
        }
    }
}
