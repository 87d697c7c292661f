//! Address lists: never panics; owned copies equal the borrowed values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_message::{Address, parse_address_list};

fuzz_target!(|data: &[u8]| {
    let list = parse_address_list(data);
    let owned: Vec<Address<'static>> = list.iter().cloned().map(Address::into_owned).collect();
    assert_eq!(list, owned);
});
