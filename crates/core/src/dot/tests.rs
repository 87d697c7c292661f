use super::*;
use proptest::prelude::*;

const CRLF: &[u8] = b"\r\n";

fn stuff(options: DotStufferOptions, chunks: &[&[u8]]) -> Vec<u8> {
    let mut stuffer = DotStuffer::new(options);
    let mut out = BytesMut::new();
    for chunk in chunks {
        stuffer.encode(chunk, &mut out);
    }
    stuffer.finish(&mut out);
    out.to_vec()
}

fn stuff_once(normalize: bool, content: &[u8]) -> Vec<u8> {
    stuff(
        DotStufferOptions {
            normalize_line_endings: normalize,
        },
        &[content],
    )
}

/// Everything one decoder run tells: content, consumed bytes of the whole input (if done),
/// bare LF and bare CR counts.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    content: Vec<u8>,
    end: Option<usize>,
    bare_lf: usize,
    bare_cr: usize,
}

fn unstuff(chunks: &[&[u8]]) -> Outcome {
    let mut unstuffer = DotUnstuffer::new();
    let mut out = BytesMut::new();
    let mut offset = 0;
    let mut end = None;
    for chunk in chunks {
        let decoded = unstuffer.decode(chunk, &mut out);
        assert_eq!(decoded.done, unstuffer.is_done());
        if decoded.done {
            if end.is_none() {
                end = Some(offset + decoded.consumed);
            } else {
                assert_eq!(decoded.consumed, 0, "nothing is used after the end");
            }
        } else {
            assert_eq!(decoded.consumed, chunk.len());
        }
        offset += chunk.len();
    }
    Outcome {
        content: out.to_vec(),
        end,
        bare_lf: unstuffer.bare_lf_count(),
        bare_cr: unstuffer.bare_cr_count(),
    }
}

fn unstuff_once(data: &[u8]) -> Outcome {
    unstuff(&[data])
}

/// Cuts `data` into pieces of the given sizes (cycled), the last piece taking the rest.
fn chunked<'a>(data: &'a [u8], sizes: &[usize]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    let mut rest = data;
    for &size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (piece, tail) = rest.split_at(size.clamp(1, rest.len()));
        pieces.push(piece);
        rest = tail;
    }
    pieces
}

/// Checks that splitting `data` at any one or two offsets decodes the same as one chunk.
fn assert_split_invariant(data: &[u8]) -> Outcome {
    let whole = unstuff_once(data);
    for i in 0..=data.len() {
        assert_eq!(unstuff(&[&data[..i], &data[i..]]), whole, "split at {i}");
        for j in i..=data.len() {
            let three = unstuff(&[&data[..i], &data[i..j], &data[j..]]);
            assert_eq!(three, whole, "split at {i} and {j}");
        }
    }
    whole
}

/// A straightforward reading of the rules over the whole input, to check the streaming decoder
/// against: a line starts at 0 and after CR or LF; a dot there is dropped; the data ends at a
/// line-start dot that follows CRLF (or the start) and is followed by CRLF.
fn reference_decode(data: &[u8]) -> Outcome {
    let mut content = Vec::new();
    let mut i = 0;
    let mut end = None;
    while i < data.len() {
        let line_start = i == 0 || data[i - 1] == b'\r' || data[i - 1] == b'\n';
        let after_crlf = i == 0 || (i >= 2 && &data[i - 2..i] == CRLF);
        if line_start && data[i] == b'.' {
            if after_crlf && data.get(i + 1..i + 3) == Some(CRLF) {
                end = Some(i + 3);
                break;
            }
        } else {
            content.push(data[i]);
        }
        i += 1;
    }
    let region = &data[..end.unwrap_or(data.len())];
    let bare_lf = (0..region.len())
        .filter(|&k| region[k] == b'\n' && (k == 0 || region[k - 1] != b'\r'))
        .count();
    let bare_cr = (0..region.len().saturating_sub(1))
        .filter(|&k| region[k] == b'\r' && region[k + 1] != b'\n')
        .count();
    Outcome {
        content,
        end,
        bare_lf,
        bare_cr,
    }
}

