//! The integration tests of `nprs-fft` in one binary, one module per topic: one link
//! and one process instead of one per file.

mod error_kinds;
mod errors;
mod helpers;
mod oracle;
mod roundtrip;
