//! End to end: how long Python's poplib takes to download 1,000 messages from the
//! `pop3-server` example and from Dovecot, in the same run. Both serve the same Maildir
//! content on loopback; each is timed over several alternating rounds and the median printed.
//!
//! Needs python3 and Dovecot (`dovecot-pop3d`), and root for Dovecot's `nobody` user; prints
//! what is missing and stops otherwise. Run: `cargo bench -p mailwire-benches --bench pop3_e2e`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use mailwire_test_support::{free_port, release_example_binary, wait_for_port};

const MESSAGES: usize = 1000;
const ROUNDS: usize = 5;

/// Downloads every message once, then quits without deleting.
const SCRIPT: &str = r#"
import poplib, sys, time
poplib._MAXLINE = 100000
p = poplib.POP3("127.0.0.1", int(sys.argv[1]))
p.user("alice")
p.pass_("secret")
count, size = p.stat()
start = time.perf_counter()
total = 0
for n in range(1, count + 1):
    resp, lines, octets = p.retr(n)
    total += octets
elapsed = time.perf_counter() - start
p.quit()
print(count, total, elapsed)
"#;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let missing: Vec<&str> = [("python3", "--version"), ("dovecot", "--version")]
        .into_iter()
        .filter(|(program, arg)| Command::new(program).arg(arg).output().is_err())
        .map(|(program, _)| program)
        .collect();
    if !missing.is_empty() {
        println!("pop3_e2e: skipped, missing {missing:?}");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    std::fs::set_permissions(root, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let bytes = fill(&root.join("mail/alice"));
    fill(&root.join("home/alice/Maildir"));
    let ours = start_ours(root);
    let dovecot = start_dovecot(root);
    println!("pop3_e2e: {MESSAGES} messages, {bytes} bytes stored, {ROUNDS} rounds each");
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..ROUNDS {
        for (i, port) in [ours.port, dovecot.port].into_iter().enumerate() {
            times[i].push(download(port));
        }
    }
    for (name, mut t) in ["pop3-server example", "dovecot"].into_iter().zip(times) {
        t.sort_by(f64::total_cmp);
        let median = t[t.len() / 2];
        let mib = bytes as f64 / (1 << 20) as f64 / median;
        println!(
            "pop3_e2e: {name:20} median {:8.1} ms  ({mib:6.1} MiB/s)  all {t:.3?}",
            median * 1e3
        );
    }
}

/// Writes the messages into a Maildir's `new/`; returns the bytes written.
fn fill(maildir: &Path) -> usize {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("mkdir");
    }
    let mut total = 0;
    for i in 0..MESSAGES {
        let mut m = format!(
            "From: sender{i}@example.test\nTo: alice@example.test\nSubject: message {i}\n\
             Message-ID: <{i}@example.test>\n\n"
        );
        for line in 0..(20 + i % 200) {
            if line % 17 == 0 {
                m.push('.');
            }
            m.push_str(&"lorem ipsum dolor sit amet ".repeat(2 + line % 3));
            m.push('\n');
        }
        total += m.len();
        std::fs::write(
            maildir.join(format!("new/{}.M{i}P1.bench", 1_700_000_000 + i)),
            m,
        )
        .expect("write");
    }
    total
}

fn download(port: u16) -> f64 {
    let output = Command::new("python3")
        .args(["-c", SCRIPT, &port.to_string()])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fields: Vec<&str> = stdout.split_whitespace().collect();
    assert_eq!(fields[0], MESSAGES.to_string(), "{stdout}");
    fields[2].parse().expect("seconds")
}

struct Peer {
    port: u16,
    child: Option<Child>,
    pid_file: Option<PathBuf>,
}

impl Drop for Peer {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(pid) = self
            .pid_file
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
        {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
    }
}

fn start_ours(root: &Path) -> Peer {
    let (port, tls_port) = (free_port(), free_port());
    let child = Command::new(release_example_binary(
        "pop3-server",
        "pop3,sasl,core,maildir",
    ))
    .args(["--listen", &format!("127.0.0.1:{port}")])
    .args(["--listen-tls", &format!("127.0.0.1:{tls_port}")])
    .arg("--maildir")
    .arg(root.join("mail"))
    .args(["--user", "alice:secret", "--allow-plaintext"])
    .stdout(Stdio::null())
    .spawn()
    .expect("the example starts");
    let peer = Peer {
        port,
        child: Some(child),
        pid_file: None,
    };
    wait_for_port(port);
    peer
}

fn start_dovecot(root: &Path) -> Peer {
    let t = root.display();
    let port = free_port();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).expect("rcgen");
    std::fs::write(root.join("cert.pem"), cert.cert.pem()).expect("write");
    std::fs::write(root.join("key.pem"), cert.key_pair.serialize_pem()).expect("write");
    std::fs::write(root.join("passwd"), "alice:{PLAIN}secret\n").expect("write");
    std::fs::write(
        root.join("dovecot.conf"),
        format!(
            "base_dir = {t}/run\nlog_path = {t}/dovecot.log\nprotocols = pop3\n\
             listen = 127.0.0.1\nssl = yes\nssl_cert = <{t}/cert.pem\nssl_key = <{t}/key.pem\n\
             disable_plaintext_auth = no\nauth_mechanisms = plain login\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%n {t}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={t}/home/%n\n}}\n\
             mail_location = maildir:~/Maildir\n\
             service pop3-login {{\n  inet_listener pop3 {{\n    port = {port}\n  }}\n  \
             inet_listener pop3s {{\n    port = 0\n  }}\n}}\n"
        ),
    )
    .expect("write");
    let _ = Command::new("chown")
        .args(["-R", "nobody:nogroup"])
        .arg(root.join("home"))
        .status();
    let status = Command::new("dovecot")
        .arg("-c")
        .arg(root.join("dovecot.conf"))
        .status()
        .expect("dovecot runs");
    assert!(status.success());
    let peer = Peer {
        port,
        child: None,
        pid_file: Some(root.join("run/master.pid")),
    };
    wait_for_port(port);
    peer
}
