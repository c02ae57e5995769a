//! Ziggurat samplers for the standard normal and standard exponential (float64 and float32).

use super::ziggurat_tables::{
    FE_DOUBLE_BITS, FE_FLOAT_BITS, FI_DOUBLE_BITS, FI_FLOAT_BITS, KE_DOUBLE, KE_FLOAT, KI_DOUBLE, KI_FLOAT,
    WE_DOUBLE_BITS, WE_FLOAT_BITS, WI_DOUBLE_BITS, WI_FLOAT_BITS,
};
use crate::BitGenerator;

const fn f64_table(bits: [u64; 256]) -> [f64; 256] {
    let mut out = [0.0; 256];
    let mut i = 0;
    while i < 256 {
        out[i] = f64::from_bits(bits[i]);
        i += 1;
    }
    out
}

const fn f32_table(bits: [u32; 256]) -> [f32; 256] {
    let mut out = [0.0; 256];
    let mut i = 0;
    while i < 256 {
        out[i] = f32::from_bits(bits[i]);
        i += 1;
    }
    out
}

static WI_DOUBLE: [f64; 256] = f64_table(WI_DOUBLE_BITS);
static FI_DOUBLE: [f64; 256] = f64_table(FI_DOUBLE_BITS);
static WE_DOUBLE: [f64; 256] = f64_table(WE_DOUBLE_BITS);
static FE_DOUBLE: [f64; 256] = f64_table(FE_DOUBLE_BITS);
static WI_FLOAT: [f32; 256] = f32_table(WI_FLOAT_BITS);
static FI_FLOAT: [f32; 256] = f32_table(FI_FLOAT_BITS);
static WE_FLOAT: [f32; 256] = f32_table(WE_FLOAT_BITS);
static FE_FLOAT: [f32; 256] = f32_table(FE_FLOAT_BITS);

const NOR_R: f64 = 3.654_152_885_361_009;
const NOR_INV_R: f64 = 0.273_661_237_329_758_3;
const NOR_R_F: f32 = 3.654_152_9;
const NOR_INV_R_F: f32 = 0.273_661_23;
const EXP_R: f64 = 7.697_117_470_131_05;
const EXP_R_F: f32 = 7.697_117_3;

/// `next_float`: 24 random bits from a (buffered) 32-bit draw.
#[inline]
pub(crate) fn next_float<B: BitGenerator + ?Sized>(b: &mut B) -> f32 {
    (b.next_uint32() >> 8) as f32 * (1.0 / 16_777_216.0)
}

/// The standard exponential by the ziggurat (`method='zig'`).
#[inline]
pub(crate) fn standard_exponential<B: BitGenerator + ?Sized>(b: &mut B) -> f64 {
    loop {
        let mut ri = b.next_uint64() >> 3;
        let idx = (ri & 0xff) as usize;
        ri >>= 8;
        let x = ri as f64 * WE_DOUBLE[idx];
        if ri < KE_DOUBLE[idx] {
            return x;
        }
        if idx == 0 {
            return EXP_R - (-b.next_double()).ln_1p();
        }
        if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * b.next_double() + FE_DOUBLE[idx] < (-x).exp() {
            return x;
        }
    }
}

/// The standard exponential in float32 by the ziggurat.
#[inline]
pub(crate) fn standard_exponential_f<B: BitGenerator + ?Sized>(b: &mut B) -> f32 {
    loop {
        let mut ri = b.next_uint32() >> 1;
        let idx = (ri & 0xff) as usize;
        ri >>= 8;
        let x = ri as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            return EXP_R_F - (-next_float(b)).ln_1p();
        }
        if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * next_float(b) + FE_FLOAT[idx] < (-x).exp() {
            return x;
        }
    }
}

/// The standard normal by the ziggurat.
#[inline]
pub(crate) fn standard_normal<B: BitGenerator + ?Sized>(b: &mut B) -> f64 {
    loop {
        let mut r = b.next_uint64();
        let idx = (r & 0xff) as usize;
        r >>= 8;
        let sign = r & 1;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI_DOUBLE[idx];
        if sign == 1 {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -NOR_INV_R * (-b.next_double()).ln_1p();
                let yy = -(-b.next_double()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 { -(NOR_R + xx) } else { NOR_R + xx };
                }
            }
        }
        if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * b.next_double() + FI_DOUBLE[idx] < (-0.5 * x * x).exp() {
            return x;
        }
    }
}

