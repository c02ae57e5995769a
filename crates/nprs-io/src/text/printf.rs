//! Python's `%` formatting, as `savetxt` and `tofile(sep=…)` apply it to NumPy scalars:
//! nprs-core's [`printf`](nprs_core::printf), the one implementation (also behind
//! `nprs_core::strings::mod_`).

pub use nprs_core::printf::{Arg, FloatKind, Format};