/// Line-ending normalisation the stuffer promises when `normalize_line_endings` is on.
fn normalized(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'\r' if content.get(i + 1) == Some(&b'\n') => {
                out.extend_from_slice(CRLF);
                i += 1;
            }
            b'\r' | b'\n' => out.extend_from_slice(CRLF),
            byte => out.push(byte),
        }
        i += 1;
    }
    if !out.is_empty() && !out.ends_with(CRLF) {
        out.extend_from_slice(CRLF);
    }
    out
}

/// What decoding gives back without normalisation: the content, CRLF-terminated.
fn crlf_terminated(content: &[u8]) -> Vec<u8> {
    let mut out = content.to_vec();
    if !out.is_empty() && !out.ends_with(CRLF) {
        out.extend_from_slice(CRLF);
    }
    out
}

#[test]
fn stuffing_known_answers() {
    let cases: &[(&[u8], bool, &[u8])] = &[
        (b"", true, b".\r\n"),
        (b"", false, b".\r\n"),
        (b".", true, b"..\r\n.\r\n"),
        (b"a\r\n.b\r\n", true, b"a\r\n..b\r\n.\r\n"),
        (b"a\r\n.b\r\n", false, b"a\r\n..b\r\n.\r\n"),
        (b"a.b\r\n..\r\n", true, b"a.b\r\n...\r\n.\r\n"),
        (b"x\n.\ny", true, b"x\r\n..\r\ny\r\n.\r\n"),
        (b"x\r.\ry", true, b"x\r\n..\r\ny\r\n.\r\n"),
        (b"x\r\r\n\n", true, b"x\r\n\r\n\r\n.\r\n"),
        // Without normalisation bare CR and LF pass through, but a dot after them is doubled
        // anyway so that no lenient receiver sees a lone dot line.
        (b"x\n.\ny", false, b"x\n..\ny\r\n.\r\n"),
        (b"x\r.\r", false, b"x\r..\r\r\n.\r\n"),
        (b"end\r\n", false, b"end\r\n.\r\n"),
        (b"end\n", false, b"end\n\r\n.\r\n"),
    ];
    for &(content, normalize, expected) in cases {
        let got = stuff_once(normalize, content);
        assert_eq!(
            got,
            expected,
            "{:?} normalize={normalize}: got {:?}",
            String::from_utf8_lossy(content),
            String::from_utf8_lossy(&got)
        );
        for i in 0..=content.len() {
            let options = DotStufferOptions {
                normalize_line_endings: normalize,
            };
            assert_eq!(stuff(options, &[&content[..i], &content[i..]]), expected);
            let bytes: Vec<&[u8]> = content.chunks(1).collect();
            assert_eq!(stuff(options, &bytes), expected);
        }
    }
}

#[test]
fn cr_and_lf_split_across_chunks_make_one_line_ending() {
    let options = DotStufferOptions::default();
    assert_eq!(
        stuff(options, &[b"a\r", b"\n.b\r", b"", b"\n"]),
        b"a\r\n..b\r\n.\r\n"
    );
    assert_eq!(stuff(options, &[b"a\r", b"\r", b"\n"]), b"a\r\n\r\n.\r\n");
}

#[test]
fn stuffer_is_reusable_after_finish() {
    let mut stuffer = DotStuffer::new(DotStufferOptions::default());
    let mut out = BytesMut::new();
    stuffer.encode(b"one\r", &mut out);
    stuffer.finish(&mut out);
    stuffer.encode(b"\n.two", &mut out);
    stuffer.finish(&mut out);
    assert_eq!(&out[..], b"one\r\n.\r\n\r\n..two\r\n.\r\n");
    assert!(stuffer.options().normalize_line_endings);
}

