//! Arguments of the sampling methods: output sizes, scalar-or-array parameters, and the
//! broadcasting, validation and filling machinery they share.

use nprs_core::iter::Iter;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, ArrayView, CowArray, Element};

use crate::error::{Error, Result, Rule};

/// The `size` argument: an output shape, or none (`size=None`: the broadcast shape of the
/// parameters, or a single value when they are all scalars).
///
/// Converts from an integer (`5`), an array or slice of integers (`[2, 3]`), a `Vec`, or `()`
/// for none. Negative dimensions are accepted here and rejected by the method with NumPy's
/// "negative dimensions are not allowed".
///
/// ```
/// use nprs_random::Size;
/// assert_eq!(Size::from(5), Size::from([5]));
/// assert_eq!(Size::from(()), Size::NONE);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Size(Option<Vec<isize>>);

impl Size {
    /// No size: NumPy's `size=None`.
    pub const NONE: Size = Size(None);

    /// The empty shape: NumPy's `size=()`, a 0-d result. Unlike [`Size::NONE`], array
    /// parameters do not broadcast into it (NumPy's "Output size () is not compatible with
    /// broadcast dimensions of inputs").
    ///
    /// ```
    /// let mut rng = nprs_random::default_rng(42);
    /// assert_eq!(rng.random(nprs_random::Size::EMPTY).unwrap().shape(), &[] as &[usize]);
    /// assert!(rng.normal([0.0, 1.0], 1.0, nprs_random::Size::EMPTY).is_err());
    /// ```
    pub const EMPTY: Size = Size(Some(Vec::new()));

    /// The requested dimensions, if any.
    #[must_use]
    pub fn dims(&self) -> Option<&[isize]> {
        self.0.as_deref()
    }

    /// The shape, or `None`; negative dimensions are an error.
    pub(crate) fn shape(&self) -> Result<Option<Vec<usize>>> {
        match &self.0 {
            None => Ok(None),
            Some(d) => {
                if d.iter().any(|&x| x < 0) {
                    return Err(nprs_core::Error::NegativeDimensions.into());
                }
                Ok(Some(d.iter().map(|&x| x as usize).collect()))
            }
        }
    }
}

impl From<()> for Size {
    fn from((): ()) -> Self {
        Size(None)
    }
}

impl<T: Into<Size>> From<Option<T>> for Size {
    fn from(s: Option<T>) -> Self {
        s.map_or(Size(None), Into::into)
    }
}

macro_rules! size_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Size {
            fn from(n: $t) -> Self {
                Size(Some(vec![n as isize]))
            }
        }
        impl<const N: usize> From<[$t; N]> for Size {
            fn from(d: [$t; N]) -> Self {
                Size(Some(d.iter().map(|&x| x as isize).collect()))
            }
        }
        impl From<&[$t]> for Size {
            fn from(d: &[$t]) -> Self {
                Size(Some(d.iter().map(|&x| x as isize).collect()))
            }
        }
        impl From<Vec<$t>> for Size {
            fn from(d: Vec<$t>) -> Self {
                Size(Some(d.iter().map(|&x| x as isize).collect()))
            }
        }
        impl From<&Vec<$t>> for Size {
            fn from(d: &Vec<$t>) -> Self {
                Size(Some(d.iter().map(|&x| x as isize).collect()))
            }
        }
    )*};
}
size_from_int!(usize, isize, i32, i64, u32, u64);

/// A distribution parameter: a scalar, or an array that broadcasts against the other
/// parameters and the output (`loc=[0, 10]`).
///
/// Converts from a number, an nprs array or view (borrowed or owned), a `Vec`, a slice or a
/// Rust array.
#[derive(Debug)]
pub enum Param<'a, T: Element> {
    /// One value for every draw.
    Scalar(T),
    /// Per-draw values, broadcast against the output.
    Array(CowArray<'a, T>),
}

