//! One-draw samplers, generic over the bit generator (NumPy's `distributions.c`).
//!
//! The array methods of [`Generator`](crate::Generator) and
//! [`RandomState`](crate::RandomState) call these in their fill loops; being generic, the
//! bit generator's step is inlined into each loop.

pub(crate) mod bounded;
pub(crate) mod continuous;
pub(crate) mod discrete;
pub(crate) mod hypergeometric;
pub(crate) mod legacy;
pub(crate) mod ziggurat;
mod ziggurat_tables;
