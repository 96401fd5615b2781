#![no_main]
//! libFuzzer target: [`docrules_invariants::front_matter`].

libfuzzer_sys::fuzz_target!(|data: &[u8]| docrules_invariants::front_matter(data));
