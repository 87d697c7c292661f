//! Character classes of the IMAP grammar (RFC 3501 §9, RFC 9051 §9).

/// `CHAR` without `CTL`, minus the atom-specials: `( ) { SP % * " \ ]`.
pub const fn is_atom_char(b: u8) -> bool {
    matches!(b, 0x21..=0x7e) && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\' | b']')
}

/// `ASTRING-CHAR`: an atom char or `]`.
pub const fn is_astring_char(b: u8) -> bool {
    is_atom_char(b) || b == b']'
}

/// A tag char: an `ASTRING-CHAR` other than `+`.
pub const fn is_tag_char(b: u8) -> bool {
    is_astring_char(b) && b != b'+'
}

/// `list-char`: an atom char, a list wildcard (`%`, `*`) or `]`.
pub const fn is_list_char(b: u8) -> bool {
    is_astring_char(b) || b == b'%' || b == b'*'
}

/// `TEXT-CHAR`, widened to 8-bit bytes as UTF8=ACCEPT and real servers allow: anything but
/// NUL, CR and LF.
pub const fn is_text_char(b: u8) -> bool {
    !matches!(b, 0 | b'\r' | b'\n')
}

/// A byte allowed inside a quoted string (escaped or not).
pub const fn is_quoted_content(b: u8) -> bool {
    is_text_char(b)
}

/// `CHAR8`: any byte except NUL (the content of a non-binary literal).
pub const fn is_char8(b: u8) -> bool {
    b != 0
}
