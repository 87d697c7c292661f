//! The SASL server for anonymous fed with arbitrary client responses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_sasl::Mechanism;

mod sasl_shared;

fuzz_target!(|data: &[u8]| sasl_shared::run(Mechanism::Anonymous, data));
