//! Byte searches eight bytes at a time (SWAR), for the two hot loops: finding line ends and
//! finding the end of a quoted string.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Non-zero when some byte of `v` is zero.
#[inline]
const fn has_zero(v: u64) -> u64 {
    v.wrapping_sub(LO) & !v & HI
}

#[inline]
const fn splat(b: u8) -> u64 {
    LO * b as u64
}

/// The index of the first byte flagged in `mask` (bit 7 of each byte). Only the lowest flag of
/// the zero-byte test is exact (a borrow can flag bytes above a real hit), and it is the one
/// taken, so the hit chunk needs no second, byte-by-byte pass.
#[inline]
fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

#[inline]
fn find_by(
    h: &[u8],
    word_mask: impl Fn(u64) -> u64,
    byte_hit: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = h.chunks_exact(8);
    let mut base = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mask = word_mask(u64::from_le_bytes(w));
        if mask != 0 {
            return Some(base + first_flagged(mask));
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| byte_hit(b))
        .map(|p| base + p)
}

/// The first `\n` in `h`.
pub(crate) fn find_lf(h: &[u8]) -> Option<usize> {
    find_by(h, |v| has_zero(v ^ splat(b'\n')), |b| b == b'\n')
}

/// The first byte that ends a plain run inside a quoted string: `"`, `\`, CR, LF or NUL.
#[inline]
pub(crate) fn find_quoted_special(h: &[u8]) -> Option<usize> {
    find_by(
        h,
        |v| {
            has_zero(v ^ splat(b'"'))
                | has_zero(v ^ splat(b'\\'))
                | has_zero(v ^ splat(b'\r'))
                | has_zero(v ^ splat(b'\n'))
                | has_zero(v)
        },
        |b| matches!(b, b'"' | b'\\' | b'\r' | b'\n' | 0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_as_the_plain_search(h in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(find_lf(&h), h.iter().position(|&b| b == b'\n'));
            prop_assert_eq!(
                find_quoted_special(&h),
                h.iter().position(|&b| matches!(b, b'"' | b'\\' | b'\r' | b'\n' | 0))
            );
        }
    }
}
