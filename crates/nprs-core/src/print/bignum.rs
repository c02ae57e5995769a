//! The few unsigned big-integer operations that exact float-to-decimal conversion needs.

use std::cmp::Ordering;

/// An unsigned integer of any size: little-endian 32-bit limbs, no zero limbs at the top.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Big {
    limbs: Vec<u32>,
}

impl Big {
    pub(crate) fn from_u64(v: u64) -> Big {
        let mut b = Big { limbs: vec![v as u32, (v >> 32) as u32] };
        b.trim();
        b
    }

    /// `2^n`.
    pub(crate) fn pow2(n: u32) -> Big {
        let mut b = Big::from_u64(1);
        b.shl(n);
        b
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    /// `self <<= n`.
    pub(crate) fn shl(&mut self, n: u32) {
        if self.is_zero() || n == 0 {
            return;
        }
        let (words, bits) = ((n / 32) as usize, n % 32);
        if bits != 0 {
            let mut carry = 0u32;
            for l in &mut self.limbs {
                let v = *l;
                *l = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if words != 0 {
            self.limbs.splice(0..0, std::iter::repeat_n(0, words));
        }
    }

    /// `self *= m`.
    pub(crate) fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for l in &mut self.limbs {
            let p = u64::from(*l) * u64::from(m) + carry;
            *l = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    /// `self *= 10^n`.
    pub(crate) fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        if n > 0 {
            self.mul_small(10u32.pow(n));
        }
    }

    /// `self + other`.
    pub(crate) fn add(&self, other: &Big) -> Big {
        let (long, short) = if self.limbs.len() >= other.limbs.len() { (self, other) } else { (other, self) };
        let mut out = Vec::with_capacity(long.limbs.len() + 1);
        let mut carry = 0u64;
        for (i, &l) in long.limbs.iter().enumerate() {
            let s = u64::from(l) + u64::from(short.limbs.get(i).copied().unwrap_or(0)) + carry;
            out.push(s as u32);
            carry = s >> 32;
        }
        if carry != 0 {
            out.push(carry as u32);
        }
        Big { limbs: out }
    }

    /// `self -= other`; requires `self >= other`.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.limbs.iter_mut().enumerate() {
            let d = i64::from(*l) - i64::from(other.limbs.get(i).copied().unwrap_or(0)) - borrow;
            if d < 0 {
                *l = (d + (1i64 << 32)) as u32;
                borrow = 1;
            } else {
                *l = d as u32;
                borrow = 0;
            }
        }
        debug_assert_eq!(borrow, 0);
        self.trim();
    }

    /// Divides `self` by `d` when the quotient is below 10: returns the quotient and leaves
    /// the remainder in `self`.
    pub(crate) fn div_rem_digit(&mut self, d: &Big) -> u32 {
        let mut q = 0;
        while self.cmp_big(d) != Ordering::Less {
            self.sub_assign(d);
            q += 1;
        }
        q
    }

    pub(crate) fn cmp_big(&self, other: &Big) -> Ordering {
        self.limbs.len().cmp(&other.limbs.len()).then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        let mut a = Big::from_u64(12345);
        a.mul_pow10(20);
        let mut b = Big::from_u64(12345);
        b.mul_pow10(19);
        assert_eq!(a.clone().div_rem_digit(&b), 10);
        let mut c = a.clone();
        c.shl(70);
        let mut d = a.clone();
        for _ in 0..70 {
            d.mul_small(2);
        }
        assert_eq!(c, d);
        assert_eq!(Big::pow2(64), Big::from_u64(u64::MAX).add(&Big::from_u64(1)));
        assert!(Big::from_u64(0).is_zero());
    }
}
