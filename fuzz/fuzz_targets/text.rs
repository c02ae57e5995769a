//! libFuzzer target: [`nprs_fuzz_targets::text`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| nprs_fuzz_targets::text(data));
