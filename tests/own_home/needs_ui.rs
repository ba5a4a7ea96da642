//! The needs view (P) on the real app: areas ranked by need with a profile across the five
//! domains, the groups furthest apart, a click that selects an area, and the CSV export.
use crate::common;

use egui::{Key, vec2};
use egui_kittest::kittest::Queryable as _;
use segkarta::state::Settings;

#[test]
fn needs_view_ranks_areas_profiles_one_and_exports_the_table() {
    let home = std::env::temp_dir().join(format!("segkarta-needs-{}", std::process::id()));
    // The tile cache, exports and settings go to a throw-away directory.
    let _home = crate::own_home(&home);
    let mut harness = common::app_harness(Settings::default(), vec2(1400.0, 900.0), true);
    harness.run_steps(4);
    harness.key_press(Key::P);
    harness.run_steps(3);
    let needs = harness.state().needs.clone().expect("the view is open");
    assert_eq!(needs.areas.len(), 13);
    assert_eq!(needs.period, segkarta::model::Period::Year(2024));
    let most = needs.areas[0].clone();
    harness.get_by_label("Områden att prioritera");
    harness.get_by_label("Största skillnader mellan grupper");
    harness.get_by_label(&format!("Profil: {}", most.name));
    // Inside the window below the top bar, with all 13 municipalities in view.
    let heading = harness.get_by_label("Områden att prioritera").rect();
    let tabs = harness.get_by_label("Segregationsmått").rect();
    assert!(
        heading.top() > tabs.bottom() + 20.0,
        "{heading:?} by the top bar {tabs:?}"
    );
    let last = needs.areas[12].clone();
    let row = harness
        .get_all_by_label(&last.name)
        .next()
        .expect("13th listed")
        .rect();
    let profile = harness.get_by_label(&format!("Profil: {}", most.name)).rect();
    assert!(
        row.bottom() <= profile.top(),
        "the 13th row {row:?} is scrolled out of view"
    );
    harness.snapshot("needs_view");

    // Clicking an area in the list selects it on the map and shows its profile.
    let second = needs.areas[1].clone();
    harness
        .get_all_by_label(&second.name)
        .next()
        .expect("listed")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().settings.selection.area.as_deref(),
        Some(second.code.as_str())
    );
    harness.get_by_label(&format!("Profil: {}", second.name));

    harness.get_by_label("Exportera CSV").click();
    harness.run_steps(2);
    let path = home.join("exports/behovsanalys-municipal-2024.csv");
    let csv = std::fs::read_to_string(&path).expect("exported");
    assert!(csv.starts_with("kind,rank,code,name,bostad,skola,arbete,brott,demokrati,overall"));
    assert_eq!(csv.lines().filter(|l| l.starts_with("area,")).count(), 13);
    // Demo values are marked in the export as on screen.
    assert!(csv.lines().next().expect("header").ends_with(",demo"));
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",true")), "{csv}");
    assert!(
        csv.lines().nth(1).expect("first area").contains(&most.code),
        "most in need first"
    );
    harness.get_by_label(&format!("Exporterad till {}", path.display()));
}
