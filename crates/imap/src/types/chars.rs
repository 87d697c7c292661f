//! Character classes of the IMAP grammar (RFC 3501 §9, RFC 9051 §9).

const ATOM: u8 = 1;
const ASTRING: u8 = 2;
const TAG: u8 = 4;
const LIST: u8 = 8;
const KEYWORD: u8 = 16;
const FETCH_NAME: u8 = 32;
const SECTION_NAME: u8 = 64;

const fn classes_of(b: u8) -> u8 {
    let atom = matches!(b, 0x21..=0x7e)
        && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\' | b']');
    let astring = atom || b == b']';
    let tag = astring && b != b'+';
    let list = astring || b == b'%' || b == b'*';
    let keyword = atom && !matches!(b, b'[' | b'<' | b'.');
    let fetch_name = b.is_ascii_alphanumeric() || b == b'.';
    let section_name = b.is_ascii_alphabetic() || b == b'.';
    let mut classes = 0;
    if atom {
        classes |= ATOM;
    }
    if astring {
        classes |= ASTRING;
    }
    if tag {
        classes |= TAG;
    }
    if list {
        classes |= LIST;
    }
    if keyword {
        classes |= KEYWORD;
    }
    if fetch_name {
        classes |= FETCH_NAME;
    }
    if section_name {
        classes |= SECTION_NAME;
    }
    classes
}

/// The classes of every byte, looked up rather than recomputed: these tests run once per
/// byte of every atom, tag and mailbox name.
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = classes_of(b as u8);
        b += 1;
    }
    table
};

/// `CHAR` without `CTL`, minus the atom-specials: `( ) { SP % * " \ ]`.
pub const fn is_atom_char(b: u8) -> bool {
    CLASSES[b as usize] & ATOM != 0
}

/// `ASTRING-CHAR`: an atom char or `]`.
pub const fn is_astring_char(b: u8) -> bool {
    CLASSES[b as usize] & ASTRING != 0
}

/// A tag char: an `ASTRING-CHAR` other than `+`.
pub const fn is_tag_char(b: u8) -> bool {
    CLASSES[b as usize] & TAG != 0
}

/// `list-char`: an atom char, a list wildcard (`%`, `*`) or `]`.
pub const fn is_list_char(b: u8) -> bool {
    CLASSES[b as usize] & LIST != 0
}

/// A byte of a command or key name: an atom char other than `[`, `<` and `.`, which end the
/// name of a FETCH attribute.
pub(crate) const fn is_keyword_char(b: u8) -> bool {
    CLASSES[b as usize] & KEYWORD != 0
}

/// A byte of a FETCH attribute name (`RFC822.SIZE`, `BODY.PEEK`): a letter, digit or `.`.
pub(crate) const fn is_fetch_name_char(b: u8) -> bool {
    CLASSES[b as usize] & FETCH_NAME != 0
}

/// A byte of a section text name (`HEADER.FIELDS.NOT`): a letter or `.`.
pub(crate) const fn is_section_name_char(b: u8) -> bool {
    CLASSES[b as usize] & SECTION_NAME != 0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_grammar() {
        for b in 0..=255u8 {
            let atom = (0x21..=0x7e).contains(&b) && !b"(){%*\"\\]".contains(&b);
            assert_eq!(is_atom_char(b), atom, "atom {b:#x}");
            assert_eq!(is_astring_char(b), atom || b == b']', "astring {b:#x}");
            assert_eq!(
                is_tag_char(b),
                (atom || b == b']') && b != b'+',
                "tag {b:#x}"
            );
            let list = atom || b"]%*".contains(&b);
            assert_eq!(is_list_char(b), list, "list {b:#x}");
            assert_eq!(
                is_keyword_char(b),
                atom && !b"[<.".contains(&b),
                "keyword {b:#x}"
            );
            assert_eq!(
                is_fetch_name_char(b),
                b.is_ascii_alphanumeric() || b == b'.',
                "fetch name {b:#x}"
            );
            assert_eq!(
                is_section_name_char(b),
                b.is_ascii_alphabetic() || b == b'.',
                "section name {b:#x}"
            );
        }
        assert!(is_atom_char(b'A') && !is_atom_char(b' ') && !is_atom_char(0x80));
    }
}
