//! What the whole parse makes of a document's parts together, on snippets written for
//! these tests.

use super::*;

#[test]
fn a_goal_in_the_text_and_in_its_indicator_table_is_one_target() {
    let text = "某市国民经济和社会发展第十五个五年规划纲要\n二、主要目标\n\
        到2030年,森林覆盖率达到57%,高新技术企业达到2500家。\n表1 主要指标\n\
        指标\t2025年\t2030年\t属性\n森林覆盖率(%)\t56.3\t57\t约束性\n\
        常住人口城镇化率(%)\t56.8\t62\t预期性\n";
    let (doc, _) = run(text, Catalog::in_use(), false);
    let values: Vec<f64> = doc.targets.iter().map(|t| t.value).collect();
    assert_eq!(values, [57.0, 2500.0, 62.0]);
    let (_, explained) = run(text, Catalog::in_use(), true);
    // `--explain` says why the table's 57 is not a second target.
    assert!(
        explained
            .iter()
            .any(|e| e.value == 57.0 && e.rule == "restated")
    );
}