macro_rules! param_scalar {
    ($t:ty => $($s:ty),*) => {$(
        impl<'a> From<$s> for Param<'a, $t> {
            fn from(x: $s) -> Self {
                Param::Scalar(x as $t)
            }
        }
    )*};
}
param_scalar!(f64 => f64, f32, i32, i64);
param_scalar!(f32 => f32);
param_scalar!(i64 => i64, i32, u32, usize);

impl<'a, T: Element, S: Data<Elem = T>> From<&'a ArrayBase<S>> for Param<'a, T> {
    fn from(a: &'a ArrayBase<S>) -> Self {
        Param::Array(a.view().into())
    }
}

impl<'a, T: Element> From<Array<T>> for Param<'a, T> {
    fn from(a: Array<T>) -> Self {
        Param::Array(a.into())
    }
}

impl<'a, T: Element> From<Vec<T>> for Param<'a, T> {
    fn from(v: Vec<T>) -> Self {
        Param::Array(Array::from_vec(v).into())
    }
}

impl<'a, T: Element> From<&'a Vec<T>> for Param<'a, T> {
    fn from(v: &'a Vec<T>) -> Self {
        Param::Array(ArrayView::from_slice(v).into())
    }
}

impl<'a, T: Element> From<&'a [T]> for Param<'a, T> {
    fn from(v: &'a [T]) -> Self {
        Param::Array(ArrayView::from_slice(v).into())
    }
}

impl<'a, T: Element, const N: usize> From<[T; N]> for Param<'a, T> {
    fn from(v: [T; N]) -> Self {
        Param::Array(Array::from_vec(v.to_vec()).into())
    }
}

impl<T: Element> Param<'_, T> {
    pub(crate) fn is_scalar(&self) -> bool {
        matches!(self, Param::Scalar(_))
    }

    pub(crate) fn shape(&self) -> &[usize] {
        match self {
            Param::Scalar(_) => &[],
            Param::Array(a) => a.shape(),
        }
    }

    /// The scalar value, or the first element (callers check `is_scalar` first).
    pub(crate) fn first(&self) -> T {
        match self {
            Param::Scalar(x) => *x,
            Param::Array(a) => a.iter().next().unwrap_or_else(|| T::default()),
        }
    }

    /// Every value (the scalar once).
    pub(crate) fn values(&self) -> Vec<T> {
        match self {
            Param::Scalar(x) => vec![*x],
            Param::Array(a) => a.to_vec(),
        }
    }

    /// The parameter viewed over `shape` (which it broadcasts to); `None` for a scalar.
    pub(crate) fn broadcast_view(&self, shape: &[usize]) -> Result<Option<ArrayView<'_, T>>> {
        Ok(match self {
            Param::Scalar(_) => None,
            Param::Array(a) => Some(a.broadcast_to(shape)?),
        })
    }
}

/// An iterator over a parameter's broadcast values.
pub(crate) enum ParamIter<'a, T: Element> {
    Scalar(T),
    Iter(Iter<'a, T>),
}

/// A parameter seen through a trait object, so parameters borrowed for different lifetimes
/// can share one array (`Param` is invariant in its lifetime).
pub(crate) trait Source<T: Element> {
    fn view_over(&self, shape: &[usize]) -> Result<Option<ArrayView<'_, T>>>;
    fn scalar(&self) -> T;
}

impl<T: Element> Source<T> for Param<'_, T> {
    fn view_over(&self, shape: &[usize]) -> Result<Option<ArrayView<'_, T>>> {
        self.broadcast_view(shape)
    }
    fn scalar(&self) -> T {
        self.first()
    }
}

impl<'a, T: Element> ParamIter<'a, T> {
    pub(crate) fn new(param: &dyn Source<T>, view: Option<&'a ArrayView<'_, T>>) -> Self {
        match view {
            None => ParamIter::Scalar(param.scalar()),
            Some(v) => ParamIter::Iter(v.iter()),
        }
    }