#[test]
fn unstuffing_known_answers() {
    let cases: &[(&[u8], &[u8], Option<usize>)] = &[
        (b".\r\n", b"", Some(3)),
        (b".\r\nQUIT\r\n", b"", Some(3)),
        (b"a\r\n.\r\n", b"a\r\n", Some(6)),
        (b"..\r\n.\r\n", b".\r\n", Some(7)),
        (b"...x\r\n..\r\n.\r\nRSET\r\n", b"..x\r\n.\r\n", Some(13)),
        (b"a.\r\n.b\r\n", b"a.\r\nb\r\n", None),
        (b"\r\n.\r\n", b"\r\n", Some(5)),
        (b"a\r\n.", b"a\r\n", None),
        (b"a\r\n.\r", b"a\r\n", None),
    ];
    for &(data, content, end) in cases {
        let got = assert_split_invariant(data);
        assert_eq!(got.content, content, "{:?}", String::from_utf8_lossy(data));
        assert_eq!(got.end, end, "{:?}", String::from_utf8_lossy(data));
        assert_eq!((got.bare_lf, got.bare_cr), (0, 0));
    }
}

/// The end-of-data look-alikes used for SMTP smuggling (CVE-2023-51764, CVE-2023-51765,
/// CVE-2023-51766). None of them ends the data, in any chunking; each is counted as bare.
#[test]
fn smuggling_sequences_do_not_end_the_data() {
    let sequences: &[(&str, &[u8], usize, usize)] = &[
        ("LF.LF", b"\n.\n", 2, 0),
        ("CR.CR", b"\r.\r", 0, 2),
        ("LF.CRLF", b"\n.\r\n", 1, 0),
        ("CRLF.LF", b"\r\n.\n", 1, 0),
        ("CR.CRLF", b"\r.\r\n", 0, 1),
    ];
    let smuggled = b"MAIL FROM:<admin@victim.test>\r\nRCPT TO:<x@victim.test>\r\nDATA\r\n";
    for &(name, sequence, bare_lf, bare_cr) in sequences {
        let mut data = b"Subject: hi\r\n\r\nhello".to_vec();
        data.extend_from_slice(sequence);
        data.extend_from_slice(smuggled);
        data.extend_from_slice(b"\r\n.\r\nQUIT\r\n");
        let got = assert_split_invariant(&data);
        assert_eq!(got.end, Some(data.len() - 6), "{name} ended the data early");
        let content = String::from_utf8_lossy(&got.content);
        assert!(
            content.contains("MAIL FROM:<admin@victim.test>"),
            "{name}: {content:?}"
        );
        assert!(
            got.content.ends_with(b"DATA\r\n\r\n"),
            "{name}: {content:?}"
        );
        assert_eq!((got.bare_lf, got.bare_cr), (bare_lf, bare_cr), "{name}");
        assert_eq!(got, reference_decode(&data), "{name}");

        // The same look-alike at the very start of the data does not end it either.
        let mut at_start = sequence.to_vec();
        at_start.extend_from_slice(b"x\r\n.\r\n");
        let got = assert_split_invariant(&at_start);
        assert_eq!(got.end, Some(at_start.len()), "{name} at the start");
    }
}

#[test]
fn stuffed_smuggling_content_survives_the_round_trip() {
    let content = b"a\n.\nb\r.\rc\n.\r\nd\r\n.\ne\r.\r\nf";
    for normalize in [false, true] {
        let wire = stuff_once(normalize, content);
        let got = unstuff_once(&wire);
        assert_eq!(got.end, Some(wire.len()));
        let expected = if normalize {
            normalized(content)
        } else {
            crlf_terminated(content)
        };
        assert_eq!(got.content, expected, "normalize={normalize}");
    }
}

#[test]
fn bare_line_endings_are_counted() {
    let data = b"a\nb\rc\r\r\n\n.\r\n";
    let got = assert_split_invariant(data);
    // The last ".\r\n" follows a bare LF: its dot is a stuffing dot, not the end.
    assert_eq!(got.content, b"a\nb\rc\r\r\n\n\r\n");
    assert_eq!((got.bare_lf, got.bare_cr, got.end), (2, 2, None));
    let mut unstuffer = DotUnstuffer::new();
    assert!(!unstuffer.decode(b"clean\r\n", &mut BytesMut::new()).done);
    assert!(!unstuffer.saw_bare_line_ending());
    assert!(!unstuffer.decode(b"x\ny", &mut BytesMut::new()).done);
    assert!(unstuffer.saw_bare_line_ending());
}

