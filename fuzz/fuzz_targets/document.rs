#![no_main]
//! libFuzzer target: [`docrules_invariants::document`].

libfuzzer_sys::fuzz_target!(|data: &[u8]| docrules_invariants::document(data));