/// The standard normal in float32 by the ziggurat (the wedge test compares in float64).
#[inline]
pub(crate) fn standard_normal_f<B: BitGenerator + ?Sized>(b: &mut B) -> f32 {
    loop {
        let r = b.next_uint32();
        let idx = (r & 0xff) as usize;
        let sign = (r >> 8) & 1;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as f32 * WI_FLOAT[idx];
        if sign == 1 {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -NOR_INV_R_F * (-next_float(b)).ln_1p();
                let yy = -(-next_float(b)).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 { -(NOR_R_F + xx) } else { NOR_R_F + xx };
                }
            }
        }
        let lhs = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * next_float(b) + FI_FLOAT[idx];
        let xd = f64::from(x);
        if f64::from(lhs) < (-0.5 * xd * xd).exp() {
            return x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ziggurat_tables as t;

    /// SHA-256 (FIPS 180-4), enough to check the embedded tables against their published digests.
    fn sha256(data: &[u8]) -> String {
        const K: [u32; 64] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
            0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
            0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
            0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
            0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
            0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
            0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2,
        ];
        let mut h: [u32; 8] =
            [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        let mut msg = data.to_vec();
        msg.push(0x80);
        while msg.len() % 64 != 56 {
            msg.push(0);
        }
        msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
        for block in msg.chunks_exact(64) {
            let mut w = [0u32; 64];
            for i in 0..16 {
                w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
            }
            let mut v = h;
            for i in 0..64 {
                let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
                let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
                let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
                let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                let t2 = s0.wrapping_add(maj);
                v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
            }
            for (a, b) in h.iter_mut().zip(v) {
                *a = a.wrapping_add(b);
            }
        }
        h.iter().map(|x| format!("{x:08x}")).collect()
    }

    fn digest64(t: &[u64; 256]) -> String {
        sha256(&t.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>())
    }

    fn digest32(t: &[u32; 256]) -> String {
        sha256(&t.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>())
    }

    #[test]
    fn sha256_known_answer() {
        assert_eq!(sha256(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn tables_match_published_digests() {
        assert_eq!(digest64(&t::KI_DOUBLE), "565295797825931547a1036f5b012a247be54abbe077c39fe06c8ed1e9d0a5a9");
        assert_eq!(digest64(&t::WI_DOUBLE_BITS), "33c6472209e1d09ea3548f0291e5e1ad67fb4f1d0305e9f1086689584b7bb7fa");
        assert_eq!(digest64(&t::FI_DOUBLE_BITS), "acd898d9d87e212f657755ba43b21e40958090a7ff2103c9e79f4ea1b0fe2bc5");
        assert_eq!(digest64(&t::KE_DOUBLE), "785bcf5a662793cf25870d33474a750da43f0e903fa734292e1eeefb38e8efce");
        assert_eq!(digest64(&t::WE_DOUBLE_BITS), "12751415cc5c2d3a76783f682d265bbfdd63c8775b4d3ded9926d3bb673871a1");
        assert_eq!(digest64(&t::FE_DOUBLE_BITS), "1f4b2a07fcf8396e73fc378ce2199c83cf46da21f0d6469f43375c29cb2d8635");
        assert_eq!(digest32(&t::KI_FLOAT), "b00c1701b8ee9b5e5bb285bef552e979942af25328141d131b0ad8183643fd39");
        assert_eq!(digest32(&t::WI_FLOAT_BITS), "7e876b6f831f031c494d3f21c00f1845928d7ba8984b207e08b3fcba766a67fd");
        assert_eq!(digest32(&t::FI_FLOAT_BITS), "3ec75aef4fc5308b6f948d1fd8d0eef691a752eebbaa91914fc111948aea6ad8");
        assert_eq!(digest32(&t::KE_FLOAT), "845568c71f3b5cb1fa9401e172926e44cd7a6708ba91d4d822a4183d479ffce9");
        assert_eq!(digest32(&t::WE_FLOAT_BITS), "f9d0fef3cfaec38259420b4f2e30d9a18da8e6bb190050e1ac87fd1c5ad224d0");
        assert_eq!(digest32(&t::FE_FLOAT_BITS), "ead9e6f988f291049e31d43b12f3090edf221c7f6bc9a6dcb60e678912cd2eaf");
    }
}