    #[inline]
    pub(crate) fn next_value(&mut self) -> T {
        match self {
            ParamIter::Scalar(x) => *x,
            ParamIter::Iter(it) => it.next().unwrap_or_default(),
        }
    }
}

/// Fills an array of `shape` with `f` applied, in C order, to each element's parameters
/// (each parameter broadcast to `shape`).
pub(crate) fn fill_broadcast<T: Element, O: Element, const N: usize>(
    shape: &[usize],
    params: [&dyn Source<T>; N],
    mut f: impl FnMut([T; N]) -> O,
) -> Result<Array<O>> {
    let mut views: Vec<Option<ArrayView<'_, T>>> = Vec::with_capacity(N);
    for p in params {
        views.push(p.view_over(shape)?);
    }
    let mut iters: [ParamIter<'_, T>; N] = std::array::from_fn(|i| ParamIter::new(params[i], views[i].as_ref()));
    fill(shape, || f(std::array::from_fn(|i| iters[i].next_value())))
}

/// Parameter element types, compared as float64 when validated.
pub(crate) trait ParamValue: Element {
    fn as_f64(self) -> f64;
}

impl ParamValue for f64 {
    fn as_f64(self) -> f64 {
        self
    }
}

impl ParamValue for f32 {
    fn as_f64(self) -> f64 {
        f64::from(self)
    }
}

impl ParamValue for i64 {
    fn as_f64(self) -> f64 {
        self as f64
    }
}

/// NumPy's parameter constraints (`CONS_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cons {
    None,
    NonNegative,
    Positive,
    PositiveNotNan,
    Bounded01,
    BoundedGt01,
    BoundedLt01,
    Gt1,
    Gte1,
    Poisson,
}

/// Checks one value as `check_constraint` does for scalars and `check_array_constraint`
/// does (elementwise) for arrays; `array` selects the array wording and NaN handling.
fn violates(x: f64, cons: Cons, array: bool) -> Option<Rule> {
    match cons {
        Cons::None => None,
        Cons::NonNegative => (!x.is_nan() && x.is_sign_negative()).then_some(Rule::NonNegative),
        // `val <= 0` for scalars and arrays alike: NaN passes (the sampler returns NaN).
        Cons::Positive => (x <= 0.0).then_some(Rule::Positive),
        Cons::PositiveNotNan => {
            if x.is_nan() {
                Some(Rule::NotNan)
            } else {
                (x <= 0.0).then_some(Rule::Positive)
            }
        }
        Cons::Bounded01 => (!(0.0..=1.0).contains(&x)).then_some(Rule::Bounded01),
        Cons::BoundedGt01 => (x.is_nan() || x <= 0.0 || x > 1.0).then_some(Rule::BoundedGt01),
        Cons::BoundedLt01 => (!(0.0..1.0).contains(&x)).then_some(Rule::BoundedLt01),
        Cons::Gt1 => (x.is_nan() || x <= 1.0).then_some(Rule::Gt1),
        Cons::Gte1 => (x.is_nan() || x < 1.0).then_some(Rule::Gte1),
        Cons::Poisson => {
            if array {
                None // handled in `check` (two passes, as NumPy)
            } else if x.is_nan() || x < 0.0 {
                Some(Rule::NonNegativeNotNan)
            } else if x > crate::dist::discrete::poisson_lam_max() {
                Some(Rule::TooLarge)
            } else {
                None
            }
        }
    }
}

/// Validates a parameter, scalar or array, with NumPy's message.
pub(crate) fn check(values: &[f64], name: &'static str, cons: Cons, array: bool) -> Result<()> {
    if cons == Cons::Poisson && array {
        // NumPy tests "too large" over the whole array first, then "< 0 or NaN".
        let max = crate::dist::discrete::poisson_lam_max();
        if !values.iter().all(|&x| x <= max) {
            return Err(Error::param(name, Rule::TooLarge, true));
        }
        if !values.iter().all(|&x| x >= 0.0) {
            return Err(Error::param(name, Rule::NonNegativeNotNan, true));
        }
        return Ok(());
    }
    if cons == Cons::PositiveNotNan && array && values.iter().any(|x| x.is_nan()) {
        return Err(Error::param(name, Rule::NotNan, true));
    }
    for &x in values {
        if let Some(rule) = violates(x, cons, array) {
            return Err(Error::param(name, rule, array));
        }
    }
    Ok(())
}

