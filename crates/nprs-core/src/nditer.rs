//! `numpy.nditer` and `numpy.nested_iters`: several operands broadcast together and
//! visited in one order, with NumPy's `order=` ('C', 'F', 'A', 'K'), `op_flags`
//! (read-only, read-write, write-only, allocated outputs), `multi_index` and
//! `external_loop`.
//!
//! The visiting order is NumPy's: `order='K'` (the default) orders the axes by the
//! operands' strides with the engine's axis ordering (the one every elementwise operation
//! walks by), turns axes that every operand walks backwards around, and without a
//! multi-index merges axes that step through memory as one, so `external_loop` hands out
//! the longest inner runs NumPy hands out. Allocated outputs have the broadcast shape, the
//! given dtype or the inputs' `result_type`, and memory laid out in the iteration order.
//!
//! Python's `for x, y in it:` becomes a cursor loop, as NumPy's C API and
//! `it.iternext()` walk: [`NdIter::finished`], [`NdIter::iternext`], and per operand
//! [`NdIter::value`]/[`NdIter::set_value`] (element mode) or [`NdIter::chunk`]/
//! [`NdIter::chunk_mut`] (`external_loop`: the inner 1-d run), or the dynamic
//! [`NdIter::view`]/[`NdIter::view_mut`] (a 0-d or 1-d view, as NumPy yields). Buffering
//! and casting (`buffered`, `op_dtypes` for existing operands) are not provided: cast the
//! operand first (`astype`).
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{DynArray, nditer::{NdOperand, nditer}};
//! // it = np.nditer([a, b, None]); for x, y, z in it: z[...] = x * y
//! let a = DynArray::from(array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
//! let b = DynArray::from(array![10.0, 100.0, 1000.0]);
//! let mut it = nditer(vec![(&a).into(), (&b).into(), NdOperand::Allocate(None)]).build()?;
//! while !it.finished() {
//!     let (x, y) = (it.value::<f64>(0)?, it.value::<f64>(1)?);
//!     it.set_value(2, x * y)?;
//!     it.iternext();
//! }
//! let z = it.into_allocated().remove(0);
//! assert_eq!(z.to_typed::<f64>()?.to_vec(), vec![10.0, 200.0, 3000.0, 40.0, 500.0, 6000.0]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

#![allow(unsafe_code)] // the cursor keeps raw operand pointers; each block says why it holds

use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{ArrayView, ArrayViewMut};
use crate::dims::broadcast_shapes;
use crate::dtype::{Descr, Element};
use crate::dynarray::{DynArray, DynView, DynViewMut, ResultOrder};
use crate::engine::{coalesce_axes, order_axes};
use crate::error::{Error, Result};
use crate::promote::{TypeArg, result_type};

/// One operand of [`nditer`] with its `op_flags`.
#[derive(Debug)]
pub enum NdOperand<'a> {
    /// `['readonly']`.
    ReadOnly(DynView<'a>),
    /// `['readwrite']`.
    ReadWrite(DynViewMut<'a>),
    /// `['writeonly']`.
    WriteOnly(DynViewMut<'a>),
    /// `None` with `['writeonly', 'allocate']`: a new array of the broadcast shape, of
    /// this dtype (`op_dtypes`) or the other operands' `result_type`.
    Allocate(Option<Descr>),
}

impl<'a> From<DynView<'a>> for NdOperand<'a> {
    fn from(v: DynView<'a>) -> Self {
        NdOperand::ReadOnly(v)
    }
}

impl<'a> From<&'a DynArray> for NdOperand<'a> {
    fn from(a: &'a DynArray) -> Self {
        NdOperand::ReadOnly(a.view())
    }
}

impl<'a> From<DynViewMut<'a>> for NdOperand<'a> {
    /// `['readwrite']`.
    fn from(v: DynViewMut<'a>) -> Self {
        NdOperand::ReadWrite(v)
    }
}

