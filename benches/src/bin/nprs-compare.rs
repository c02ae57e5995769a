//! `nprs-compare`: the nprs side of `cargo xtask bench --compare`.
//!
//! - `nprs-compare serve`: answers the line protocol of [`nprs_benches::serve`] on
//!   stdin/stdout.
//! - `nprs-compare list`: prints the workload table as JSON.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use nprs_benches::serve::{serve, table_json};
use nprs_benches::workloads::workloads;

fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let result = match arg.as_deref() {
        Some("serve") => serve(std::io::stdin().lock(), BufWriter::new(std::io::stdout().lock())),
        Some("list") => writeln!(std::io::stdout(), "{:#}", table_json(&workloads())),
        _ => {
            eprintln!("usage: nprs-compare serve | list");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nprs-compare: {e}");
            ExitCode::FAILURE
        }
    }
}
