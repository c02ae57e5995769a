//! The integration tests of `nprs-datetime` in one binary, one module per topic: one link
//! and one process instead of one per file.

mod busday;
mod cast;
mod localtime;
mod oracle;
mod range;
mod unit_casts;