/// How [`nditer`] iterates: NumPy's `flags` and `order`; made by [`nditer`], finished
/// by [`NdIterBuilder::build`].
#[derive(Debug)]
pub struct NdIterBuilder<'a> {
    ops: Vec<NdOperand<'a>>,
    order: ResultOrder,
    multi_index: bool,
    external_loop: bool,
    zerosize_ok: bool,
}

/// `numpy.nditer(ops)`: the operands broadcast together; set the options on the builder
/// and [`build`](NdIterBuilder::build) the iterator.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{DynArray, nditer::nditer};
/// // [x for x in np.nditer(a.T)]: order 'K' visits memory order
/// let a = DynArray::from(Array::<i64>::arange(6).into_shape(&[2, 3])?);
/// let mut it = nditer(vec![a.t().into()]).build()?;
/// let mut seen = vec![];
/// while !it.finished() {
///     seen.push(it.value::<i64>(0)?);
///     it.iternext();
/// }
/// assert_eq!(seen, vec![0, 1, 2, 3, 4, 5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
#[doc(alias = "numpy.nditer")]
pub fn nditer(ops: Vec<NdOperand<'_>>) -> NdIterBuilder<'_> {
    NdIterBuilder { ops, order: ResultOrder::K, multi_index: false, external_loop: false, zerosize_ok: false }
}

impl<'a> NdIterBuilder<'a> {
    /// `order=`: 'K' (the default) follows memory, 'C'/'F' force an index order, 'A' is 'F'
    /// when every operand is Fortran-contiguous and not C-contiguous.
    #[must_use]
    pub fn order(mut self, order: ResultOrder) -> Self {
        self.order = order;
        self
    }

    /// `flags=['multi_index']`: track [`NdIter::multi_index`] (axes are then not merged).
    #[must_use]
    pub fn multi_index(mut self) -> Self {
        self.multi_index = true;
        self
    }

    /// `flags=['external_loop']`: each step hands out the whole inner run
    /// ([`NdIter::chunk`]).
    #[must_use]
    pub fn external_loop(mut self) -> Self {
        self.external_loop = true;
        self
    }

    /// `flags=['zerosize_ok']`: allow operands with no elements (the iterator starts
    /// finished).
    #[must_use]
    pub fn zerosize_ok(mut self) -> Self {
        self.zerosize_ok = true;
        self
    }

    /// The iterator, positioned on the first element.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// // np.nditer(a[:, ::2], flags=['external_loop']) yields [0, 2], [3, 5]
    /// let a = DynArray::from(Array::<i64>::arange(6).into_shape(&[2, 3])?);
    /// let mut it = nditer(vec![a.slice(s![.., ..;2]).into()]).external_loop().build()?;
    /// assert_eq!(it.chunk::<i64>(0)?.to_vec(), vec![0, 2]);
    /// assert!(it.iternext());
    /// assert_eq!(it.chunk::<i64>(0)?.to_vec(), vec![3, 5]);
    /// assert!(!it.iternext());
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's: `multi_index` with `external_loop`, operands that do not broadcast, zero-size
    /// operands without [`zerosize_ok`](Self::zerosize_ok), an allocated operand with no
    /// dtype to take, sizes that cannot be allocated.
    pub fn build(self) -> Result<NdIter<'a>> {
        if self.multi_index && self.external_loop {
            return Err(Error::NdIterExternalLoopIndex);
        }
        let mut slots: Vec<Slot<'a>> = Vec::with_capacity(self.ops.len());
        let mut pending: Vec<(usize, Option<Descr>)> = Vec::new();
        for (k, op) in self.ops.into_iter().enumerate() {
            slots.push(match op {
                NdOperand::ReadOnly(v) => Slot::Read(v),
                NdOperand::ReadWrite(v) => Slot::Write(v),
                NdOperand::WriteOnly(v) => Slot::Write(v),
                NdOperand::Allocate(d) => {
                    pending.push((k, d));
                    Slot::Pending
                }
            });
        }
        let given: Vec<(&[usize], &[isize])> = slots.iter().filter_map(Slot::layout).collect();
        let shapes: Vec<&[usize]> = given.iter().map(|g| g.0).collect();
        let shape: Vec<usize> = broadcast_shapes(&shapes)
            .map_err(|_| Error::Broadcast { shapes: shapes.iter().map(|s| s.to_vec()).collect() })?
            .to_vec();
        for s in &slots {
            if let Slot::Write(v) = s {
                // Axes the written operand lacks or has of length one where the broadcast
                // shape is longer, innermost first as NumPy reports them.
                let off = shape.len() - v.ndim();
                for ax in (0..shape.len()).rev() {
                    let own = if ax < off { 1 } else { v.shape()[ax - off] };
                    if own != shape[ax] {
                        return Err(Error::NdIterOutputReduction { dim: shape.len() - 1 - ax });
                    }
                }
            }
        }
        let size: usize = shape.iter().product();
        if size == 0 && !self.zerosize_ok {
            return Err(Error::NdIterZeroSize);
        }
        let nd = shape.len();
        let nop = slots.len();
        // Per axis (outermost first): its original number, whether it is walked backwards,
        // and every operand's byte stride (zero where broadcast or of length one).
        let mut axes: Vec<Axis> = (0..nd)
            .map(|ax| Axis {
                orig: ax,
                len: shape[ax],
                flipped: false,
                strides: slots.iter().map(|s| s.stride(ax, &shape)).collect(),
            })
            .collect();
        let order = match self.order {
            ResultOrder::A => {
                let f = !given.is_empty() && slots.iter().filter_map(Slot::view_flags).all(|(c, f)| f && !c);
                if f { ResultOrder::F } else { ResultOrder::C }
            }
            o => o,
        };
        match order {
            ResultOrder::F => axes.reverse(),
            ResultOrder::K => order_axes(&mut axes, |a| &a.strides[..]),
            _ => {}
        }
        // Allocated operands: contiguous in the iteration order, dtype given or promoted.
        let mut allocated_at: Vec<usize> = Vec::new();
        for (k, d) in pending {
            let descr = match d {
                Some(d) => d,
                None => {
                    let types: Vec<TypeArg> =
                        slots.iter().filter_map(Slot::dtype).map(|d| TypeArg::DType(d.clone())).collect();
                    result_type(&types)?
                }
            };
            let iter_shape: Vec<usize> = axes.iter().map(|a| a.len).collect();
            let mut arr = DynArray::zeros(&iter_shape, &descr)?;
            let mut strides: SmallVec<[isize; 6]> = SmallVec::from_elem(0, nd);
            for (i, a) in axes.iter().enumerate() {
                strides[a.orig] = arr.strides()[i];
            }
            arr.layout.shape = shape.iter().copied().collect();
            arr.layout.strides = strides;
            for a in &mut axes {
                a.strides[k] = if a.len == 1 { 0 } else { arr.strides()[a.orig] };
            }
            slots[k] = Slot::Owned(arr);
            allocated_at.push(k);
        }
        let mut base: Vec<*mut u8> = slots.iter_mut().map(Slot::ptr).collect();
        if order == ResultOrder::K {
            // Axes that every given operand walks backwards are walked forwards in memory
            // (NumPy's `npyiter_flip_negative_strides`); allocated outputs follow.
            for a in &mut axes {
                let given_strides = (0..nop).filter(|k| !allocated_at.contains(k)).map(|k| a.strides[k]);
                let (mut neg, mut pos) = (false, false);
                for s in given_strides {
                    neg |= s < 0;
                    pos |= s > 0;
                }
                if neg && !pos {
                    a.flipped = true;
                    for (b, s) in base.iter_mut().zip(a.strides.iter_mut()) {
                        // Start at the axis' last element (an address computation only:
                        // a zero-size iterator never reads).
                        *b = b.wrapping_offset((a.len.cast_signed() - 1) * *s);
                        *s = -*s;
                    }
                }
            }
        }
        axes.retain(|a| a.len != 1);
        if !self.multi_index {
            axes = coalesce_axes(
                axes,
                |a| (a.len, &a.strides[..]),
                |outer, inner| {
                    outer.len *= inner.len;
                    outer.strides = inner.strides;
                },
            );
        }
        let descrs = slots.iter().filter_map(Slot::dtype).cloned().collect();
        let n_axes = axes.len();
        Ok(NdIter {
            slots,
            descrs,
            base: base.clone(),
            cur: base,
            shape,
            axes,
            idx: SmallVec::from_elem(0, n_axes),
            iterindex: 0,
            itersize: size,
            external: self.external_loop,
            multi: self.multi_index,
        })
    }
}

