//! `numpy.vectorize(pyfunc, signature=…)`: a function of core sub-arrays lifted to arrays
//! whose leading (loop) dimensions broadcast, as a generalized ufunc with the core
//! dimensions of a signature such as `(n),(n)->()` or `(m,n)->(n,m)`.
//!
//! [`Vectorize::signature`] parses the signature; [`VectorizeSig::call`] checks every
//! argument against its core dimensions (NumPy's "inconsistent size for core dimension
//! 'n': 3 vs 4"), broadcasts the loop dimensions, calls the function once per loop index in
//! C order with the arguments' core sub-arrays, and fills the outputs. The function returns
//! a scalar or an array for one output, a `Vec` of arrays for several; output core
//! dimensions that no input has take their sizes from the first call, as in NumPy.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::vectorize;
//! // np.vectorize(np.dot, signature='(n),(n)->()')(a, b)
//! let dot = vectorize(|v: &[ArrayView<'_, f64>]| v[0].iter().zip(v[1].iter()).map(|(x, y)| x * y).sum::<f64>())
//!     .signature("(n),(n)->()")?;
//! let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
//! let r = dot.call(&[a.view(), array![1.0, 0.0, 1.0].view()])?;
//! assert_eq!(r.to_vec(), vec![4.0, 10.0]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use smallvec::SmallVec;

use crate::array::{Array, ArrayView};
use crate::dims::{Shape, broadcast_shapes};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::namespace::ndindex;
use crate::vectorize::Vectorize;

/// A parsed gufunc signature: the core dimension names of each input and output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoreSignature {
    /// Each input's core dimension names, outermost first.
    pub inputs: Vec<Vec<String>>,
    /// Each output's core dimension names.
    pub outputs: Vec<Vec<String>>,
}

impl CoreSignature {
    /// Parses `(m,n),(n,p)->(m,p)` as NumPy does (white space is ignored; a dimension
    /// name is letters, digits and underscores).
    ///
    /// ```
    /// let s = nprs_core::CoreSignature::parse("(m, n) -> (n, m)")?;
    /// assert_eq!(s.inputs, vec![vec!["m".to_string(), "n".to_string()]]);
    /// assert_eq!(s.outputs[0], vec!["n", "m"]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's "not a valid gufunc signature: …" (naming the signature without its white
    /// space).
    pub fn parse(signature: &str) -> Result<Self> {
        let sig: String = signature.chars().filter(|c| !c.is_whitespace()).collect();
        let bad = || Error::GufuncSignature { signature: sig.clone() };
        let (ins, outs) = sig.split_once("->").ok_or_else(bad)?;
        let inputs = parse_args(ins).ok_or_else(bad)?;
        let outputs = parse_args(outs).ok_or_else(bad)?;
        Ok(CoreSignature { inputs, outputs })
    }
}

/// `(a,b),(c)` into its names; `None` unless it has NumPy's form.
fn parse_args(s: &str) -> Option<Vec<Vec<String>>> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let body = rest.strip_prefix('(')?;
        let close = body.find(')')?;
        let inner = &body[..close];
        let names: Vec<String> =
            if inner.is_empty() { Vec::new() } else { inner.split(',').map(String::from).collect() };
        // Python's `\w`: Unicode letters, digits and the underscore.
        if names.iter().any(|n| n.is_empty() || !n.chars().all(|c| c.is_alphanumeric() || c == '_')) {
            return None;
        }
        out.push(names);
        rest = &body[close + 1..];
        if rest.is_empty() {
            return Some(out);
        }
        rest = rest.strip_prefix(',')?;
    }
}

/// What the function of a [`VectorizeSig`] returns: one output (a scalar for a `()` core,
/// or an array) or several (`Vec<Array<U>>`).
pub trait CoreOutput {
    /// The element type of the outputs.
    type Elem: Element;
    /// What [`VectorizeSig::call`] returns: `Array<U>` for one output, `Vec<Array<U>>` for
    /// several.
    type Arrays;
    /// The results of one call, one array per output.
    fn into_arrays(self) -> Vec<Array<Self::Elem>>;
    /// The filled outputs in the caller's form.
    fn collect(outputs: Vec<Array<Self::Elem>>) -> Self::Arrays;
}

