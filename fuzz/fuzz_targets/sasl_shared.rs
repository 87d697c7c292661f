//! The driver shared by the `sasl_server_*` targets: one server exchange fed with the fuzzer's
//! client responses, the application's answers chosen by the fuzzer too.

use mailwire_core::Secret;
use mailwire_sasl::{
    Mechanism, SaslError, ScramCredentials, ScramHash, ServerAuth, ServerConfig, ServerStep,
};

/// `data[0]` picks the answers and whether the first call has an initial response; the rest,
/// split at `\n`, are the client's responses in order.
pub fn run(mechanism: Mechanism, data: &[u8]) {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let config = ServerConfig::new("SNONCE", "fuzz.example")
        .expect("constant nonce is valid")
        .with_success_data_as_challenge(control & 0x80 != 0);
    let mut server = ServerAuth::new(mechanism, config);
    let mut responses = rest.split(|&b| b == b'\n');
    let first = if control & 1 == 0 {
        responses.next()
    } else {
        None
    };
    let mut answers = [control >> 1, control >> 3, control >> 5]
        .into_iter()
        .cycle();
    let mut result = server.step(first);
    // Each turn consumes a response or an answer; misuse loops are bounded by the count.
    for _ in 0..64 {
        result = match result {
            Ok(ServerStep::Challenge(_)) => match responses.next() {
                Some(response) => server.step(Some(response)),
                None => return,
            },
            Ok(ServerStep::Need(_)) | Err(SaslError::Misuse(_)) if !server.is_finished() => {
                answer(&mut server, answers.next().unwrap_or(0))
            }
            Ok(ServerStep::Success(_) | ServerStep::Failure(_)) => {
                assert!(server.is_finished());
                return;
            }
            Ok(ServerStep::Need(_)) | Err(SaslError::Misuse(_)) => return,
            Err(_) => {
                assert!(server.is_finished(), "a peer fault must end the exchange");
                return;
            }
        };
    }
}

fn answer(server: &mut ServerAuth, choice: u8) -> Result<ServerStep, SaslError> {
    let hash = server.mechanism().scram_hash().unwrap_or(ScramHash::Sha256);
    match choice % 6 {
        0 => server.accept(),
        1 => server.reject(),
        2 => server.provide_password(Secret::new("pencil".to_owned())),
        3 => {
            let creds = ScramCredentials::derive(hash, "pencil", b"salt", 1)
                .expect("constant credentials are valid");
            server.provide_scram_credentials(creds)
        }
        4 => server.reject_token(br#"{"status":"invalid_token"}"#.to_vec()),
        _ => Ok(server.cancel()),
    }
}