/// One iteration axis.
#[derive(Clone, Debug)]
struct Axis {
    orig: usize,
    len: usize,
    flipped: bool,
    strides: SmallVec<[isize; 4]>,
}

/// An operand as the iterator holds it.
#[derive(Debug)]
enum Slot<'a> {
    Read(DynView<'a>),
    Write(DynViewMut<'a>),
    Owned(DynArray),
    Pending,
}

impl Slot<'_> {
    fn layout(&self) -> Option<(&[usize], &[isize])> {
        match self {
            Slot::Read(v) => Some((v.shape(), v.strides())),
            Slot::Write(v) => Some((v.shape(), v.strides())),
            Slot::Owned(a) => Some((a.shape(), a.strides())),
            Slot::Pending => None,
        }
    }

    fn view_flags(&self) -> Option<(bool, bool)> {
        match self {
            Slot::Read(v) => Some((v.is_c_contiguous(), v.is_f_contiguous())),
            Slot::Write(v) => Some((v.is_c_contiguous(), v.is_f_contiguous())),
            _ => None,
        }
    }

    fn dtype(&self) -> Option<&Descr> {
        match self {
            Slot::Read(v) => Some(v.dtype()),
            Slot::Write(v) => Some(v.dtype()),
            Slot::Owned(a) => Some(a.dtype()),
            Slot::Pending => None,
        }
    }

    /// The operand's byte stride along broadcast axis `ax` (zero where it is stretched or
    /// the axis has length one).
    fn stride(&self, ax: usize, shape: &[usize]) -> isize {
        let Some((s, st)) = self.layout() else { return 0 };
        let nd = shape.len();
        if ax + s.len() < nd || shape[ax] == 1 {
            return 0;
        }
        let i = ax + s.len() - nd;
        if s[i] == 1 { 0 } else { st[i] }
    }

    fn ptr(&mut self) -> *mut u8 {
        match self {
            Slot::Read(v) => v.layout.ptr.as_ptr(),
            Slot::Write(v) => v.layout.ptr.as_ptr(),
            Slot::Owned(a) => a.layout.ptr.as_ptr(),
            Slot::Pending => std::ptr::null_mut(),
        }
    }
}

