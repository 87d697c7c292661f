//! Round-trips of the core types: `parse(encode(x)) == x`.

use proptest::prelude::*;

use crate::encode::Writer;
use crate::parse::core as p;
use crate::strategies as s;

macro_rules! round_trip {
    ($name:ident, $strat:expr, $enc:ident, $parse:expr) => {
        proptest! {
            #[test]
            fn $name(v in $strat) {
                let mut w = Writer::new();
                w.$enc(&v);
                // A trailing byte proves the parser stops where the value ends.
                w.raw(b")");
                let bytes = w.into_bytes();
                let (rest, back) = $parse(&bytes[..]).expect("parses");
                prop_assert_eq!(rest, &b")"[..]);
                prop_assert_eq!(back, v);
            }
        }
    };
}

round_trip!(atoms, s::atom(), atom, p::atom);
round_trip!(strings, s::istring(), string, p::string);
round_trip!(nstrings, s::nstring(), nstring, p::nstring);
round_trip!(astrings, s::astring(), astring, p::astring);
round_trip!(mailboxes, s::mailbox(), mailbox, p::mailbox);
round_trip!(
    sequence_sets,
    s::sequence_set(),
    sequence_set,
    p::sequence_set
);
round_trip!(flags, s::flag(), flag, p::flag);
round_trip!(dates, s::date(), date, p::date);
round_trip!(date_times, s::date_time(), date_time, p::date_time);

proptest! {
    #[test]
    fn tags(t in s::tag()) {
        let (rest, back) = p::imap_tag(format!("{t} ").as_bytes()).map(|(r, t)| (r.to_vec(), t.as_str().to_owned())).expect("parses");
        prop_assert_eq!(rest, b" ".to_vec());
        prop_assert_eq!(back, t.as_str());
    }
}