#[test]
fn decoder_stops_at_the_end_and_resets() {
    let mut unstuffer = DotUnstuffer::default();
    let mut out = BytesMut::new();
    let input = b"m\n\r\n.\r\nNOOP\r\n";
    let decoded = unstuffer.decode(input, &mut out);
    assert_eq!(
        decoded,
        Decoded {
            consumed: 7,
            done: true
        }
    );
    assert_eq!(&input[decoded.consumed..], b"NOOP\r\n");
    let again = unstuffer.decode(b".\r\n", &mut out);
    assert_eq!(
        again,
        Decoded {
            consumed: 0,
            done: true
        }
    );
    assert_eq!(&out[..], b"m\n\r\n");
    assert_eq!(unstuffer.bare_lf_count(), 1);
    unstuffer.reset();
    assert!(!unstuffer.is_done());
    assert_eq!(unstuffer.bare_lf_count(), 0);
    out.clear();
    assert!(unstuffer.decode(b"..\r\n.\r\n", &mut out).done);
    assert_eq!(&out[..], b".\r\n");
}

fn content_strategy() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        3 => Just(b'.'),
        3 => Just(b'\r'),
        3 => Just(b'\n'),
        2 => Just(b'a'),
        1 => any::<u8>(),
    ];
    proptest::collection::vec(byte, 0..160)
}

fn chunks_strategy() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(1usize..24, 1..8)
}

proptest! {
    #[test]
    fn round_trip_with_normalisation(
        content in content_strategy(),
        encode_sizes in chunks_strategy(),
        decode_sizes in chunks_strategy(),
    ) {
        let options = DotStufferOptions { normalize_line_endings: true };
        let wire = stuff(options, &chunked(&content, &encode_sizes));
        prop_assert_eq!(&wire, &stuff(options, &[&content]));
        let got = unstuff(&chunked(&wire, &decode_sizes));
        prop_assert_eq!(got.end, Some(wire.len()));
        prop_assert_eq!(got.content, normalized(&content));
        prop_assert_eq!((got.bare_lf, got.bare_cr), (0, 0));
    }

    #[test]
    fn round_trip_without_normalisation(
        content in content_strategy(),
        encode_sizes in chunks_strategy(),
        decode_sizes in chunks_strategy(),
    ) {
        let options = DotStufferOptions { normalize_line_endings: false };
        let wire = stuff(options, &chunked(&content, &encode_sizes));
        prop_assert_eq!(&wire, &stuff(options, &[&content]));
        let got = unstuff(&chunked(&wire, &decode_sizes));
        prop_assert_eq!(got.end, Some(wire.len()));
        prop_assert_eq!(got.content, crlf_terminated(&content));
    }

    /// However a receiver splits lines (CRLF, CR or LF), stuffed content has no lone dot line:
    /// every dot that begins a line is followed by another dot.
    #[test]
    fn stuffed_content_has_no_lone_dot_for_any_reader(
        content in content_strategy(),
        normalize in any::<bool>(),
    ) {
        let wire = stuff_once(normalize, &content);
        let body = &wire[..wire.len() - 3];
        for (i, &byte) in body.iter().enumerate() {
            let line_start = i == 0 || body[i - 1] == b'\r' || body[i - 1] == b'\n';
            let doubled = i > 0 && body[i - 1] == b'.';
            if byte == b'.' && line_start && !doubled {
                prop_assert_eq!(body.get(i + 1), Some(&b'.'), "lone dot at {}", i);
            }
        }
    }

    #[test]
    fn decoder_matches_the_reference_in_any_chunking(
        data in content_strategy(),
        sizes in chunks_strategy(),
    ) {
        let mut data = data;
        data.extend_from_slice(b"\r\n.\r\n");
        let reference = reference_decode(&data);
        prop_assert!(reference.end.is_some());
        prop_assert_eq!(unstuff(&chunked(&data, &sizes)), reference);
    }
}