/// The iterator of [`nditer`]: a cursor over the broadcast elements (or inner runs with
/// `external_loop`) of every operand.
#[derive(Debug)]
pub struct NdIter<'a> {
    slots: Vec<Slot<'a>>,
    descrs: Vec<Descr>,
    base: Vec<*mut u8>,
    cur: Vec<*mut u8>,
    shape: Vec<usize>,
    axes: Vec<Axis>,
    idx: SmallVec<[usize; 6]>,
    iterindex: usize,
    itersize: usize,
    external: bool,
    multi: bool,
}

impl<'a> NdIter<'a> {
    /// The broadcast shape (`it.shape` of a multi-index iterator).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// let (a, b) = (DynArray::from(array![1, 2, 3]), DynArray::from(array![[1], [2]]));
    /// assert_eq!(nditer(vec![(&a).into(), (&b).into()]).build()?.shape(), &[2, 3]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The number of operands (`it.nop`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// let a = DynArray::from(array![[1i32, 2], [3, 4]]);
    /// let it = nditer(vec![(&a).into(), a.t().into()]).build()?;
    /// assert_eq!((it.nop(), it.itersize(), it.dtypes()[1].str()), (2, 4, "<i4".to_string()));
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn nop(&self) -> usize {
        self.slots.len()
    }

