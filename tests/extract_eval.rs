//! Entities, figures and contacts on the seed article against its annotations
//! (`tests/data/seed-dajiang.entities.json`, from `../shared/annotations`):
//! items match by kind and text (as a set: a surface counted once), figures
//! also by value; `optional` items are neither required nor penalised.
//! `cargo test --test extract_eval -- --nocapture` prints the scores.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use zhtext::{ContactKind, Date, EntityKind, Extractor, FigureKind};

fn kind_name(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Count => "count",
        FigureKind::Money => "money",
        FigureKind::Area => "area",
        FigureKind::Percent => "percent",
        FigureKind::Date => "date",
        FigureKind::Duration => "duration",
        _ => "other",
    }
}

fn score(name: &str, predicted: &[String], gold: &[String], optional: &[String]) -> (f64, f64, f64) {
    let dedup = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let (predicted, gold) = (dedup(predicted), dedup(gold));
    let mut remaining: Vec<&String> = gold.iter().collect();
    let (mut tp, mut fp) = (0, 0);
    let mut wrong = Vec::new();
    for p in &predicted {
        if let Some(i) = remaining.iter().position(|g| *g == p) {
            remaining.remove(i);
            tp += 1;
        } else if !optional.contains(p) {
            fp += 1;
            wrong.push(p.clone());
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / gold.len().max(1) as f64;
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    println!("{name}: P {precision:.3} R {recall:.3} F1 {f1:.3}; spurious {wrong:?}; missed {remaining:?}");
    (precision, recall, f1)
}

#[test]
fn seed_entities_figures_and_contacts() {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.txt")).unwrap();
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/tests/data/seed-dajiang.entities.json")).unwrap(),
    )
    .unwrap();
    let found = Extractor::new().reference_date(Date::new(2022, 11, 1).unwrap()).extract(&text);

    let figure_key = |kind: &str, text: &str, value: Option<f64>| {
        format!("{kind} {text} {}", value.map_or("-".into(), |v| v.to_string()))
    };
    let predicted: Vec<String> = found
        .figures()
        .iter()
        .map(|f| {
            figure_key(
                kind_name(f.kind()),
                &text[f.range()],
                if f.kind() == FigureKind::Date { None } else { f.value() },
            )
        })
        .collect();
    let (mut required, mut optional) = (Vec::new(), Vec::new());
    for g in gold["figures"].as_array().unwrap() {
        let key = figure_key(g["kind"].as_str().unwrap(), g["text"].as_str().unwrap(), g["value"].as_f64());
        if g["optional"].as_bool() == Some(true) {
            optional.push(key);
        } else {
            required.push(key);
        }
    }
    let (_, _, figures_f1) = score("figures", &predicted, &required, &optional);

    let contacts: Vec<String> = found
        .contacts()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                if c.kind() == ContactKind::Phone {
                    "phone"
                } else if c.kind() == ContactKind::Email {
                    "email"
                } else {
                    "url"
                },
                &text[c.range()]
            )
        })
        .collect();
    let gold_contacts: Vec<String> = gold["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["type"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    let (cp, cr, _) = score("contacts", &contacts, &gold_contacts, &[]);
    assert_eq!((cp, cr), (1.0, 1.0));
    assert!(figures_f1 >= 0.95, "figures F1 {figures_f1}");

    for (kind, name) in [(EntityKind::Person, "person"), (EntityKind::Org, "org"), (EntityKind::Place, "place")] {
        let predicted: Vec<String> =
            found.entities().iter().filter(|e| e.kind() == kind).map(|e| text[e.range()].to_owned()).collect();
        let (mut required, mut optional) = (Vec::new(), Vec::new());
        for g in gold["entities"].as_array().unwrap().iter().filter(|g| g["type"] == name) {
            let text = g["text"].as_str().unwrap().to_owned();
            if g["optional"].as_bool() == Some(true) {
                optional.push(text);
            } else {
                required.push(text);
            }
        }
        let (_, _, f1) = score(name, &predicted, &required, &optional);
        assert!(f1 >= 0.95, "{name} F1 {f1}");
    }
}
