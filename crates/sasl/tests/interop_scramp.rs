//! SCRAM against an independent implementation: Python's `scramp`, over a pipe.
// Helpers outside `#[test]` functions unwrap too: a panic here is a failed assertion.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use mailwire_core::Secret;
use mailwire_sasl::*;

/// scramp as the client: prints client-first, reads server-first, prints client-final, reads
/// server-final and prints OK once it verified the server.
const SCRAMP_CLIENT: &str = r#"
import sys
from scramp import ScramClient
mech, user, password = sys.argv[1:4]
c = ScramClient([mech], user, password)
print(c.get_client_first(), flush=True)
c.set_server_first(sys.stdin.readline().rstrip("\n"))
print(c.get_client_final(), flush=True)
c.set_server_final(sys.stdin.readline().rstrip("\n"))
print("OK", flush=True)
"#;

/// scramp as the server, knowing one user: reads client-first, prints server-first, reads
/// client-final, and prints server-final if the proof is right (else it raises).
const SCRAMP_SERVER: &str = r#"
import sys
from scramp import ScramMechanism
mech, user, password = sys.argv[1:4]
m = ScramMechanism(mech)
info = m.make_auth_info(password, iteration_count=4096)
s = m.make_server(lambda name: info if name == user else None)
s.set_client_first(sys.stdin.readline().rstrip("\n"))
print(s.get_server_first(), flush=True)
s.set_client_final(sys.stdin.readline().rstrip("\n"))
print(s.get_server_final(), flush=True)
"#;

/// A Python child killed on drop, so a failed assertion leaves nothing running.
struct Peer {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Peer {
    fn start(script: &str, mech: Mechanism, user: &str, password: &str) -> Self {
        let mut child = Command::new("python3")
            .args(["-c", script, mech.name(), user, password])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Peer {
            child,
            stdin,
            stdout,
        }
    }

    fn send(&mut self, message: &[u8]) {
        self.stdin.write_all(message).unwrap();
        self.stdin.write_all(b"\n").unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Vec<u8> {
        let mut line = String::new();
        self.stdout.read_line(&mut line).unwrap();
        assert!(line.ends_with('\n'), "scramp stopped early");
        line.pop();
        line.into_bytes()
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const USERS: [(&str, &str); 3] = [
    ("user", "pencil"),
    ("us,er=name", "pass word,="),
    ("ünïcödé", "pässwörd\u{00A0}with nbsp"),
];

#[test]
#[ignore = "needs python3 with scramp (installed by .ci/run)"]
fn our_server_against_scramp_client() {
    for mech in [Mechanism::ScramSha1, Mechanism::ScramSha256] {
        for (user, password) in USERS {
            let mut peer = Peer::start(SCRAMP_CLIENT, mech, user, password);
            let config = ServerConfig::new("ServerNonce123", "h").unwrap();
            let mut server = ServerAuth::new(mech, config);
            let ServerStep::Need(ServerNeed::ScramCredentials { username, authzid }) =
                server.step(Some(&peer.receive())).unwrap()
            else {
                panic!("{mech}: expected a credentials need");
            };
            assert_eq!((username.as_str(), authzid), (user, None));
            let hash = mech.scram_hash().unwrap();
            let creds =
                ScramCredentials::derive(hash, password, b"sixteen byte salt", 4096).unwrap();
            let ServerStep::Challenge(first) = server.provide_scram_credentials(creds).unwrap()
            else {
                panic!()
            };
            peer.send(&first);
            let ServerStep::Success(success) = server.step(Some(&peer.receive())).unwrap() else {
                panic!("{mech} {user}: scramp's proof must be accepted");
            };
            peer.send(&success.additional_data.unwrap());
            assert_eq!(
                peer.receive(),
                b"OK",
                "scramp verified our server signature"
            );
        }
    }
}

#[test]
#[ignore = "needs python3 with scramp (installed by .ci/run)"]
fn our_client_against_scramp_server() {
    for mech in [Mechanism::ScramSha1, Mechanism::ScramSha256] {
        for (user, password) in USERS {
            let mut peer = Peer::start(SCRAMP_SERVER, mech, user, password);
            let hash = mech.scram_hash().unwrap();
            let mut client = ClientAuth::scram(
                hash,
                None,
                user,
                Secret::new(password.into()),
                "ClientNonce456",
            )
            .unwrap();
            peer.send(&client.initial_response().unwrap());
            let server_first = peer.receive();
            peer.send(&client.step(&server_first).unwrap());
            let server_final = peer.receive();
            assert!(
                server_final.starts_with(b"v="),
                "{mech} {user}: scramp accepted our proof"
            );
            client.finish(Some(&server_final)).unwrap();
        }
    }
}

#[test]
#[ignore = "needs python3 with scramp (installed by .ci/run)"]
fn scramp_refuses_our_wrong_password() {
    let mut peer = Peer::start(SCRAMP_SERVER, Mechanism::ScramSha256, "user", "pencil");
    let mut client = ClientAuth::scram(
        ScramHash::Sha256,
        None,
        "user",
        Secret::new("crayon".into()),
        "ClientNonce456",
    )
    .unwrap();
    peer.send(&client.initial_response().unwrap());
    let server_first = peer.receive();
    peer.send(&client.step(&server_first).unwrap());
    let mut line = String::new();
    peer.stdout.read_line(&mut line).unwrap();
    assert_eq!(
        line, "",
        "scramp must not send a server-final for a wrong proof"
    );
}
