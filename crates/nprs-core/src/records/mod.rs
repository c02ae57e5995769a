//! Structured (record) arrays: named fields of any dtype, field access as views, creation
//! from rows, and sorting by fields.
//!
//! ```
//! use nprs_core::{Descr, DynArray, Scalar};
//! let dt = Descr::parse("[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]").unwrap();
//! let people = DynArray::from_records(&dt, &[
//!     Scalar::from(("Alice", 25, vec![90.0, 85.5, 77.0])),
//!     Scalar::from(("Bob", 19, vec![60.0, 70.0, 80.0])),
//! ]).unwrap();
//! let ages = people.field("age").unwrap(); // a view with the record stride
//! assert_eq!(ages.strides(), &[68]);
//! assert_eq!(ages.to_typed::<i32>().unwrap().to_vec(), vec![25, 19]);
//! let order = people.argsort_by_fields(&["age"]).unwrap();
//! assert_eq!(order.to_vec(), vec![1, 0]);
//! ```
#![allow(unsafe_code)] // field views at byte offsets; each block says why it holds

use std::cmp::Ordering;
use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::Array;
use crate::dtype::{Descr, DescrKind, Field};
use crate::dynarray::{DynArray, DynBase, DynData, DynDataMut, DynView, DynViewMut};
use crate::error::{Error, Result};
use crate::layout::{Layout, contiguous_bytes};
use crate::scalar::Scalar;

fn no_field(name: &str) -> Error {
    Error::NoField { name: name.to_string() }
}

/// The layout of a field view: extra trailing axes for a sub-array field.
fn field_layout(f: &Field) -> (Descr, SmallVec<[usize; 6]>, SmallVec<[isize; 6]>) {
    let mut extra_shape = SmallVec::new();
    let mut extra_strides = SmallVec::new();
    let mut d = f.descr.clone();
    while let Some(sub) = d.subdtype() {
        let base = sub.base.clone();
        extra_strides.extend(contiguous_bytes(&sub.shape, base.itemsize(), crate::dims::Order::C));
        extra_shape.extend_from_slice(&sub.shape);
        d = base;
    }
    (d, extra_shape, extra_strides)
}

impl<S: DynData> DynBase<S> {
    /// The field names of a record array (`arr.dtype.names`).
    #[must_use]
    pub fn field_names(&self) -> Option<Vec<&str>> {
        self.descr.names()
    }

    /// The layout of one field's view: the field's bytes in every record.
    fn field_view_layout(&self, f: &Field) -> Layout<Descr> {
        let (descr, xs, xst) = field_layout(f);
        let mut shape = self.shape.clone();
        shape.extend_from_slice(&xs);
        let mut strides = self.strides.clone();
        strides.extend_from_slice(&xst);
        // SAFETY: the field lies inside every record.
        let ptr = unsafe { NonNull::new_unchecked(self.ptr.as_ptr().add(f.offset)) };
        Layout::dynamic(ptr, shape, strides, descr)
    }

    fn field_view(&self, f: &Field) -> DynView<'_> {
        self.view_of(self.field_view_layout(f))
    }

    /// A view of one field (`arr['age']`): same shape (plus the field's sub-array axes),
    /// the record's strides, the field's dtype. Use [`typed`](DynBase::typed) on it for a
    /// typed view when the layout allows, [`to_typed`](DynBase::to_typed) for a copy.
    ///
    /// # Errors
    /// "no field of name x" (NumPy's `ValueError`), also for arrays without fields.
    pub fn field(&self, name: &str) -> Result<DynView<'_>> {
        let r = self.descr.record_layout_of().ok_or_else(|| no_field(name))?;
        let f = r.field(name).ok_or_else(|| no_field(name))?;
        Ok(self.field_view(f))
    }

    /// The `i`-th field's view.
    pub(crate) fn field_at(&self, i: usize) -> DynView<'_> {
        let r = self.descr.record_layout_of().expect("a record dtype");
        self.field_view(&r.fields()[i])
    }

    /// A view of several fields (`arr[['age', 'name']]`): a record dtype holding just
    /// those fields at their original offsets, as NumPy 2 returns.
    ///
    /// # Errors
    /// A name that is not a field.
    pub fn fields(&self, names: &[&str]) -> Result<DynView<'_>> {
        let r = self.descr.record_layout_of().ok_or_else(|| no_field(names.first().copied().unwrap_or("")))?;
        let picked: Vec<Field> =
            names.iter().map(|n| r.field(n).cloned().ok_or_else(|| no_field(n))).collect::<Result<_>>()?;
        let d = Descr::record_with_offsets(picked, r.itemsize())?;
        Ok(self.with_descr_view(d))
    }

    /// Indices that sort a record array by the named fields first, then by the remaining
    /// fields in dtype order (`numpy.argsort(arr, order=[...], kind='stable')`), along the
    /// last axis. Numbers sort with NaN last, strings by code point.
    ///
    /// # Errors
    /// "Cannot specify order when the array has no fields.", "unknown field name: x".
    pub fn argsort_by_fields(&self, order: &[&str]) -> Result<Array<i64>> {
        let keys = self.sort_keys(order)?;
        let rows = self.to_scalars();
        let n = self.shape.last().copied().unwrap_or(1);
        let lanes = rows.len().checked_div(n).unwrap_or(0);
        let mut out = Vec::with_capacity(rows.len());
        for l in 0..lanes {
            let lane = &rows[l * n..(l + 1) * n];
            let mut idx: Vec<usize> = (0..n).collect();
            idx.sort_by(|&i, &j| compare_records(&lane[i], &lane[j], &keys));
            out.extend(idx.into_iter().map(|i| i as i64));
        }
        Array::from_shape_vec(&self.shape, out)
    }

    /// A copy sorted by the named fields (`numpy.sort(arr, order=[...], kind='stable')`),
    /// along the last axis.
    ///
    /// # Errors
    /// As [`argsort_by_fields`](Self::argsort_by_fields).
    pub fn sort_by_fields(&self, order: &[&str]) -> Result<DynArray> {
        let idx = self.argsort_by_fields(order)?;
        let src = self.to_owned_order(crate::dims::Order::C);
        let out = DynArray::zeros(&self.shape, &self.descr)?;
        let item = self.itemsize();
        let n = self.shape.last().copied().unwrap_or(1);
        for (k, i) in idx.iter().enumerate() {
            let lane = k / n.max(1);
            let from = lane * n + i as usize;
            // SAFETY: both indices address elements of C-contiguous buffers of this shape.
            unsafe {
                std::ptr::copy_nonoverlapping(src.ptr.as_ptr().add(from * item), out.ptr.as_ptr().add(k * item), item);
            };
        }
        Ok(out)
    }

    /// Field positions in comparison order: the named ones, then the rest.
    fn sort_keys(&self, order: &[&str]) -> Result<Vec<usize>> {
        let r = self.descr.record_layout_of().ok_or(Error::OrderWithoutFields)?;
        let mut keys = Vec::new();
        for name in order {
            let i = r
                .fields()
                .iter()
                .position(|f| f.name == *name)
                .ok_or_else(|| Error::UnknownField { name: name.to_string() })?;
            if !keys.contains(&i) {
                keys.push(i);
            }
        }
        let rest: Vec<usize> = (0..r.fields().len()).filter(|i| !keys.contains(i)).collect();
        keys.extend(rest);
        Ok(keys)
    }
}

