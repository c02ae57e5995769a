//! [`RawArray`]: an array of any dtype as bytes plus the [`Descr`] that explains them.
//!
//! This is the boundary to a richer dtype system: a dynamic array type converts from and
//! to it with the descr, shape, order flag and bytes, and nothing else.

use nprs_core::dynarray::DynData;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, DynArray, DynBase, Element, Order};

use crate::any::{AnyArray, NpyElement};
use crate::buf;
use crate::descr::{ByteOrder, Descr, TypeStr};
use crate::error::{Error, Result};

/// An array of any dtype held as bytes: the element type's [`Descr`] (byte order
/// included), the shape, whether the data is in Fortran order, and the data in memory
/// order exactly as stored in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawArray {
    descr: Descr,
    shape: Vec<usize>,
    fortran_order: bool,
    data: Vec<u8>,
}

impl RawArray {
    /// An array from its parts.
    ///
    /// # Errors
    /// [`Error::Value`] when `data` does not hold exactly `size * itemsize` bytes;
    /// [`nprs_core::Error::TooBig`] when that size overflows; [`Error::ObjectArray`]
    /// for object dtypes.
    pub fn new(descr: Descr, shape: Vec<usize>, fortran_order: bool, data: Vec<u8>) -> Result<Self> {
        if descr.has_object() {
            return Err(Error::ObjectArray);
        }
        let item = descr.itemsize().ok_or(nprs_core::Error::TooBig)?;
        let count = nprs_core::dims::check_bytes(&shape, item)?;
        let nbytes = count.checked_mul(item).ok_or(nprs_core::Error::TooBig)?;
        if data.len() != nbytes {
            return Err(Error::Value(format!(
                "buffer size ({}) does not match the array's size ({nbytes} bytes for shape {} of {descr})",
                data.len(),
                crate::error::py_shape(&shape)
            )));
        }
        Ok(RawArray { descr, shape, fortran_order, data })
    }

    /// The bytes of a typed array in the given byte order (memory order kept when the
    /// array is C- or Fortran-contiguous, C order otherwise).
    #[must_use]
    pub fn from_array<S: Data>(a: &ArrayBase<S>, order: ByteOrder) -> Self
    where
        S::Elem: NpyElement,
    {
        let t = TypeStr::of(S::Elem::DTYPE, order);
        let fortran = a.ndim() > 1 && !a.is_c_contiguous() && a.is_f_contiguous();
        let mut data = match a.as_slice_memory_order() {
            Some(s) if a.is_c_contiguous() || fortran => buf::as_bytes(s).to_vec(),
            _ => buf::as_bytes(&a.to_vec()).to_vec(),
        };
        if t.order.needs_swap() {
            buf::swap_in_place(&mut data, t.swap_unit());
        }
        RawArray { descr: Descr::Type(t), shape: a.shape().to_vec(), fortran_order: fortran, data }
    }

    /// The bytes of a dynamic array (or view) with the header descr of its dtype, in
    /// memory order when it is C- or Fortran-contiguous, in C order otherwise.
    ///
    /// # Errors
    /// As [`Descr::from_dtype`]: records with overlapping fields, `bfloat16`.
    pub fn from_dyn<S: DynData>(a: &DynBase<S>) -> Result<Self> {
        let descr = Descr::from_dtype(a.dtype())?;
        let fortran = a.ndim() > 1 && !a.is_c_contiguous() && a.is_f_contiguous();
        let data = match a.as_bytes_memory_order() {
            Some(b) => b.to_vec(),
            None => a.to_bytes(),
        };
        Ok(RawArray { descr, shape: a.shape().to_vec(), fortran_order: fortran, data })
    }

    /// The same array as a dynamic array: the dtype from [`Descr::to_dtype`], the bytes
    /// (byte order and memory order kept); bool bytes other than 0 read as `True`.
    ///
    /// # Errors
    /// As [`Descr::to_dtype`] (object and `float128` types, titled fields).
    pub fn to_dyn(&self) -> Result<DynArray> {
        let d = self.descr.to_dtype()?;
        let order = if self.fortran_order { Order::F } else { Order::C };
        let bools = crate::dtype::bool_offsets(&d);
        if bools.is_empty() {
            return Ok(DynArray::from_bytes_order(&self.data, &d, &self.shape, order)?);
        }
        let mut data = self.data.clone();
        crate::dtype::normalize_bools(&mut data, self.itemsize(), &bools);
        Ok(DynArray::from_bytes_order(&data, &d, &self.shape, order)?)
    }

