//! From an index list to a selection: NumPy's index preparation, in NumPy's order of checks
//! (one ellipsis; not too many indices; mask shapes; integers and slices; broadcasting of
//! the index arrays; bounds of the index arrays).

use crate::array::{ArrayView, ArrayViewMut, CowArray};
use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::slice::{SliceArg, slice_axis};

use super::kernels::{self, Walk};
use super::take::ClipMode;
use super::{Idx, IndexArg, IndexArray, KIdx};

/// How the positions of the advanced block map to element offsets.
pub(crate) enum Middle<'x> {
    /// Element offsets for each position of the broadcast block (a C-contiguous array of
    /// the block's shape).
    Offsets(crate::array::Array<i64>),
    /// One C-contiguous index array along an axis of length `len` and element stride
    /// `stride`; indices are read in `mode` (already validated for [`ClipMode::Raise`]).
    Index {
        /// The indices.
        idx: KIdx<'x>,
        /// Element stride of the indexed axis.
        stride: isize,
        /// Length of the indexed axis.
        len: usize,
        /// How out-of-range indices are treated.
        mode: ClipMode,
    },
}

/// A fancy selection: result shape `pre ++ mid ++ post`.
pub(crate) struct Selection<'x> {
    /// Element offset added to every source position.
    pub(crate) base: isize,
    /// Sliced axes placed before the advanced block: (lengths, element strides).
    pub(crate) pre: (Shape, Strides),
    /// Broadcast shape of the advanced indices.
    pub(crate) mid_shape: Shape,
    /// Offsets of the advanced block.
    pub(crate) middle: Middle<'x>,
    /// Sliced axes after the advanced block.
    pub(crate) post: (Shape, Strides),
}

impl Selection<'_> {
    /// The shape of `a[index]`.
    pub(crate) fn result_shape(&self) -> Shape {
        let mut s = self.pre.0.clone();
        s.extend_from_slice(&self.mid_shape);
        s.extend_from_slice(&self.post.0);
        s
    }
}

/// What an index list turns into.
pub(crate) enum Plan<'x, 'a> {
    /// Only integers, slices, new axes and ellipses: a view.
    Basic(Vec<SliceArg>),
    /// A single boolean mask with at least one dimension (covering the leading axes).
    Mask(&'x CowArray<'a, bool>),
    /// Everything else.
    Sel(Box<Selection<'x>>),
}

impl<'v> KIdx<'v> {
    /// The same indices in C-contiguous memory (copied only when needed).
    ///
    /// # Errors
    /// NumPy's MemoryError when the copy cannot be allocated.
    pub(crate) fn into_contiguous(self) -> Result<KIdx<'v>> {
        fn c<'v, T: Element>(a: CowArray<'v, T>) -> Result<CowArray<'v, T>> {
            if a.is_c_contiguous() { Ok(a) } else { Ok(crate::copy::try_copy_to_order(&a.view(), Order::C)?.into()) }
        }
        Ok(match self {
            KIdx::I64(a) => KIdx::I64(c(a)?),
            KIdx::I32(a) => KIdx::I32(c(a)?),
        })
    }

    pub(crate) fn shape(&self) -> &[usize] {
        match self {
            KIdx::I64(a) => a.shape(),
            KIdx::I32(a) => a.shape(),
        }
    }

    /// Checks the indices against an axis of length `len`.
    pub(crate) fn check_bounds(&self, len: usize, axis: usize) -> Result<()> {
        match self {
            KIdx::I64(a) => kernels::check_bounds(&a.view(), len, axis),
            KIdx::I32(a) => kernels::check_bounds(&a.view(), len, axis),
        }
    }
}

/// Checks that a mask over axes `axis..` matches the array's lengths there.
pub(crate) fn check_mask_shape(mask: &[usize], shape: &[usize], axis: usize) -> Result<()> {
    for (d, &m) in mask.iter().enumerate() {
        let size = shape[axis + d];
        if m != size {
            return Err(Error::MaskMismatch { axis: axis + d, size, mask_size: m });
        }
    }
    Ok(())
}

/// The offsets (with `strides` over the mask's axes) of the mask's `true` positions, in
/// C order.
pub(crate) fn mask_offsets(mask: &ArrayView<'_, bool>, strides: &[isize]) -> Vec<i64> {
    let walk = Walk::new(mask.shape(), strides);
    if let Some(m) = mask.as_slice() {
        let mut out = Vec::with_capacity(kernels::count_true(m));
        out.extend(m.iter().zip(walk).filter(|(b, _)| **b).map(|(_, o)| o as i64));
        return out;
    }
    mask.iter().zip(walk).filter(|(b, _)| *b).map(|(_, o)| o as i64).collect()
}