/// NumPy's sort order of two values of one dtype: NaN after every number, strings and
/// sub-arrays lexicographically.
pub(crate) fn compare_values(a: &Scalar, b: &Scalar) -> Ordering {
    match (a, b) {
        (Scalar::Float(x), Scalar::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        },
        (Scalar::Complex(ar, ai), Scalar::Complex(br, bi)) => compare_values(&Scalar::Float(*ar), &Scalar::Float(*br))
            .then_with(|| compare_values(&Scalar::Float(*ai), &Scalar::Float(*bi))),
        (Scalar::Int(x), Scalar::Int(y)) => x.cmp(y),
        (Scalar::Bool(x), Scalar::Bool(y)) => x.cmp(y),
        (Scalar::Str(x), Scalar::Str(y)) => x.chars().cmp(y.chars()),
        (Scalar::Bytes(x), Scalar::Bytes(y)) => x.cmp(y),
        (Scalar::Tuple(x), Scalar::Tuple(y)) | (Scalar::List(x), Scalar::List(y)) => {
            for (p, q) in x.iter().zip(y) {
                let o = compare_values(p, q);
                if o != Ordering::Equal {
                    return o;
                }
            }
            x.len().cmp(&y.len())
        }
        _ => Ordering::Equal,
    }
}

fn compare_records(a: &Scalar, b: &Scalar, keys: &[usize]) -> Ordering {
    let (Scalar::Tuple(x), Scalar::Tuple(y)) = (a, b) else { return compare_values(a, b) };
    for &k in keys {
        let o = compare_values(&x[k], &y[k]);
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

impl<S: DynData + DynDataMut> DynBase<S> {
    /// A writable view of one field (`arr['age'] = …` through [`assign`](DynBase::assign)).
    ///
    /// # Errors
    /// As [`field`](DynBase::field).
    pub fn field_mut(&mut self, name: &str) -> Result<DynViewMut<'_>> {
        let r = self.descr.record_layout_of().ok_or_else(|| no_field(name))?;
        let i = r.fields().iter().position(|f| f.name == name).ok_or_else(|| no_field(name))?;
        Ok(self.field_at_mut(i))
    }

    /// The `i`-th field's writable view.
    pub(crate) fn field_at_mut(&mut self, i: usize) -> DynViewMut<'_> {
        let f = self.descr.record_layout_of().expect("a record dtype").fields()[i].clone();
        let layout = self.field_view_layout(&f);
        // SAFETY: the fields of a record never overlap, so the view addresses each byte
        // once; `self` is writable and borrowed uniquely.
        unsafe { self.layout.view_mut_of(layout) }
    }

    /// Writes one record (`arr[i] = (name, age, scores)`).
    ///
    /// # Errors
    /// Index errors, a tuple of the wrong length, conversion errors.
    pub fn set_row(&mut self, index: &[isize], row: impl Into<Scalar>) -> Result<()> {
        self.set_item(index, row)
    }
}

impl DynArray {
    /// A 1-d record array from rows (`numpy.array([(...), (...)], dtype=dt)`), each row a
    /// [`Scalar::Tuple`] of field values (lists for sub-array fields).
    ///
    /// # Errors
    /// Rows of the wrong length and conversion errors, with NumPy's messages.
    pub fn from_records(descr: &Descr, rows: &[Scalar]) -> Result<Self> {
        if !matches!(descr.kind_of(), DescrKind::Record(_)) {
            return Err(Error::NotRecord { descr: descr.clone() });
        }
        DynArray::from_scalars(&[rows.len()], descr, rows)
    }
}