    /// The operands' dtypes (`it.dtypes`).
    pub fn dtypes(&self) -> &[Descr] {
        &self.descrs
    }

    /// The number of elements visited (`it.itersize`).
    pub fn itersize(&self) -> usize {
        self.itersize
    }

    /// The position in iteration order (`it.iterindex`); with `external_loop`, of the
    /// chunk's first element.
    pub fn iterindex(&self) -> usize {
        self.iterindex
    }

    /// True after the last element (`it.finished`).
    pub fn finished(&self) -> bool {
        self.iterindex >= self.itersize
    }

    /// The iteration axes left after merging, innermost last (`it.ndim`).
    pub fn ndim(&self) -> usize {
        self.axes.len()
    }

    /// The length of the current inner run: 1 in element mode.
    fn run_len(&self) -> usize {
        if self.external { self.axes.last().map_or(1, |a| a.len) } else { 1 }
    }

    /// Moves to the next element (or inner run); false once finished (`it.iternext()`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// let a = DynArray::from(array![5i64, 6, 7]);
    /// let mut it = nditer(vec![(&a).into()]).build()?;
    /// assert!(it.iternext() && it.iternext());
    /// assert_eq!((it.iterindex(), it.value::<i64>(0)?), (2, 7));
    /// assert!(!it.iternext() && it.finished());
    /// it.reset();
    /// assert_eq!(it.value::<i64>(0)?, 5);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn iternext(&mut self) -> bool {
        if self.finished() {
            return false;
        }
        self.iterindex += self.run_len();
        if self.finished() {
            return false;
        }
        let outer = if self.external { self.axes.len().saturating_sub(1) } else { self.axes.len() };
        for ax in (0..outer).rev() {
            let a = &self.axes[ax];
            if self.idx[ax] + 1 < a.len {
                self.idx[ax] += 1;
                for (p, &s) in self.cur.iter_mut().zip(&a.strides) {
                    *p = p.wrapping_offset(s);
                }
                return true;
            }
            for (p, &s) in self.cur.iter_mut().zip(&a.strides) {
                *p = p.wrapping_offset(-(self.idx[ax] as isize) * s);
            }
            self.idx[ax] = 0;
        }
        true
    }

    /// Back to the first element (`it.reset()`).
    pub fn reset(&mut self) {
        self.cur.clone_from(&self.base);
        self.idx.iter_mut().for_each(|i| *i = 0);
        self.iterindex = 0;
    }

    /// The current element's index in the broadcast shape (`it.multi_index`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// let a = DynArray::from(array![[0, 1, 2], [3, 4, 5]]);
    /// let mut it = nditer(vec![a.t().into()]).multi_index().build()?;
    /// it.iternext();
    /// assert_eq!(it.multi_index()?, vec![1, 0]); // np.nditer(a.T, flags=['multi_index'])
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's "Iterator is not tracking a multi-index", and "Iterator is past the end"
    /// once finished.
    pub fn multi_index(&self) -> Result<Vec<usize>> {
        if !self.multi {
            return Err(Error::NdIterNoMultiIndex);
        }
        if self.finished() {
            return Err(Error::NdIterPastEnd);
        }
        let mut out = vec![0; self.shape.len()];
        for (a, &i) in self.axes.iter().zip(&self.idx) {
            out[a.orig] = if a.flipped { a.len - 1 - i } else { i };
        }
        Ok(out)
    }

    /// Checks operand `op` and that the cursor is on an element.
    fn check(&self, op: usize) -> Result<()> {
        if op >= self.slots.len() {
            return Err(Error::IndexOutOfBounds { index: op.cast_signed(), axis: 0, size: self.slots.len() });
        }
        if self.finished() {
            return Err(Error::NdIterPastEnd);
        }
        Ok(())
    }

    /// The current element (a 0-d view) or, with `external_loop`, the inner run (1-d) of
    /// operand `op`: what NumPy's iterator yields.
    ///
    /// # Errors
    /// An operand number out of range; a finished iterator.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// let a = DynArray::from(array![[1.5, 2.5]]);
    /// let it = nditer(vec![(&a).into()]).build()?;
    /// assert_eq!(it.view(0)?.ndim(), 0); // NumPy yields 0-d arrays
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn view(&self, op: usize) -> Result<DynView<'_>> {
        self.check(op)?;
        let (shape, strides) = self.run_layout(op);
        let ptr = NonNull::new(self.cur[op]).ok_or(Error::NdIterPastEnd)?;
        // SAFETY: the cursor addresses `run_len` elements of the operand with the inner
        // stride (the broadcast plan of a valid operand); the view borrows the iterator, so
        // no writable view of the same operand exists meanwhile.
        Ok(unsafe { DynView::from_raw_parts(ptr, &shape, &strides, &self.descrs[op]) })
    }

    /// As [`view`](Self::view), writable.
    ///
    /// # Errors
    /// As [`view`](Self::view); a read-only operand (NumPy's "assignment destination is
    /// read-only").
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// use nprs_core::nditer::NdOperand;
    /// let mut a = DynArray::from(array![1.0, 2.0]);
    /// let mut it = nditer(vec![NdOperand::WriteOnly(a.view_mut())]).external_loop().build()?;
    /// it.view_mut(0)?.fill(0.5)?;
    /// drop(it);
    /// assert_eq!(a.to_typed::<f64>()?.to_vec(), vec![0.5, 0.5]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn view_mut(&mut self, op: usize) -> Result<DynViewMut<'_>> {
        self.check(op)?;
        if matches!(self.slots[op], Slot::Read(_)) {
            return Err(Error::ReadOnlyDestination);
        }
        let (shape, strides) = self.run_layout(op);
        let ptr = NonNull::new(self.cur[op]).ok_or(Error::NdIterPastEnd)?;
        // SAFETY: as in `view`; the operand is writable (a mutable view or an allocated
        // array the iterator owns), has the full broadcast shape (checked when built, so
        // no two positions of the run alias) and is borrowed uniquely through `&mut self`.
        Ok(unsafe { DynViewMut::from_raw_parts(ptr, &shape, &strides, &self.descrs[op]) })
    }

    fn run_layout(&self, op: usize) -> (SmallVec<[usize; 1]>, SmallVec<[isize; 1]>) {
        if self.external {
            let (len, s) = self.axes.last().map_or((1, 0), |a| (a.len, a.strides[op]));
            (SmallVec::from_elem(len, 1), SmallVec::from_elem(s, 1))
        } else {
            (SmallVec::new(), SmallVec::new())
        }
    }

    /// The current element of operand `op` as a `T` (element mode; the first element of
    /// the run with `external_loop`).
    ///
    /// # Errors
    /// As [`view`](Self::view); a dtype other than `T`'s.
    pub fn value<T: Element>(&self, op: usize) -> Result<T> {
        let v = self.view(op)?;
        v.layout.check_typed::<T>()?;
        // SAFETY: the dtype is `T` in native order and the element is aligned for it
        // (checked), and it is one of the operand's elements.
        Ok(unsafe { v.layout.ptr.cast::<T>().as_ptr().read() })
    }

    /// Writes `x` to the current element of operand `op` (`z[...] = x`).
    ///
    /// # Errors
    /// As [`view_mut`](Self::view_mut); a dtype other than `T`'s.
    pub fn set_value<T: Element>(&mut self, op: usize, x: T) -> Result<()> {
        let v = self.view_mut(op)?;
        v.layout.check_typed::<T>()?;
        // SAFETY: as in `value`, through a writable view.
        unsafe { v.layout.ptr.cast::<T>().as_ptr().write(x) };
        Ok(())
    }

    /// The inner run of operand `op` as a typed 1-d view (`external_loop`; a single element
    /// otherwise).
    ///
    /// # Errors
    /// As [`value`](Self::value).
    pub fn chunk<T: Element>(&self, op: usize) -> Result<ArrayView<'_, T>> {
        let v = self.view(op)?;
        v.layout.check_typed::<T>()?;
        let (shape, strides) = (v.layout.shape.clone(), v.layout.strides.clone());
        let l = v.layout.at_offset(0, shape, strides);
        // SAFETY: checked to be `T`'s dtype, aligned, with strides that are multiples of
        // its size; the view borrows the iterator.
        Ok(unsafe { ArrayView::from_layout(l.into_typed_unchecked()) })
    }

    /// As [`chunk`](Self::chunk), writable.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::{NdOperand, nditer}};
    /// let mut a = DynArray::from(Array::<f64>::arange(6).into_shape(&[3, 2])?);
    /// let mut it = nditer(vec![NdOperand::ReadWrite(a.view_mut())]).external_loop().build()?;
    /// while !it.finished() {
    ///     it.chunk_mut::<f64>(0)?.iter_mut().for_each(|x| *x *= 2.0);
    ///     it.iternext();
    /// }
    /// drop(it);
    /// assert_eq!(a.to_typed::<f64>()?.to_vec(), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`view_mut`](Self::view_mut) and [`value`](Self::value).
    pub fn chunk_mut<T: Element>(&mut self, op: usize) -> Result<ArrayViewMut<'_, T>> {
        let v = self.view_mut(op)?;
        v.layout.check_typed::<T>()?;
        let (shape, strides) = (v.layout.shape.clone(), v.layout.strides.clone());
        let l = v.layout.at_offset(0, shape, strides);
        // SAFETY: as in `chunk`; writable and borrowed uniquely through `&mut self`.
        Ok(unsafe { ArrayViewMut::from_layout(l.into_typed_unchecked()) })
    }

    /// The allocated operands, in operand order (`it.operands[k]` of the `None`s).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, nditer::nditer};
    /// use nprs_core::{Descr, nditer::NdOperand};
    /// let a = DynArray::from(array![1i64, 2]);
    /// let mut it = nditer(vec![(&a).into(), NdOperand::Allocate(Some(Descr::parse("f4")?))]).build()?;
    /// while !it.finished() {
    ///     let x = it.value::<i64>(0)?;
    ///     it.set_value(1, x as f32 / 4.0)?;
    ///     it.iternext();
    /// }
    /// assert_eq!(it.into_allocated()[0].to_typed::<f32>()?.to_vec(), vec![0.25, 0.5]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn into_allocated(self) -> Vec<DynArray> {
        self.slots
            .into_iter()
            .filter_map(|s| match s {
                Slot::Owned(a) => Some(a),
                _ => None,
            })
            .collect()
    }
}

