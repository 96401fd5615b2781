#![no_main]
//! libFuzzer target: [`docrules_invariants::corpus`].

libfuzzer_sys::fuzz_target!(|data: &[u8]| docrules_invariants::corpus(data));
