//! `nprs::show_config`: the build description names this build's version and features.

#[test]
fn config_info_names_the_build() {
    let c = nprs::config_info();
    assert!(c.starts_with(&format!("nprs:\n  version: {}\n  numpy: {}\n", nprs::VERSION, nprs::NUMPY_VERSION)), "{c}");
    let features = nprs::enabled_features();
    assert!(features.contains(&"ufunc") == cfg!(feature = "ufunc"));
    assert!(c.contains(&format!("features: {}\n", features.join(", "))), "{c}");
    assert!(c.contains(&format!("  arch: {}\n", std::env::consts::ARCH)), "{c}");
}
