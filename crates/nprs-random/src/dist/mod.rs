//! One-draw samplers, generic over the bit generator (NumPy's `distributions.c` and
//! `legacy-distributions.c`).
//!
//! The array methods of [`Generator`](crate::Generator) and
//! [`RandomState`](crate::RandomState) call these in their fill loops; being generic, the
//! bit generator's step is inlined into each loop.
//!
//! A sampler that both APIs share is written once against [`Draws`], the uniforms, normals
//! and exponentials it builds on: every bit generator supplies the Generator's (the
//! ziggurats), [`legacy::Aug`] RandomState's (the polar Gaussian, the exponential by
//! inversion). Where NumPy's legacy function differs in more than its base draws, the
//! legacy form lives in [`legacy`], named after NumPy's `legacy_*` function.

pub(crate) mod bounded;
pub(crate) mod continuous;
pub(crate) mod discrete;
pub(crate) mod hypergeometric;
pub(crate) mod legacy;
pub(crate) mod ziggurat;
mod ziggurat_tables;

use crate::BitGenerator;

/// The base draws of a sampler: 53-bit uniforms, standard normals, standard exponentials,
/// and the raw bit generator underneath.
pub(crate) trait Draws {
    /// The bit generator the draws come from.
    type Bits: BitGenerator + ?Sized;
    /// `true` for RandomState's draws; a shared sampler tests it only where NumPy's legacy
    /// function differs from the Generator's in a detail, and says which.
    const LEGACY: bool;
    /// The raw bit generator (for the discrete samplers, which take uniforms only).
    fn bits(&mut self) -> &mut Self::Bits;
    /// A double in `[0, 1)`.
    fn uniform(&mut self) -> f64;
    /// A standard normal.
    fn normal(&mut self) -> f64;
    /// A standard exponential.
    fn exponential(&mut self) -> f64;
}

/// The Generator's draws over any bit generator: NumPy's ziggurat normal and exponential.
impl<B: BitGenerator + ?Sized> Draws for B {
    type Bits = B;
    const LEGACY: bool = false;
    #[inline]
    fn bits(&mut self) -> &mut B {
        self
    }
    #[inline(always)]
    fn uniform(&mut self) -> f64 {
        self.next_double()
    }
    #[inline]
    fn normal(&mut self) -> f64 {
        ziggurat::standard_normal(self)
    }
    #[inline]
    fn exponential(&mut self) -> f64 {
        ziggurat::standard_exponential(self)
    }
}