/// `numpy.nested_iters(ops, axes)` for read-only operands: the broadcast axes split into
/// groups, one iterator per group, each nested in the one before ([`NestedIters::level`]).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{DynArray, dynarray::ResultOrder, nditer::nested_iters};
/// // i, j = np.nested_iters(a, [[1], [0, 2]]); [[int(y) for y in j] for x in i]
/// let a = DynArray::from(Array::<i64>::arange(24).into_shape(&[2, 3, 4])?);
/// let nest = nested_iters(vec![a.view()], &[&[1], &[0, 2]], ResultOrder::K)?;
/// let mut i = nest.level(0, &[])?;
/// let mut rows = vec![];
/// while !i.finished() {
///     let mut j = nest.level(1, &i.multi_index()?)?;
///     let mut row = vec![];
///     while !j.finished() {
///         row.push(j.value::<i64>(0)?);
///         j.iternext();
///     }
///     rows.push(row);
///     i.iternext();
/// }
/// assert_eq!(rows[1], vec![4, 5, 6, 7, 16, 17, 18, 19]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Operands that do not broadcast; an axis out of range, used twice (NumPy's "An axis is
/// used more than once") or in no group.
#[doc(alias = "numpy.nested_iters")]
pub fn nested_iters<'a>(ops: Vec<DynView<'a>>, axes: &[&[usize]], order: ResultOrder) -> Result<NestedIters<'a>> {
    let shapes: Vec<&[usize]> = ops.iter().map(|v| v.shape()).collect();
    let shape = broadcast_shapes(&shapes)
        .map_err(|_| Error::Broadcast { shapes: shapes.iter().map(|s| s.to_vec()).collect() })?;
    let nd = shape.len();
    let mut seen = vec![false; nd];
    for &ax in axes.iter().flat_map(|g| g.iter()) {
        if ax >= nd {
            return Err(Error::AxisOutOfBounds { axis: ax.cast_signed(), ndim: nd });
        }
        if std::mem::replace(&mut seen[ax], true) {
            return Err(Error::NestedAxisTwice);
        }
    }
    if let Some(ax) = seen.iter().position(|&s| !s) {
        return Err(Error::NestedAxisMissing { axis: ax });
    }
    let perm: Vec<isize> = axes.iter().flat_map(|g| g.iter().map(|&a| a.cast_signed())).collect();
    let ops = ops
        .into_iter()
        .map(|v| {
            let b = v.broadcast_to(&shape[..])?;
            let (ptr, sh, st, d) = (b.layout.ptr, b.layout.shape.clone(), b.layout.strides.clone(), b.dtype().clone());
            let p = crate::shape::axes::permuted(&sh, &st, &perm)?;
            // SAFETY: a permutation of the axes of a broadcast view of `v`, whose elements
            // stay valid and unwritten for `'a`.
            Ok(unsafe { DynView::from_raw_parts(ptr, &p.0, &p.1, &d) })
        })
        .collect::<Result<Vec<DynView<'a>>>>()?;
    Ok(NestedIters { ops, groups: axes.iter().map(|g| g.len()).collect(), order })
}

