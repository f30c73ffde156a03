//! Generated code and a runtime that do not belong together stop the build with one clear
//! message naming both versions.

#[test]
fn code_from_another_generator_release_is_refused() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/newer_generator.rs");
    cases.compile_fail("tests/ui/other_line.rs");
}