impl<U: Element> CoreOutput for U {
    type Elem = U;
    type Arrays = Array<U>;
    fn into_arrays(self) -> Vec<Array<U>> {
        vec![Array::from_elem_0d(self)]
    }
    fn collect(mut outputs: Vec<Array<U>>) -> Array<U> {
        outputs.swap_remove(0)
    }
}

impl<U: Element> CoreOutput for Array<U> {
    type Elem = U;
    type Arrays = Array<U>;
    fn into_arrays(self) -> Vec<Array<U>> {
        vec![self]
    }
    fn collect(mut outputs: Vec<Array<U>>) -> Array<U> {
        outputs.swap_remove(0)
    }
}

impl<U: Element> CoreOutput for Vec<Array<U>> {
    type Elem = U;
    type Arrays = Vec<Array<U>>;
    fn into_arrays(self) -> Vec<Array<U>> {
        self
    }
    fn collect(outputs: Vec<Array<U>>) -> Vec<Array<U>> {
        outputs
    }
}

/// A [`Vectorize`] with core dimensions (`np.vectorize(f, signature=…)`); made by
/// [`Vectorize::signature`].
#[derive(Clone, Debug)]
pub struct VectorizeSig<F> {
    f: F,
    sig: CoreSignature,
}

impl<F> Vectorize<F> {
    /// `np.vectorize(f, signature=sig)`: `f` receives the core sub-arrays of the arguments
    /// (one view per input) and returns the core result(s) ([`CoreOutput`]).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// // np.vectorize(lambda m: m.T, signature='(m,n)->(n,m)')
    /// let t = nprs_core::vectorize(|v: &[ArrayView<'_, i64>]| v[0].t().to_owned()).signature("(m,n)->(n,m)")?;
    /// let a = Array::<i64>::arange(12).into_shape(&[2, 2, 3])?;
    /// let r = t.call(&[a.view()])?;
    /// assert_eq!(r.shape(), &[2, 3, 2]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::GufuncSignature`] for a signature NumPy does not accept.
    pub fn signature(self, sig: &str) -> Result<VectorizeSig<F>> {
        Ok(VectorizeSig { f: self.into_inner(), sig: CoreSignature::parse(sig)? })
    }
}