    /// The element type.
    #[must_use]
    pub fn descr(&self) -> &Descr {
        &self.descr
    }

    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// True when the data is in Fortran order.
    #[must_use]
    pub fn fortran_order(&self) -> bool {
        self.fortran_order
    }

    /// The data bytes in memory order.
    #[must_use]
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The data bytes, mutably (their length is fixed).
    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.data
    }

    /// Takes the parts: descr, shape, Fortran-order flag and bytes.
    #[must_use]
    pub fn into_parts(self) -> (Descr, Vec<usize>, bool, Vec<u8>) {
        (self.descr, self.shape, self.fortran_order, self.data)
    }

    /// Bytes per element.
    #[must_use]
    pub fn itemsize(&self) -> usize {
        self.descr.itemsize().unwrap_or(0)
    }

    /// Number of elements.
    #[must_use]
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// Memory positions (in elements) of the elements in C order.
    fn c_order_positions(&self) -> Box<dyn Iterator<Item = usize> + '_> {
        let n = self.size();
        if !self.fortran_order || self.shape.len() <= 1 {
            return Box::new(0..n);
        }
        // Fortran strides, walked with a C-order odometer.
        let nd = self.shape.len();
        let mut strides = vec![1usize; nd];
        for i in 1..nd {
            // Wraps only for arrays with no elements, whose strides are never used.
            strides[i] = strides[i - 1].wrapping_mul(self.shape[i - 1]);
        }
        let mut idx = vec![0usize; nd];
        let mut left = n;
        Box::new(std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let pos: usize = idx.iter().zip(&strides).map(|(i, s)| i * s).sum();
            for ax in (0..nd).rev() {
                idx[ax] += 1;
                if idx[ax] < self.shape[ax] {
                    break;
                }
                idx[ax] = 0;
            }
            Some(pos)
        }))
    }

    /// The same array in C order (a copy of the bytes; unchanged when already C order).
    #[must_use]
    pub fn to_c_order(&self) -> RawArray {
        if !self.fortran_order || self.shape.len() <= 1 || self.itemsize() == 0 {
            return RawArray { fortran_order: false, ..self.clone() };
        }
        let item = self.itemsize();
        let mut data = Vec::with_capacity(self.data.len());
        for p in self.c_order_positions() {
            data.extend_from_slice(&self.data[p * item..(p + 1) * item]);
        }
        RawArray { descr: self.descr.clone(), shape: self.shape.clone(), fortran_order: false, data }
    }

    /// The same values with every field in native byte order.
    #[must_use]
    pub fn to_native_order(&self) -> RawArray {
        let mut out = RawArray { descr: self.descr.to_native(), ..self.clone() };
        let item = self.itemsize();
        if let Descr::Type(t) = &self.descr {
            if t.order.needs_swap() {
                buf::swap_in_place(&mut out.data, t.swap_unit());
            }
            return out;
        }
        let mut leaves = Vec::new();
        self.descr.for_each_leaf(0, &mut |off, t| {
            if t.order.needs_swap() {
                leaves.push((off, t.itemsize(), t.swap_unit()));
            }
        });
        if item > 0 && !leaves.is_empty() {
            for rec in out.data.chunks_exact_mut(item) {
                for &(off, len, unit) in &leaves {
                    buf::swap_in_place(&mut rec[off..off + len], unit);
                }
            }
        }
        out
    }

    /// The typed array, converted to native byte order, in the stored memory order.
    ///
    /// # Errors
    /// [`Error::DTypeMismatch`] unless the descr is `T`'s kind and size (any byte order).
    pub fn to_array<T: NpyElement>(&self) -> Result<Array<T>> {
        let t = self.descr.as_type().filter(|t| t.numeric() == Some(T::DTYPE)).ok_or_else(|| Error::DTypeMismatch {
            expected: T::DTYPE.name().to_string(),
            found: self.descr.to_string(),
        })?;
        let n = self.size();
        let order = if self.fortran_order { Order::F } else { Order::C };
        if T::DTYPE == nprs_core::DType::Bool {
            let a = Array::from_shape_vec_order(&self.shape, buf::bytes_to_bools(self.data.clone()), order)?;
            return T::from_any(AnyArray::Bool(a)).map_err(|_| Error::Value("bool arrays are bool".into()));
        }
        let mut v = buf::zeroed_vec::<T>(n, &self.shape)?;
        buf::as_bytes_mut(&mut v).copy_from_slice(&self.data);
        buf::fix_order(&mut v, t.swap_unit(), t.order.needs_swap());
        Ok(Array::from_shape_vec_order(&self.shape, v, order)?)
    }

    /// Extracts one field of a structured array as a new array (C order); a field with a
    /// sub-array shape adds those axes, as `arr['name']` does in NumPy.
    ///
    /// # Errors
    /// [`Error::Value`] when the array is not structured or has no such field.
    pub fn field(&self, name: &str) -> Result<RawArray> {
        let Descr::Record(fields) = &self.descr else {
            return Err(Error::Value(format!("no field of name {name}")));
        };
        let mut off = 0usize;
        let mut found = None;
        for f in fields {
            let size = f.descr.itemsize().unwrap_or(0) * crate::descr::shape_product(&f.shape).unwrap_or(0);
            if f.name == name && !f.is_padding() {
                found = Some((f, off, size));
                break;
            }
            off += size;
        }
        let Some((f, off, size)) = found else { return Err(Error::Value(format!("no field of name {name}"))) };
        let item = self.itemsize();
        let mut data = Vec::new();
        // A field of no bytes has nothing to copy however many records there are (their
        // count is not bounded by the data then).
        if size > 0 {
            data.reserve_exact(size * self.size());
            for p in self.c_order_positions() {
                data.extend_from_slice(&self.data[p * item + off..p * item + off + size]);
            }
        }
        let mut shape = self.shape.clone();
        shape.extend_from_slice(&f.shape);
        Ok(RawArray { descr: f.descr.clone(), shape, fortran_order: false, data })
    }

    /// The elements of a `U` or `S` array as strings, in C order, with trailing NULs
    /// removed as NumPy does (`S` bytes are read as Latin-1).
    ///
    /// # Errors
    /// [`Error::Value`] for other dtypes or invalid code points.
    pub fn to_strings(&self) -> Result<Vec<String>> {
        let t = self
            .descr
            .as_type()
            .filter(|t| matches!(t.kind, 'U' | 'S'))
            .ok_or_else(|| Error::Value(format!("to_strings needs a 'U' or 'S' array, not {}", self.descr)))?;
        let item = t.itemsize();
        let mut out = Vec::new();
        // Zero-width strings take no bytes in the file, so their count is not bounded by
        // the data: ask for the memory rather than assume it.
        out.try_reserve_exact(self.size()).map_err(|_| nprs_core::Error::Alloc {
            bytes: self.size().saturating_mul(size_of::<String>()),
            shape: self.shape.clone(),
            dtype: self.descr.to_string(),
        })?;
        for p in self.c_order_positions() {
            let b = &self.data[p * item..(p + 1) * item];
            let s: String = if t.kind == 'S' {
                let end = b.iter().rposition(|&c| c != 0).map_or(0, |i| i + 1);
                b[..end].iter().map(|&c| char::from(c)).collect()
            } else {
                let mut cps: Vec<u32> = b
                    .chunks_exact(4)
                    .map(|c| {
                        let a = [c[0], c[1], c[2], c[3]];
                        if t.order == ByteOrder::Big { u32::from_be_bytes(a) } else { u32::from_le_bytes(a) }
                    })
                    .collect();
                while cps.last() == Some(&0) {
                    cps.pop();
                }
                cps.into_iter()
                    .map(|u| char::from_u32(u).ok_or_else(|| Error::Value(format!("invalid code point {u:#x}"))))
                    .collect::<Result<String>>()?
            };
            out.push(s);
        }
        Ok(out)
    }

    /// The values of a `datetime64`/`timedelta64` (or 8-byte integer) array as `i64`, in
    /// C order and native byte order (`NaT` is `i64::MIN`).
    ///
    /// # Errors
    /// [`Error::Value`] for other dtypes.
    pub fn to_i64(&self) -> Result<Vec<i64>> {
        let t = self.descr.as_type().filter(|t| matches!(t.kind, 'M' | 'm' | 'i') && t.size == 8).ok_or_else(|| {
            Error::Value(format!("to_i64 needs a datetime64, timedelta64 or int64 array, not {}", self.descr))
        })?;
        Ok(self
            .c_order_positions()
            .map(|p| {
                let mut a = [0u8; 8];
                a.copy_from_slice(&self.data[p * 8..p * 8 + 8]);
                if t.order == ByteOrder::Big { i64::from_be_bytes(a) } else { i64::from_le_bytes(a) }
            })
            .collect())
    }
}