/// Adds `normalise(idx) * stride` (broadcast over `offs`' shape) to every offset.
fn add_index_offsets<I: Idx>(offs: &mut ArrayViewMut<'_, i64>, idx: &ArrayView<'_, I>, len: usize, stride: isize) {
    let b = idx.broadcast_to(offs.shape()).expect("index arrays were broadcast-checked");
    let n = len as isize;
    crate::zip::zip_mut_with(offs, &b, move |o, i| *o += (kernels::wrap_negative(i.isz(), n) * stride) as i64);
}

enum Adv<'x, 'a> {
    Int { value: isize, axis: usize },
    Arr { idx: &'x IndexArray<'a>, axis: usize },
    Mask { mask: &'x CowArray<'a, bool>, axis: usize, count: usize },
    ZeroD { n: usize },
}

enum Item<'x, 'a> {
    Adv(Adv<'x, 'a>),
    Slice {
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
        axis: usize,
    },
    NewAxis,
    /// Axes `axis..axis + n` kept whole (an ellipsis or the unindexed trailing axes).
    Full {
        axis: usize,
        n: usize,
    },
}

/// Plans `a[args]` for an array of `shape`/`strides` (in elements).
pub(crate) fn plan<'x, 'a>(shape: &[usize], strides: &[isize], args: &'x [IndexArg<'a>]) -> Result<Plan<'x, 'a>> {
    let nd = shape.len();
    let mut consumed = 0usize;
    let mut ellipsis = false;
    let mut advanced = false;
    for a in args {
        match a {
            IndexArg::Int(_) | IndexArg::Slice { .. } => consumed += 1,
            IndexArg::Array(x) => {
                consumed += 1;
                advanced |= x.ndim() > 0;
            }
            IndexArg::Mask(m) => {
                consumed += m.ndim();
                advanced = true;
            }
            IndexArg::NewAxis => {}
            IndexArg::Ellipsis => {
                if ellipsis {
                    return Err(Error::MultipleEllipsis);
                }
                ellipsis = true;
            }
        }
    }
    if consumed > nd {
        return Err(Error::TooManyIndices { ndim: nd, given: consumed });
    }
    if !advanced {
        let basic = args
            .iter()
            .map(|a| match a {
                IndexArg::Int(i) => SliceArg::Index(*i),
                // Only 0-d index arrays (integers) and no masks reach here.
                IndexArg::Array(x) => SliceArg::Index(x.scalar().unwrap_or(0)),
                IndexArg::Slice { start, stop, step } => SliceArg::Slice { start: *start, stop: *stop, step: *step },
                IndexArg::NewAxis => SliceArg::NewAxis,
                IndexArg::Ellipsis | IndexArg::Mask(_) => SliceArg::Ellipsis,
            })
            .collect();
        return Ok(Plan::Basic(basic));
    }
    if let [IndexArg::Mask(m)] = args
        && m.ndim() > 0
    {
        check_mask_shape(m.shape(), shape, 0)?;
        return Ok(Plan::Mask(m));
    }

    // Assign axes to every entry, remembering each entry's position in the list.
    let fill = nd - consumed;
    let mut items: Vec<(usize, Item<'x, 'a>)> = Vec::with_capacity(args.len() + 1);
    let mut ax = 0usize;
    for (pos, a) in args.iter().enumerate() {
        let item = match a {
            IndexArg::Int(i) => {
                ax += 1;
                Item::Adv(Adv::Int { value: *i, axis: ax - 1 })
            }
            IndexArg::Array(x) => {
                ax += 1;
                match x.scalar() {
                    Some(value) => Item::Adv(Adv::Int { value, axis: ax - 1 }),
                    None => Item::Adv(Adv::Arr { idx: x, axis: ax - 1 }),
                }
            }
            IndexArg::Slice { start, stop, step } => {
                ax += 1;
                Item::Slice { start: *start, stop: *stop, step: *step, axis: ax - 1 }
            }
            IndexArg::NewAxis => Item::NewAxis,
            IndexArg::Ellipsis => {
                ax += fill;
                Item::Full { axis: ax - fill, n: fill }
            }
            IndexArg::Mask(m) if m.ndim() == 0 => {
                let n = usize::from(m.item().unwrap_or(false));
                Item::Adv(Adv::ZeroD { n })
            }
            IndexArg::Mask(m) => {
                ax += m.ndim();
                Item::Adv(Adv::Mask { mask: m, axis: ax - m.ndim(), count: 0 })
            }
        };
        items.push((pos, item));
    }
    if ax < nd {
        items.push((args.len(), Item::Full { axis: ax, n: nd - ax }));
    }

    // Mask shapes, then the true counts.
    for (_, it) in &mut items {
        if let Item::Adv(Adv::Mask { mask, axis, count }) = it {
            check_mask_shape(mask.shape(), shape, *axis)?;
            *count = match mask.as_slice() {
                Some(s) => kernels::count_true(s),
                None => mask.iter().filter(|&b| b).count(),
            };
        }
    }

    // Integers and slices, in order; the sliced axes with the position of their entry.
    let mut base = 0isize;
    let mut dims: Vec<(usize, usize, isize)> = Vec::new(); // (position, length, stride)
    for (pos, it) in &mut items {
        match it {
            Item::Adv(Adv::Int { value, axis }) => {
                let i = dims::normalize_index(*value, *axis, shape[*axis])?;
                let at = i.cast_signed().checked_mul(strides[*axis]).ok_or(Error::TooBig)?;
                base = base.checked_add(at).ok_or(Error::TooBig)?;
            }
            Item::Slice { start, stop, step, axis } => {
                let (at, count, stride) = slice_axis(*start, *stop, *step, shape[*axis], strides[*axis])?;
                base = base.checked_add(at).ok_or(Error::TooBig)?;
                // The selection is copied out: an axis of at most one element needs no stride
                // of its own, so it keeps the source axis' one.
                dims.push((*pos, count, if count > 1 { stride } else { strides[*axis] }));
            }
            Item::NewAxis => dims.push((*pos, 1, 0)),
            Item::Full { axis, n } => {
                for k in *axis..*axis + *n {
                    dims.push((*pos, shape[k], strides[k]));
                }
            }
            Item::Adv(_) => {}
        }
    }

    // Broadcast the index arrays (integers take no part in the shapes).
    let advs: Vec<(usize, &Adv<'x, 'a>)> =
        items.iter().filter_map(|(p, it)| if let Item::Adv(a) = it { Some((*p, a)) } else { None }).collect();
    let mut shapes: Vec<Vec<usize>> = Vec::new();
    for (_, a) in &advs {
        match a {
            Adv::Int { .. } => {}
            Adv::Arr { idx, .. } => shapes.push(idx.shape().to_vec()),
            Adv::Mask { mask, count, .. } => {
                for _ in 0..mask.ndim() {
                    shapes.push(vec![*count]);
                }
            }
            Adv::ZeroD { n } => shapes.push(vec![*n]),
        }
    }
    let refs: Vec<&[usize]> = shapes.iter().map(Vec::as_slice).collect();
    let mid_shape = dims::broadcast_shapes(&refs).map_err(|_| Error::IndexBroadcast { shapes: shapes.clone() })?;
    let mid_size: usize = mid_shape.iter().product();

    // Bounds of the index arrays (only when something is selected, as NumPy).
    let kernels_idx: Vec<Option<KIdx<'x>>> =
        advs.iter().map(|(_, a)| if let Adv::Arr { idx, .. } = a { Some(idx.kernel()) } else { None }).collect();
    if mid_size > 0 {
        for ((_, a), k) in advs.iter().zip(&kernels_idx) {
            if let (Adv::Arr { axis, .. }, Some(k)) = (a, k) {
                k.check_bounds(shape[*axis], *axis)?;
            }
        }
    }

    // Where the advanced block goes: in place when the advanced entries are adjacent.
    let first = advs[0].0;
    let last = advs[advs.len() - 1].0;
    let consecutive = last - first + 1 == advs.len();
    let (pre, post): (Vec<_>, Vec<_>) =
        if consecutive { dims.iter().partition(|d| d.0 < first) } else { (Vec::new(), dims.iter().collect()) };
    let layout = |v: Vec<&(usize, usize, isize)>| -> (Shape, Strides) {
        (v.iter().map(|d| d.1).collect(), v.iter().map(|d| d.2).collect())
    };

    let single = advs.len() == 1 && matches!(advs[0].1, Adv::Arr { .. });
    let middle = if single {
        let Adv::Arr { axis, .. } = advs[0].1 else { unreachable!("checked above") };
        let idx = kernels_idx.into_iter().next().flatten().expect("an index array").into_contiguous()?;
        Middle::Index { idx, stride: strides[*axis], len: shape[*axis], mode: ClipMode::Raise }
    } else {
        let mut offs = crate::array::Array::<i64>::zeros(&mid_shape)?;
        {
            let mut ov = offs.view_mut();
            for ((_, a), k) in advs.iter().zip(&kernels_idx) {
                match (a, k) {
                    (Adv::Arr { axis, .. }, Some(KIdx::I64(v))) => {
                        add_index_offsets(&mut ov, &v.view(), shape[*axis], strides[*axis]);
                    }
                    (Adv::Arr { axis, .. }, Some(KIdx::I32(v))) => {
                        add_index_offsets(&mut ov, &v.view(), shape[*axis], strides[*axis]);
                    }
                    (Adv::Mask { mask, axis, .. }, _) => {
                        let mo = mask_offsets(&mask.view(), &strides[*axis..*axis + mask.ndim()]);
                        let mo = ArrayView::from_slice(&mo);
                        let b = mo.broadcast_to(ov.shape()).expect("index arrays were broadcast-checked");
                        crate::zip::zip_mut_with(&mut ov, &b, |o, x| *o += x);
                    }
                    _ => {}
                }
            }
        }
        Middle::Offsets(offs)
    };
    Ok(Plan::Sel(Box::new(Selection { base, pre: layout(pre), mid_shape, middle, post: layout(post) })))
}