/// The output shape for `size` and parameters of the given shapes (NumPy's argument order:
/// the output first when a size is given).
pub(crate) fn output_shape(size: &Size, params: &[&[usize]], all_scalar: bool) -> Result<Vec<usize>> {
    let size = size.shape()?;
    match size {
        Some(s) if all_scalar => Ok(s),
        None if all_scalar => Ok(Vec::new()),
        None => Ok(nprs_core::broadcast_shapes(params)?.to_vec()),
        Some(s) => {
            let mut all: Vec<&[usize]> = vec![&s];
            all.extend_from_slice(params);
            let b = nprs_core::broadcast_shapes(&all)?.to_vec();
            if b != s {
                return Err(Error::OutputSize { size: s, broadcast: b });
            }
            Ok(s)
        }
    }
}

/// The element count of `shape`, rejecting sizes NumPy could not allocate.
pub(crate) fn checked_len<T>(shape: &[usize]) -> Result<usize> {
    Ok(nprs_core::dims::check_bytes(shape, size_of::<T>())?)
}

/// An empty vector with room for `n` elements, or NumPy's error for the array it stands
/// for (`shape` of `dtype`): "array is too big" past `isize::MAX` bytes, `MemoryError` when
/// the system refuses the allocation. Never aborts.
pub(crate) fn try_vec<T>(n: usize, shape: &[usize], dtype: &str) -> Result<Vec<T>> {
    let bytes = n.checked_mul(size_of::<T>().max(1)).filter(|&b| b <= isize::MAX as usize);
    let bytes = bytes.ok_or(nprs_core::Error::TooBig)?;
    let mut v: Vec<T> = Vec::new();
    v.try_reserve_exact(n).map_err(|_| nprs_core::Error::Alloc {
        bytes,
        shape: shape.to_vec(),
        dtype: dtype.to_string(),
    })?;
    Ok(v)
}

/// The shared path of the distribution methods of `Generator` and `RandomState`: validates
/// the parameters (NumPy's messages), works out the output shape and fills it with
/// `f(state, parameters)`, looping without per-element dispatch when every parameter is a
/// scalar.
pub(crate) fn sample_with<S: ?Sized, T: ParamValue, O: Element, const N: usize>(
    state: &mut S,
    size: &Size,
    params: [(&Param<'_, T>, &'static str, Cons); N],
    mut f: impl FnMut(&mut S, [T; N]) -> O,
) -> Result<Array<O>> {
    let all_scalar = params.iter().all(|p| p.0.is_scalar());
    for (p, name, cons) in &params {
        if *cons != Cons::None {
            let values: Vec<f64> = p.values().into_iter().map(ParamValue::as_f64).collect();
            check(&values, name, *cons, !all_scalar)?;
        }
    }
    let shapes: Vec<&[usize]> = params.iter().map(|p| p.0.shape()).collect();
    let shape = output_shape(size, &shapes, all_scalar)?;
    if all_scalar {
        let x: [T; N] = std::array::from_fn(|i| params[i].0.first());
        return fill(&shape, || f(state, x));
    }
    let ps: [&dyn Source<T>; N] = std::array::from_fn(|i| params[i].0 as &dyn Source<T>);
    fill_broadcast(&shape, ps, |x| f(state, x))
}

