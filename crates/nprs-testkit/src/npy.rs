//! A minimal reader for the golden `.npy` files (numeric and string dtypes, C order).

use crate::Elems;

fn header_field<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let i = header.find(&format!("'{key}':"))? + key.len() + 3;
    Some(header[i..].trim_start())
}

pub(crate) fn parse(bytes: &[u8], dtype: &str) -> Result<Elems, String> {
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err("not an .npy file".into());
    }
    let (hlen, start) = match bytes[6] {
        1 => (usize::from(u16::from_le_bytes([bytes[8], bytes[9]])), 10),
        _ => {
            if bytes.len() < 12 {
                return Err("truncated header".into());
            }
            (u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize, 12)
        }
    };
    let header =
        std::str::from_utf8(bytes.get(start..start + hlen).ok_or("truncated header")?).map_err(|e| e.to_string())?;
    if header_field(header, "fortran_order").is_some_and(|v| v.starts_with("True")) {
        return Err("Fortran-ordered golden files are not supported".into());
    }
    let body = &bytes[start + hlen..];
    let kind = dtype.chars().nth(1).ok_or("bad dtype")?;
    let size: usize = dtype[2..].parse().map_err(|_| format!("bad dtype {dtype}"))?;
    if dtype.starts_with('>') {
        return Err("big-endian golden files are not supported".into());
    }
    let n = match kind {
        'U' => body.len() / (4 * size.max(1)),
        _ => body.len() / size.max(1),
    };
    let chunk = |i: usize, w: usize| &body[i * w..(i + 1) * w];
    Ok(match (kind, size) {
        ('b', 1) => Elems::Bool((0..n).map(|i| body[i] != 0).collect()),
        ('i', _) | ('M', _) | ('m', _) => Elems::Int(
            (0..n)
                .map(|i| {
                    let c = chunk(i, size);
                    let mut b = [0u8; 16];
                    b[..size].copy_from_slice(c);
                    if c[size - 1] & 0x80 != 0 {
                        b[size..].fill(0xff);
                    }
                    i128::from_le_bytes(b)
                })
                .collect(),
        ),
        ('u', _) => Elems::Int(
            (0..n)
                .map(|i| {
                    let mut b = [0u8; 16];
                    b[..size].copy_from_slice(chunk(i, size));
                    i128::from_le_bytes(b)
                })
                .collect(),
        ),
        ('f', 8) => {
            Elems::Float((0..n).map(|i| f64::from_le_bytes(chunk(i, 8).try_into().unwrap_or_default())).collect())
        }
        ('f', 4) => Elems::Float(
            (0..n).map(|i| f64::from(f32::from_le_bytes(chunk(i, 4).try_into().unwrap_or_default()))).collect(),
        ),
        ('f', 2) => Elems::Float(
            (0..n)
                .map(|i| nprs_core::f16::from_le_bytes(chunk(i, 2).try_into().unwrap_or_default()).to_f64())
                .collect(),
        ),
        ('c', 16) => Elems::Complex(
            (0..n)
                .map(|i| {
                    let c = chunk(i, 16);
                    (
                        f64::from_le_bytes(c[..8].try_into().unwrap_or_default()),
                        f64::from_le_bytes(c[8..].try_into().unwrap_or_default()),
                    )
                })
                .collect(),
        ),
        ('c', 8) => Elems::Complex(
            (0..n)
                .map(|i| {
                    let c = chunk(i, 8);
                    (
                        f64::from(f32::from_le_bytes(c[..4].try_into().unwrap_or_default())),
                        f64::from(f32::from_le_bytes(c[4..].try_into().unwrap_or_default())),
                    )
                })
                .collect(),
        ),
        ('S', w) => Elems::Str(
            (0..n).map(|i| chunk(i, w).iter().take_while(|&&b| b != 0).map(|&b| char::from(b)).collect()).collect(),
        ),
        ('U', w) => Elems::Str(
            (0..n)
                .map(|i| {
                    chunk(i, 4 * w)
                        .chunks(4)
                        .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
                        .take_while(|&c| c != 0)
                        .filter_map(char::from_u32)
                        .collect()
                })
                .collect(),
        ),
        _ => return Err(format!("unsupported dtype {dtype}")),
    })
}
