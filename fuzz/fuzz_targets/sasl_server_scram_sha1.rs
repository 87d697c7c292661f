//! The SASL server for scram_sha1 fed with arbitrary client responses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailwire_sasl::Mechanism;

mod sasl_shared;

fuzz_target!(|data: &[u8]| sasl_shared::run(Mechanism::ScramSha1, data));
