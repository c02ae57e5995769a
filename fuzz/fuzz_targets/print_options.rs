//! libFuzzer target: [`nprs_fuzz_targets::print_options`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| nprs_fuzz_targets::print_options(data));