impl<F> VectorizeSig<F> {
    /// The parsed signature.
    ///
    /// ```
    /// let f = nprs_core::vectorize(|v: &[nprs_core::ArrayView<'_, f64>]| v[0].iter().sum::<f64>()).signature("(n)->()")?;
    /// assert_eq!(f.core_signature().outputs, vec![Vec::<String>::new()]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn core_signature(&self) -> &CoreSignature {
        &self.sig
    }

    /// `f(*args)`: the loop dimensions (each argument's shape without its core
    /// dimensions) broadcast; `f` is called for every loop index in C order with each
    /// argument's core sub-array there, and its results fill the outputs (shape: the loop
    /// shape followed by the output's core sizes).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// // np.vectorize(lambda x: (x.min(), x.max()), signature='(n)->(),()')
    /// let f = nprs_core::vectorize(|v: &[ArrayView<'_, i32>]| {
    ///     let x = v[0].to_vec();
    ///     let (lo, hi) = (x.iter().min().copied().unwrap_or(0), x.iter().max().copied().unwrap_or(0));
    ///     vec![Array::from_elem_0d(lo), Array::from_elem_0d(hi)]
    /// })
    /// .signature("(n)->(),()")?;
    /// let r = f.call(&[array![[3, 1, 2], [9, 7, 8]].view()])?;
    /// assert_eq!((r[0].to_vec(), r[1].to_vec()), (vec![1, 7], vec![3, 9]));
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's: the wrong number of arguments (TypeError) or of outputs, an argument with
    /// fewer dimensions than its core dimensions, a core dimension of two sizes
    /// ("inconsistent size for core dimension 'n': 3 vs 4"), loop dimensions that do not
    /// broadcast, a result that does not broadcast into its output, new output core
    /// dimensions on size-0 inputs.
    pub fn call<T: Element, R: CoreOutput>(&self, args: &[ArrayView<'_, T>]) -> Result<R::Arrays>
    where
        F: Fn(&[ArrayView<'_, T>]) -> R,
    {
        let (ins, outs) = (&self.sig.inputs, &self.sig.outputs);
        if args.len() != ins.len() {
            return Err(Error::VectorizeArgCount { expected: ins.len(), got: args.len() });
        }
        let mut sizes: Vec<(String, usize)> = Vec::new();
        let mut loops: Vec<&[usize]> = Vec::with_capacity(args.len());
        for (a, core) in args.iter().zip(ins) {
            update_sizes(&mut sizes, a.shape(), core)?;
            loops.push(&a.shape()[..a.ndim() - core.len()]);
        }
        let loop_shape = broadcast_shapes(&loops)?;
        let size_of = |sizes: &[(String, usize)], d: &String| sizes.iter().find(|(n, _)| n == d).map(|&(_, s)| s);
        let views = args
            .iter()
            .zip(ins)
            .map(|(a, core)| {
                let mut shape: Shape = loop_shape.clone();
                shape.extend(core.iter().filter_map(|d| size_of(&sizes, d)));
                a.broadcast_to(&shape[..])
            })
            .collect::<Result<Vec<_>>>()?;
        let mut outputs: Option<Vec<Array<R::Elem>>> = None;
        let mut subs: Vec<ArrayView<'_, T>> = Vec::with_capacity(views.len());
        for index in ndindex(&loop_shape) {
            let ix: SmallVec<[isize; 6]> = index.iter().map(|&i| i.cast_signed()).collect();
            subs.clear();
            for v in &views {
                subs.push(v.at(&ix)?);
            }
            let results = (self.f)(&subs).into_arrays();
            if results.len() != outs.len() {
                return Err(Error::VectorizeOutputCount { expected: outs.len(), got: results.len() });
            }
            if outputs.is_none() {
                for (r, core) in results.iter().zip(outs) {
                    update_sizes(&mut sizes, r.shape(), core)?;
                }
                outputs = Some(create_outputs(&loop_shape, &sizes, outs)?);
            }
            for (out, r) in outputs.iter_mut().flatten().zip(&results) {
                let mut dst = out.at_mut(&ix)?;
                let src = r
                    .broadcast_to(dst.shape())
                    .map_err(|_| Error::BroadcastInput { from: r.shape().to_vec(), to: dst.shape().to_vec() })?;
                dst.assign(&src)?;
            }
        }
        let outputs = match outputs {
            Some(o) => o,
            None => {
                if outs.iter().flatten().any(|d| size_of(&sizes, d).is_none()) {
                    return Err(Error::VectorizeNewCoreDimsEmpty);
                }
                create_outputs(&loop_shape, &sizes, outs)?
            }
        };
        Ok(R::collect(outputs))
    }
}

/// NumPy's `_update_dim_sizes`: checks `shape`'s trailing dimensions against the known
/// sizes of `core` and records new ones.
fn update_sizes(sizes: &mut Vec<(String, usize)>, shape: &[usize], core: &[String]) -> Result<()> {
    if core.is_empty() {
        return Ok(());
    }
    if shape.len() < core.len() {
        return Err(Error::CoreDimsTooFew { ndim: shape.len(), core: core.to_vec() });
    }
    for (d, &n) in core.iter().zip(&shape[shape.len() - core.len()..]) {
        match sizes.iter().find(|(name, _)| name == d) {
            Some(&(_, known)) if known != n => {
                return Err(Error::CoreDimSize { dim: d.clone(), size: n, known });
            }
            Some(_) => {}
            None => sizes.push((d.clone(), n)),
        }
    }
    Ok(())
}

/// Zeroed outputs of the loop shape followed by each output's core sizes.
fn create_outputs<U: Element>(
    loop_shape: &[usize],
    sizes: &[(String, usize)],
    outs: &[Vec<String>],
) -> Result<Vec<Array<U>>> {
    outs.iter()
        .map(|core| {
            let mut shape = loop_shape.to_vec();
            shape.extend(core.iter().map(|d| sizes.iter().find(|(n, _)| n == d).map_or(0, |&(_, s)| s)));
            Array::zeros(&shape)
        })
        .collect()
}