/// The iterators of [`nested_iters`]: [`level`](Self::level) makes the iterator of one
/// group at the position of the groups before it.
#[derive(Debug)]
pub struct NestedIters<'a> {
    ops: Vec<DynView<'a>>,
    groups: Vec<usize>,
    order: ResultOrder,
}

impl NestedIters<'_> {
    /// The number of groups (NumPy's tuple length).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, dynarray::ResultOrder, nditer::nested_iters};
    /// let a = DynArray::from(array![[1, 2, 3], [4, 5, 6]]);
    /// let nest = nested_iters(vec![a.view()], &[&[0], &[1]], ResultOrder::K)?;
    /// assert_eq!(nest.levels(), 2);
    /// assert_eq!(nest.level(1, &[1])?.itersize(), 3);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn levels(&self) -> usize {
        self.groups.len()
    }

    /// The iterator of group `k` (tracking its multi-index, over the group's axes in the
    /// order given), at `outer`: the multi-indices of groups `0..k` joined.
    ///
    /// # Errors
    /// A level out of range, `outer` of the wrong length or out of bounds.
    pub fn level(&self, k: usize, outer: &[usize]) -> Result<NdIter<'_>> {
        if k >= self.groups.len() {
            return Err(Error::IndexOutOfBounds { index: k.cast_signed(), axis: 0, size: self.groups.len() });
        }
        let before: usize = self.groups[..k].iter().sum();
        if outer.len() != before {
            return Err(Error::NestedOuterIndex { expected: before, got: outer.len() });
        }
        let after: usize = self.groups[k + 1..].iter().sum();
        let mut args: Vec<crate::slice::SliceArg> =
            outer.iter().map(|&i| crate::slice::SliceArg::Index(i.cast_signed())).collect();
        args.extend(std::iter::repeat_n(
            crate::slice::SliceArg::Slice { start: None, stop: None, step: 1 },
            self.groups[k],
        ));
        args.extend(std::iter::repeat_n(crate::slice::SliceArg::Index(0), after));
        let views = self.ops.iter().map(|v| v.try_slice(&args).map(NdOperand::ReadOnly)).collect::<Result<Vec<_>>>()?;
        nditer(views).order(self.order).multi_index().zerosize_ok().build()
    }
}
