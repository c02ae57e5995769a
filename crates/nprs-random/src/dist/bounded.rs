//! Bounded integers: Lemire's multiply-shift rejection (Generator) and masked rejection
//! (shuffles and the legacy RandomState), with NumPy's byte/halfword/bit buffers.

use crate::BitGenerator;

/// Smallest `2^k - 1` that is `>= max`.
#[inline]
pub(crate) fn gen_mask(max: u64) -> u64 {
    let mut mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    mask
}

/// A value in `[0, max]` by masked rejection (`random_interval`); no draw when `max == 0`.
#[inline]
pub(crate) fn random_interval<B: BitGenerator + ?Sized>(b: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= 0xffff_ffff {
        loop {
            let v = u64::from(b.next_uint32()) & mask;
            if v <= max {
                return v;
            }
        }
    }
    loop {
        let v = b.next_uint64() & mask;
        if v <= max {
            return v;
        }
    }
}

/// Lemire's method over 64-bit draws; `rng < 2^64 - 1`.
#[inline]
pub(crate) fn lemire64<B: BitGenerator + ?Sized>(b: &mut B, rng: u64) -> u64 {
    let excl = rng.wrapping_add(1);
    let mut m = u128::from(b.next_uint64()) * u128::from(excl);
    let mut leftover = m as u64;
    if leftover < excl {
        let threshold = (u64::MAX - rng) % excl;
        while leftover < threshold {
            m = u128::from(b.next_uint64()) * u128::from(excl);
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

/// Lemire's method over 32-bit draws; `rng < 2^32 - 1`.
#[inline]
pub(crate) fn lemire32<B: BitGenerator + ?Sized>(b: &mut B, rng: u32) -> u32 {
    let excl = rng.wrapping_add(1);
    let mut m = u64::from(b.next_uint32()) * u64::from(excl);
    let mut leftover = m as u32;
    if leftover < excl {
        let threshold = (u32::MAX - rng) % excl;
        while leftover < threshold {
            m = u64::from(b.next_uint32()) * u64::from(excl);
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

/// A value in `[off, off + rng]` (wrapping) from 64-bit ranges, as `random_bounded_uint64`.
#[inline]
pub(crate) fn bounded_u64<B: BitGenerator + ?Sized>(b: &mut B, off: u64, rng: u64, masked: bool) -> u64 {
    if rng == 0 {
        return off;
    }
    if rng <= 0xffff_ffff {
        if rng == 0xffff_ffff {
            return off.wrapping_add(u64::from(b.next_uint32()));
        }
        let v = if masked { masked32(b, rng as u32, gen_mask(rng) as u32) } else { lemire32(b, rng as u32) };
        return off.wrapping_add(u64::from(v));
    }
    if rng == u64::MAX {
        return off.wrapping_add(b.next_uint64());
    }
    let v = if masked {
        let mask = gen_mask(rng);
        loop {
            let v = b.next_uint64() & mask;
            if v <= rng {
                break v;
            }
        }
    } else {
        lemire64(b, rng)
    };
    off.wrapping_add(v)
}

#[inline]
fn masked32<B: BitGenerator + ?Sized>(b: &mut B, rng: u32, mask: u32) -> u32 {
    loop {
        let v = b.next_uint32() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// The draw path `bounded_u64` takes for a fixed range, chosen once per fill so the loop
/// has no per-element branching on the range.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kernel64 {
    /// `rng == 0`: the offset, no draw.
    Constant,
    /// A range of exactly 2^32: a raw 32-bit draw.
    Full32,
    /// Lemire over 32-bit draws.
    Lemire32(u32),
    /// Masked rejection over 32-bit draws.
    Masked32(u32, u32),
    /// A range of 2^64: a raw 64-bit draw.
    Full64,
    /// Lemire over 64-bit draws.
    Lemire64(u64),
    /// Masked rejection over 64-bit draws.
    Masked64(u64, u64),
}

impl Kernel64 {
    pub(crate) fn new(rng: u64, masked: bool) -> Self {
        if rng == 0 {
            Kernel64::Constant
        } else if rng == 0xffff_ffff {
            Kernel64::Full32
        } else if rng < 0xffff_ffff {
            if masked { Kernel64::Masked32(rng as u32, gen_mask(rng) as u32) } else { Kernel64::Lemire32(rng as u32) }
        } else if rng == u64::MAX {
            Kernel64::Full64
        } else if masked {
            Kernel64::Masked64(rng, gen_mask(rng))
        } else {
            Kernel64::Lemire64(rng)
        }
    }
}

/// Fills `shape` with `off + draw` for a fixed 64-bit range, one tight loop per path.
pub(crate) fn fill_u64<B: BitGenerator + ?Sized, T: nprs_core::Element>(
    b: &mut B,
    off: u64,
    rng: u64,
    masked: bool,
    shape: &[usize],
    conv: impl Fn(u64) -> T,
) -> crate::Result<nprs_core::Array<T>> {
    use crate::generator::fill_shape as fill;
    match Kernel64::new(rng, masked) {
        Kernel64::Constant => fill(shape, || conv(off)),
        Kernel64::Full32 => fill(shape, || conv(off.wrapping_add(u64::from(b.next_uint32())))),
        Kernel64::Lemire32(r) => fill(shape, || conv(off.wrapping_add(u64::from(lemire32(b, r))))),
        Kernel64::Masked32(r, m) => fill(shape, || conv(off.wrapping_add(u64::from(masked32(b, r, m))))),
        Kernel64::Full64 => fill(shape, || conv(off.wrapping_add(b.next_uint64()))),
        Kernel64::Lemire64(r) => fill(shape, || conv(off.wrapping_add(lemire64(b, r)))),
        Kernel64::Masked64(r, m) => fill(shape, || {
            conv(off.wrapping_add(loop {
                let v = b.next_uint64() & m;
                if v <= r {
                    break v;
                }
            }))
        }),
    }
}

/// The per-call buffer NumPy keeps for 8-, 16- and 1-bit draws.
#[derive(Default)]
pub struct SmallBuffer {
    buf: u32,
    count: u32,
}

impl SmallBuffer {
    #[inline]
    fn take<B: BitGenerator + ?Sized>(&mut self, b: &mut B, bits: u32, refill: u32) -> u32 {
        if self.count == 0 {
            self.buf = b.next_uint32();
            self.count = refill;
        } else {
            self.buf >>= bits;
            self.count -= 1;
        }
        self.buf
    }

    #[inline]
    pub(crate) fn u8<B: BitGenerator + ?Sized>(&mut self, b: &mut B) -> u8 {
        self.take(b, 8, 3) as u8
    }

    #[inline]
    pub(crate) fn u16<B: BitGenerator + ?Sized>(&mut self, b: &mut B) -> u16 {
        self.take(b, 16, 1) as u16
    }

    #[inline]
    pub(crate) fn bit<B: BitGenerator + ?Sized>(&mut self, b: &mut B) -> bool {
        self.take(b, 1, 31) & 1 != 0
    }
}

/// Bounded draws of one integer width: `[off, off + rng]`, wrapping in the width.
pub trait BoundedDraw: Copy {
    /// One value; `buf` is the call's shared small-width buffer.
    fn bounded<B: BitGenerator + ?Sized>(b: &mut B, off: Self, rng: Self, masked: bool, buf: &mut SmallBuffer) -> Self;
}

impl BoundedDraw for u64 {
    #[inline]
    fn bounded<B: BitGenerator + ?Sized>(b: &mut B, off: u64, rng: u64, masked: bool, _: &mut SmallBuffer) -> u64 {
        bounded_u64(b, off, rng, masked)
    }
}

impl BoundedDraw for u32 {
    #[inline]
    fn bounded<B: BitGenerator + ?Sized>(b: &mut B, off: u32, rng: u32, masked: bool, _: &mut SmallBuffer) -> u32 {
        if rng == 0 {
            return off;
        }
        if rng == u32::MAX {
            return off.wrapping_add(b.next_uint32());
        }
        let v = if masked { masked32(b, rng, gen_mask(u64::from(rng)) as u32) } else { lemire32(b, rng) };
        off.wrapping_add(v)
    }
}

impl BoundedDraw for u16 {
    #[inline]
    fn bounded<B: BitGenerator + ?Sized>(b: &mut B, off: u16, rng: u16, masked: bool, buf: &mut SmallBuffer) -> u16 {
        if rng == 0 {
            return off;
        }
        if rng == u16::MAX {
            return off.wrapping_add(buf.u16(b));
        }
        if masked {
            let mask = gen_mask(u64::from(rng)) as u16;
            loop {
                let v = buf.u16(b) & mask;
                if v <= rng {
                    return off.wrapping_add(v);
                }
            }
        }
        let excl = rng.wrapping_add(1);
        let mut m = u32::from(buf.u16(b)) * u32::from(excl);
        let mut leftover = m as u16;
        if leftover < excl {
            let threshold = (u16::MAX - rng) % excl;
            while leftover < threshold {
                m = u32::from(buf.u16(b)) * u32::from(excl);
                leftover = m as u16;
            }
        }
        off.wrapping_add((m >> 16) as u16)
    }
}

impl BoundedDraw for u8 {
    #[inline]
    fn bounded<B: BitGenerator + ?Sized>(b: &mut B, off: u8, rng: u8, masked: bool, buf: &mut SmallBuffer) -> u8 {
        if rng == 0 {
            return off;
        }
        if rng == u8::MAX {
            return off.wrapping_add(buf.u8(b));
        }
        if masked {
            let mask = gen_mask(u64::from(rng)) as u8;
            loop {
                let v = buf.u8(b) & mask;
                if v <= rng {
                    return off.wrapping_add(v);
                }
            }
        }
        let excl = rng.wrapping_add(1);
        let mut m = u16::from(buf.u8(b)) * u16::from(excl);
        let mut leftover = m as u8;
        if leftover < excl {
            let threshold = (u8::MAX - rng) % excl;
            while leftover < threshold {
                m = u16::from(buf.u8(b)) * u16::from(excl);
                leftover = m as u8;
            }
        }
        off.wrapping_add((m >> 8) as u8)
    }
}

impl BoundedDraw for bool {
    #[inline]
    fn bounded<B: BitGenerator + ?Sized>(b: &mut B, off: bool, rng: bool, _: bool, buf: &mut SmallBuffer) -> bool {
        if !rng {
            return off;
        }
        buf.bit(b)
    }
}
