//! libFuzzer target: [`nprs_fuzz_targets::descr_parse`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| nprs_fuzz_targets::descr_parse(data));