/// Checks scalar parameters for a `_scalar` method.
pub(crate) fn check_scalars<const N: usize>(params: [(f64, &'static str, Cons); N]) -> Result<()> {
    for (x, name, cons) in params {
        if cons != Cons::None {
            check(&[x], name, cons, false)?;
        }
    }
    Ok(())
}

/// Defines a distribution method and its `_scalar` twin, for `Generator` (state `bg`) and
/// `RandomState` (state `aug`) alike: the array method validates, broadcasts and fills
/// through the type's `sample`; the scalar one validates and draws once from
/// `self.$state`. Parameters are float64; the draws are `$out`. An optional
/// `let mut cache = init;` before the closure declares state the draws share (a sampler that
/// keeps its set-up between draws with the same parameters).
macro_rules! dist_method {
    (
        $state:ident -> $out:ty, $doc:literal, $name:ident, $scalar:ident,
        [$($p:ident: $pname:literal => $cons:ident),*],
        $(let mut $c:ident = $init:expr;)?
        |$s:ident $(, $v:ident)*| $body:expr
    ) => {
        #[doc = $doc]
        ///
        /// Parameters are scalars or arrays that broadcast with each other and with `size`.
        ///
        /// # Errors
        /// A parameter outside its domain (NumPy's message), shapes that do not broadcast,
        /// negative dimensions, a size too large to allocate.
        pub fn $name<'a>(
            &mut self,
            $($p: impl Into<$crate::generator::Param<'a, f64>>,)*
            size: impl Into<$crate::generator::Size>,
        ) -> $crate::error::Result<::nprs_core::Array<$out>> {
            $(let $p = $p.into();)*
            $(let mut $c = $init;)?
            self.sample(
                &size.into(),
                [$((&$p, $pname, $crate::generator::Cons::$cons)),*],
                |$s, [$($v),*]| $body,
            )
        }

        #[doc = concat!("One draw of [`", stringify!($name), "`](Self::", stringify!($name), ") for scalar parameters.")]
        ///
        /// # Errors
        /// A parameter outside its domain (NumPy's message).
        pub fn $scalar(&mut self $(, $p: f64)*) -> $crate::error::Result<$out> {
            $crate::generator::check_scalars([$(($p, $pname, $crate::generator::Cons::$cons)),*])?;
            let $s = &mut self.$state;
            $(let mut $c = $init;)?
            $(let $v = $p;)*
            Ok($body)
        }
    };
}
pub(crate) use dist_method;

/// The distribution methods whose sampler `Generator` and `RandomState` share (written once
/// against [`Draws`](crate::dist::Draws), so each draws its own normals and exponentials:
/// the Generator's ziggurats, RandomState's polar Gaussian and `-log(1 - U)`), expanded in
/// each type's impl with its state field.
macro_rules! shared_dist_methods {
    ($state:ident) => {
        $crate::generator::dist_method!(
            $state -> f64,
            "Normal draws (`normal(loc, scale, size)`): `loc + scale * N`.",
            normal, normal_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
            |s, l, sc| $crate::dist::continuous::normal(s, l, sc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Exponential draws (`exponential(scale, size)`): `scale * E`.",
            exponential, exponential_scalar, [scale: "scale" => NonNegative],
            |s, sc| $crate::dist::continuous::exponential(s, sc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Standard gamma draws (`standard_gamma(shape, size)`): Marsaglia–Tsang, rejection below 1.",
            standard_gamma, standard_gamma_scalar, [shape: "shape" => NonNegative],
            |s, k| $crate::dist::continuous::standard_gamma(s, k)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Gamma draws (`gamma(shape, scale, size)`): `scale * standard_gamma(shape)`.",
            gamma, gamma_scalar, [shape: "shape" => NonNegative, scale: "scale" => NonNegative],
            |s, k, sc| $crate::dist::continuous::gamma(s, k, sc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Chi-square draws (`chisquare(df, size)`): `2 * standard_gamma(df / 2)`.",
            chisquare, chisquare_scalar, [df: "df" => Positive],
            |s, df| $crate::dist::continuous::chisquare(s, df)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "F draws (`f(dfnum, dfden, size)`): a ratio of scaled chi-squares.",
            f, f_scalar, [dfnum: "dfnum" => Positive, dfden: "dfden" => Positive],
            |s, n, d| $crate::dist::continuous::f(s, n, d)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Noncentral chi-square draws (`noncentral_chisquare(df, nonc, size)`).",
            noncentral_chisquare, noncentral_chisquare_scalar, [df: "df" => Positive, nonc: "nonc" => NonNegative],
            |s, df, nonc| $crate::dist::continuous::noncentral_chisquare(s, df, nonc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Noncentral F draws (`noncentral_f(dfnum, dfden, nonc, size)`).",
            noncentral_f, noncentral_f_scalar,
            [dfnum: "dfnum" => Positive, dfden: "dfden" => Positive, nonc: "nonc" => NonNegative],
            |s, n, d, nonc| $crate::dist::continuous::noncentral_f(s, n, d, nonc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Student's t draws (`standard_t(df, size)`).",
            standard_t, standard_t_scalar, [df: "df" => Positive],
            |s, df| $crate::dist::continuous::standard_t(s, df)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Von Mises draws on `[-pi, pi]` (`vonmises(mu, kappa, size)`).",
            vonmises, vonmises_scalar, [mu: "mu" => None, kappa: "kappa" => NonNegative],
            |s, mu, kappa| $crate::dist::continuous::vonmises(s, mu, kappa)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Weibull draws (`weibull(a, size)`): `E ** (1/a)`.",
            weibull, weibull_scalar, [a: "a" => NonNegative],
            |s, a| $crate::dist::continuous::weibull(s, a)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Laplace draws (`laplace(loc, scale, size)`).",
            laplace, laplace_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
            |s, l, sc| $crate::dist::continuous::laplace(s, l, sc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Gumbel draws (`gumbel(loc, scale, size)`).",
            gumbel, gumbel_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
            |s, l, sc| $crate::dist::continuous::gumbel(s, l, sc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Logistic draws (`logistic(loc, scale, size)`).",
            logistic, logistic_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
            |s, l, sc| $crate::dist::continuous::logistic(s, l, sc)
        );
        $crate::generator::dist_method!(
            $state -> f64,
            "Log-normal draws (`lognormal(mean, sigma, size)`): `exp(mean + sigma * N)`.",
            lognormal, lognormal_scalar, [mean: "mean" => None, sigma: "sigma" => NonNegative],
            |s, m, sg| $crate::dist::continuous::lognormal(s, m, sg)
        );
        $crate::generator::dist_method!(
            $state -> i64,
            "Poisson draws (`poisson(lam, size)`).",
            poisson, poisson_scalar, [lam: "lam" => Poisson],
            let mut plan = $crate::dist::discrete::PoissonSampler::default();
            |s, lam| plan.draw($crate::dist::Draws::bits(s), lam)
        );
        $crate::generator::dist_method!(
            $state -> i64,
            "Zipf draws (`zipf(a, size)`).",
            zipf, zipf_scalar, [a: "a" => Gt1],
            |s, a| $crate::dist::discrete::zipf(s, a)
        );
    };
}
pub(crate) use shared_dist_methods;

/// An array of `shape` whose elements, in C order, are `f()` called once each.
///
/// The buffer is nprs-core's array allocation, written once: large buffers are huge-page
/// mappings from core's reuse cache, so a loop drawing a result of the same size each time
/// writes warm memory instead of faulting in and zeroing fresh pages on every call.
#[allow(unsafe_code)] // `assume_init` after writing every slot; see the SAFETY comment
pub(crate) fn fill<O: Element>(shape: &[usize], mut f: impl FnMut() -> O) -> Result<Array<O>> {
    let mut out = Array::<O>::uninit(shape)?;
    for slot in out.as_mut_slice() {
        slot.write(f());
    }
    // SAFETY: the loop above wrote every slot of the buffer, in memory order.
    Ok(unsafe { out.assume_init() })
}
