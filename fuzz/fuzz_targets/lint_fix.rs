#![no_main]
//! libFuzzer target: [`docrules_invariants::lint_fix`].

libfuzzer_sys::fuzz_target!(|data: &[u8]| docrules_invariants::lint_fix(data));
