//! The server session fed scripted client input: RFC 5321 Appendix D scenarios, pipelining,
//! every extension, limits and attacks. Every scenario also runs with its input split at every
//! byte offset and one byte at a time, and must give the same replies and events.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a panic is a failed assertion

mod common;

use std::time::{Duration, Instant};

use bytes::BytesMut;
use mailwire_sasl::{Mechanism, ServerConfig};
use mailwire_smtp::reply::{EnhancedCode, Reply, ReplyCode};
use mailwire_smtp::server::{BareLineEndings, Event, Server, ServerOptions};

use common::{Transcript, answer};

fn drain(server: &mut Server, t: &mut Transcript) {
    while let Some(event) = server.poll_event() {
        answer(server, event, t);
    }
    let mut out = BytesMut::new();
    server.poll_transmit(&mut out);
    t.output.push_str(&String::from_utf8_lossy(&out));
}

fn run_chunks(options: &ServerOptions, chunks: &[&[u8]]) -> Transcript {
    let mut server = Server::new(options.clone());
    let mut t = Transcript::default();
    drain(&mut server, &mut t);
    for chunk in chunks {
        server.handle_input(chunk);
        drain(&mut server, &mut t);
    }
    t
}

/// Runs `input` whole, split at every offset, and byte by byte; all must agree.
fn run(options: &ServerOptions, input: &[u8]) -> Transcript {
    let whole = run_chunks(options, &[input]);
    for k in 1..input.len() {
        let split = run_chunks(options, &[&input[..k], &input[k..]]);
        assert_eq!(split, whole, "split at {k}");
    }
    let bytes: Vec<&[u8]> = input.chunks(1).collect();
    assert_eq!(run_chunks(options, &bytes), whole, "byte by byte");
    whole
}

fn replies(t: &Transcript) -> Vec<String> {
    t.output
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The codes of the last line of each reply, in order.
fn codes(t: &Transcript) -> Vec<u16> {
    replies(t)
        .iter()
        .filter(|l| l.as_bytes().get(3) != Some(&b'-'))
        .map(|l| l[..3].parse().unwrap())
        .collect()
}

fn opts() -> ServerOptions {
    ServerOptions {
        hostname: "foo.com".into(),
        ..ServerOptions::default()
    }
}

#[test]
fn appendix_d1_typical_transaction() {
    let input = b"EHLO bar.com\r\nMAIL FROM:<Smith@bar.com>\r\nRCPT TO:<Jones@foo.com>\r\nRCPT TO:<bad.Green@foo.com>\r\nRCPT TO:<Brown@foo.com>\r\nDATA\r\nBlah blah blah...\r\n..etc. etc. etc.\r\n.\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 250, 250, 550, 250, 354, 250, 221]);
    assert!(t.output.starts_with("220 foo.com ESMTP"));
    assert!(
        t.output
            .contains("250-foo.com Hello\r\n250-SIZE 26214400\r\n250-PIPELINING\r\n")
    );
    assert_eq!(
        t.messages,
        [b"Blah blah blah...\r\n.etc. etc. etc.\r\n".to_vec()]
    );
    assert!(
        t.events
            .iter()
            .any(|e| e.starts_with("MessageEnd { size: 36"))
    );
}

#[test]
fn appendix_d2_aborted_transaction() {
    let input =
        b"EHLO bar.com\r\nMAIL FROM:<Smith@bar.com>\r\nRCPT TO:<bad@foo.com>\r\nRSET\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 250, 550, 250, 221]);
    assert!(t.events.contains(&"Reset".to_owned()));
}

#[test]
fn appendix_d3_relayed_mail_and_d4_verify() {
    let input = b"HELO foo.com\r\nVRFY Crispin\r\nMAIL FROM:<JQP@bar.com>\r\nRCPT TO:<@hosta.int,@jkl.org:userc@d.bar.org>\r\nDATA\r\nDate: Thu, 21 May 1998 05:33:29 -0700\r\n\r\nHello\r\n.\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 252, 250, 250, 354, 250, 221]);
    assert!(
        t.events
            .iter()
            .any(|e| e.contains("userc") && !e.contains("hosta"))
    );
}

#[test]
fn pipelined_group_with_failures_inside() {
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nRCPT TO:<bad1@y.org>\r\nRCPT TO:<c@y.org>\r\nBOGUS\r\nDATA\r\nbody\r\n.\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<d@y.org>\r\nDATA\r\nsecond\r\n.\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(
        codes(&t),
        [
            220, 250, 250, 250, 550, 250, 500, 354, 250, 250, 250, 354, 250, 221
        ]
    );
    assert_eq!(t.messages, [b"body\r\n".to_vec(), b"second\r\n".to_vec()]);
}

#[test]
fn data_after_all_recipients_failed_gets_554_and_the_body_is_not_taken() {
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<bad1@y.org>\r\nRCPT TO:<bad2@y.org>\r\nDATA\r\nhello\r\n.\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 250, 550, 550, 554, 500, 500, 221]);
    assert!(t.messages.is_empty());
    assert!(!t.events.iter().any(|e| e.starts_with("Message")));
}

#[test]
fn sequence_errors() {
    let input = b"MAIL FROM:<a@x.org>\r\nEHLO c\r\nRCPT TO:<b@y.org>\r\nDATA\r\nMAIL FROM:<a@x.org>\r\nMAIL FROM:<a@x.org>\r\nDATA\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 503, 250, 503, 503, 250, 503, 503, 221]);
}

#[test]
fn smuggling_inputs_do_not_end_the_data() {
    for end in [
        &b"\n.\n"[..],
        b"\r\n.\n",
        b"\n.\r\n",
        b"\r.\r\n",
        b"\r\n.\r",
    ] {
        let mut input =
            b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nhello".to_vec();
        input.extend_from_slice(end);
        input.extend_from_slice(
            b"MAIL FROM:<evil@x.org>\r\nRCPT TO:<victim@y.org>\r\nDATA\r\nforged\r\n.\r\nQUIT\r\n",
        );
        // By default the whole message is refused after its real end, and the session goes on.
        let t = run(&opts(), &input);
        assert_eq!(codes(&t), [220, 250, 250, 250, 354, 554, 221], "{end:?}");
        assert!(
            t.output
                .contains("554 5.6.0 Message refused: bare <CR> or <LF> received\r\n")
        );
        assert!(t.events.iter().any(|e| e.starts_with("MessageAborted")));
        assert!(!t.events.iter().any(|e| e.starts_with("MessageEnd")));
        assert!(!t.events.iter().any(|e| e.contains("evil")));
        // Opted in: passed on, flagged, and still one message.
        let accept = ServerOptions {
            bare_line_endings: BareLineEndings::Accept,
            ..opts()
        };
        let t = run(&accept, &input);
        assert_eq!(codes(&t), [220, 250, 250, 250, 354, 250, 221], "{end:?}");
        assert_eq!(t.messages.len(), 1);
        assert!(t.messages[0].windows(6).any(|w| w == b"forged"));
        assert!(
            t.events
                .iter()
                .any(|e| e.contains("bare_line_endings: true"))
        );
        assert!(!t.events.iter().any(|e| e.contains("evil")));
    }
}

#[test]
fn bare_line_endings_refused_then_a_clean_message_is_taken() {
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nbare\ncr\rok\r\n.\r\nRCPT TO:<b@y.org>\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nclean\r\n.\r\nQUIT\r\n";
    let t = run(&opts(), input);
    // The refused message ends the transaction: the next RCPT needs a new MAIL.
    assert_eq!(
        codes(&t),
        [220, 250, 250, 250, 354, 554, 503, 250, 250, 354, 250, 221]
    );
    let ends: Vec<&String> = t
        .events
        .iter()
        .filter(|e| e.starts_with("Message") && !e.starts_with("MessageStart"))
        .collect();
    assert_eq!(ends.len(), 2);
    assert!(ends[0].starts_with("MessageAborted"));
    assert!(t.output.contains("\r\n554 5.6.0 "));
    assert!(ends[1].contains("bare_line_endings: false"));
    assert_eq!(t.messages[1], b"clean\r\n");
    // A CRLF-only message with CR and LF inside a CRLF pair is not affected.
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\n\r\n\r\n.\r\n";
    assert_eq!(codes(&run(&opts(), input)), [220, 250, 250, 250, 354, 250]);
}

#[test]
fn bdat_content_is_not_subject_to_the_bare_line_ending_policy() {
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nBDAT 7 LAST\r\na\nb\rc\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 250, 250, 250]);
    assert_eq!(t.messages, [b"a\nb\rc\r\n".to_vec()]);
}

#[test]
fn starttls_discards_injected_plaintext_and_resets() {
    let options = ServerOptions {
        starttls: true,
        ..opts()
    };
    let mut server = Server::new(options);
    let mut t = Transcript::default();
    drain(&mut server, &mut t);
    server.handle_input(b"EHLO c\r\n");
    drain(&mut server, &mut t);
    assert!(t.output.contains("250 STARTTLS\r\n"));
    server.handle_input(b"STARTTLS\r\nMAIL FROM:<inject@x.org>\r\n");
    drain(&mut server, &mut t);
    assert!(t.events.contains(&"StartTls".to_owned()));
    assert!(t.output.ends_with("220 2.0.0 Ready to start TLS\r\n"));
    // Bytes the transport hands over before the handshake completes are plaintext too.
    server.handle_input(b"RCPT TO:<x@y.org>\r\n");
    drain(&mut server, &mut t);
    assert!(t.output.ends_with("220 2.0.0 Ready to start TLS\r\n"));
    assert!(!server.is_tls());
    server.tls_established().unwrap();
    assert!(server.is_tls());
    // State is reset: MAIL before EHLO is out of sequence, and STARTTLS is no longer offered.
    server.handle_input(b"MAIL FROM:<a@x.org>\r\nEHLO c\r\nSTARTTLS\r\n");
    drain(&mut server, &mut t);
    let after = t.output.rsplit_once("Ready to start TLS\r\n").unwrap().1;
    assert!(after.starts_with("503 5.5.1"));
    assert!(!after.contains("STARTTLS"));
    assert!(after.contains("250 REQUIRETLS"));
    assert!(after.ends_with("503 5.5.1 TLS already active\r\n"));
    assert!(!t.events.iter().any(|e| e.contains("inject")));
}

#[test]
fn starttls_not_offered() {
    let t = run(&opts(), b"EHLO c\r\nSTARTTLS\r\nQUIT\r\n");
    assert_eq!(codes(&t), [220, 250, 502, 221]);
}

fn auth_opts() -> ServerOptions {
    ServerOptions {
        implicit_tls: true,
        auth_mechanisms: vec![
            Mechanism::ScramSha256,
            Mechanism::CramMd5,
            Mechanism::Plain,
            Mechanism::Login,
        ],
        ..opts()
    }
}

#[test]
fn auth_plain_and_login() {
    // PLAIN with an initial response ("\0alice\0secret").
    let t = run(
        &auth_opts(),
        b"EHLO c\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nMAIL FROM:<a@x.org>\r\nQUIT\r\n",
    );
    assert!(
        t.output
            .contains("AUTH SCRAM-SHA-256 CRAM-MD5 PLAIN LOGIN\r\n")
    );
    assert_eq!(codes(&t), [220, 250, 235, 250, 221]);
    assert!(t.output.contains("235 2.7.0 "));
    // PLAIN without an initial response: an empty 334 first.
    let t = run(
        &auth_opts(),
        b"EHLO c\r\nAUTH PLAIN\r\nAGFsaWNlAHNlY3JldA==\r\nQUIT\r\n",
    );
    assert_eq!(codes(&t), [220, 250, 334, 235, 221]);
    assert!(t.output.contains("\r\n334 \r\n"));
    // LOGIN: "Username:" and "Password:" challenges.
    let t = run(
        &auth_opts(),
        b"EHLO c\r\nAUTH LOGIN\r\nYWxpY2U=\r\nc2VjcmV0\r\nQUIT\r\n",
    );
    assert_eq!(codes(&t), [220, 250, 334, 334, 235, 221]);
    assert!(t.output.contains("334 VXNlcm5hbWU6\r\n"));
    // Wrong password, then cancel, then bad base64, then AUTH again after success.
    let t = run(&auth_opts(), b"EHLO c\r\nAUTH PLAIN AGFsaWNlAHdyb25n\r\nAUTH LOGIN\r\n*\r\nAUTH LOGIN\r\n!!\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nQUIT\r\n");
    assert_eq!(
        codes(&t),
        [220, 250, 535, 334, 501, 334, 501, 235, 503, 221]
    );
    assert!(t.output.contains("535 5.7.8 "));
    assert!(t.events.iter().any(|e| e.starts_with("AuthFailed")));
}

#[test]
fn auth_policies() {
    // Not over TLS: AUTH is not advertised and PLAIN needs encryption.
    let options = ServerOptions {
        implicit_tls: false,
        ..auth_opts()
    };
    let t = run(
        &options,
        b"EHLO c\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nAUTH CRAM-MD5\r\nQUIT\r\n",
    );
    assert!(!t.output.contains("AUTH"));
    assert_eq!(codes(&t), [220, 250, 538, 538, 221]);
    // Without the TLS requirement, only mechanisms that hide the password are offered.
    let options = ServerOptions {
        implicit_tls: false,
        require_tls_for_auth: false,
        ..auth_opts()
    };
    let t = run(
        &options,
        b"EHLO c\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nAUTH XOAUTH2\r\nQUIT\r\n",
    );
    assert!(t.output.contains("AUTH SCRAM-SHA-256 CRAM-MD5\r\n"));
    assert_eq!(codes(&t), [220, 250, 538, 504, 221]);
    // Submission: MAIL needs AUTH.
    let options = ServerOptions {
        require_auth: true,
        ..auth_opts()
    };
    let t = run(&options, b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nMAIL FROM:<a@x.org>\r\nQUIT\r\n");
    assert_eq!(codes(&t), [220, 250, 530, 235, 250, 221]);
    // No AUTH configured at all.
    let t = run(&opts(), b"EHLO c\r\nAUTH PLAIN =\r\nQUIT\r\n");
    assert_eq!(codes(&t), [220, 250, 502, 221]);
}

#[test]
fn auth_temporary_failure_chosen_by_the_application() {
    let mut server = Server::new(auth_opts());
    let mut out = BytesMut::new();
    server.handle_input(b"EHLO c\r\n");
    server.poll_event();
    server.accept().unwrap();
    server.handle_input(b"AUTH PLAIN =\r\n");
    assert!(matches!(
        server.poll_event(),
        Some(Event::AuthStart {
            mechanism: Mechanism::Plain
        })
    ));
    server
        .reject(Reply::new(
            ReplyCode::TEMPORARY_FAILURE,
            EnhancedCode::new(4, 7, 0),
            "Try later",
        ))
        .unwrap();
    server.poll_transmit(&mut out);
    assert!(out.ends_with(b"454 4.7.0 Try later\r\n"));
}

#[test]
fn endless_auth_attempts_are_cut_off() {
    let mut input = b"EHLO c\r\n".to_vec();
    for _ in 0..20 {
        input.extend_from_slice(b"AUTH PLAIN AGFsaWNlAHdyb25n\r\n");
    }
    let t = run_chunks(&auth_opts(), &[&input]);
    assert_eq!(codes(&t), [220, 250, 535, 535, 535, 421]);
}

#[test]
fn auth_failure_delay_holds_the_reply() {
    let options = ServerOptions {
        auth_failure_delay: Duration::from_secs(2),
        ..auth_opts()
    };
    let mut server = Server::new(options);
    let mut t = Transcript::default();
    let start = Instant::now();
    server.handle_input(b"EHLO c\r\nAUTH PLAIN AGFsaWNlAHdyb25n\r\nNOOP\r\n");
    drain(&mut server, &mut t);
    server.handle_timeout(start);
    assert_eq!(codes(&t), [220, 250]);
    assert_eq!(server.poll_timeout(), Some(start + Duration::from_secs(2)));
    server.handle_timeout(start + Duration::from_secs(1));
    drain(&mut server, &mut t);
    assert_eq!(codes(&t), [220, 250]);
    server.handle_timeout(start + Duration::from_secs(2));
    drain(&mut server, &mut t);
    assert_eq!(codes(&t), [220, 250, 535, 250]);
}

#[test]
fn size_limit_declared_and_enforced_while_reading() {
    let options = ServerOptions {
        max_message_size: Some(10),
        ..opts()
    };
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org> SIZE=11\r\nMAIL FROM:<a@x.org> SIZE=10\r\nRCPT TO:<b@y.org>\r\nDATA\r\n0123456789\r\nmore\r\n.\r\nQUIT\r\n";
    let t = run(&options, input);
    assert!(t.output.contains("250-SIZE 10\r\n"));
    assert_eq!(codes(&t), [220, 250, 552, 250, 250, 354, 552, 221]);
    assert!(t.events.iter().any(|e| e.starts_with("MessageAborted")));
    assert!(!t.events.iter().any(|e| e.starts_with("MessageEnd")));
    assert_eq!(t.messages, [b"0123456789".to_vec()]);
}

#[test]
fn bdat_chunks_and_last() {
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org> BODY=BINARYMIME\r\nRCPT TO:<b@y.org>\r\nBDAT 5\r\nhel\r\nBDAT 0\r\nBDAT 3 LAST\r\no\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert!(t.output.contains("250-CHUNKING\r\n250-BINARYMIME\r\n"));
    assert_eq!(codes(&t), [220, 250, 250, 250, 250, 250, 250, 221]);
    assert_eq!(t.messages, [b"hel\r\no\r\n".to_vec()]);
    assert!(t.output.contains("250 2.0.0 5 octets received\r\n"));
    // BDAT 0 LAST ends an empty message; DATA after BDAT and DATA with BINARYMIME are refused.
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nBDAT 0 LAST\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nBDAT 2\r\nabDATA\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(
        codes(&t),
        [220, 250, 250, 250, 250, 250, 250, 250, 503, 221]
    );
}

#[test]
fn bdat_refused_still_reads_the_chunk() {
    // No MAIL: the chunk's bytes (which look like commands) are read and dropped.
    let input = b"EHLO c\r\nBDAT 19 LAST\r\nRCPT TO:<x@y.org>\r\nQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 503, 221]);
    // All recipients refused: 554, and the message is not taken.
    let input =
        b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<bad@y.org>\r\nBDAT 4 LAST\r\nabcdQUIT\r\n";
    let t = run(&opts(), input);
    assert_eq!(codes(&t), [220, 250, 250, 550, 554, 221]);
    assert!(t.messages.is_empty());
    // Too big: 552 for the chunk and for the ones after it.
    let options = ServerOptions {
        max_message_size: Some(4),
        ..opts()
    };
    let input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nBDAT 5\r\n12345BDAT 1 LAST\r\n6MAIL FROM:<a@x.org>\r\nQUIT\r\n";
    let t = run(&options, input);
    assert_eq!(codes(&t), [220, 250, 250, 250, 552, 552, 250, 221]);
    // Without CHUNKING, BDAT is not a command.
    let options = ServerOptions {
        chunking: false,
        ..opts()
    };
    let t = run(&options, b"EHLO c\r\nBDAT 1 LAST\r\nQUIT\r\n");
    assert!(!t.output.contains("250-CHUNKING"));
    assert_eq!(codes(&t), [220, 250, 502, 221]);
    let t = run(
        &opts(),
        b"EHLO c\r\nMAIL FROM:<a@x.org> BODY=BINARYMIME\r\nRCPT TO:<b@y.org>\r\nDATA\r\nQUIT\r\n",
    );
    assert_eq!(codes(&t), [220, 250, 250, 250, 503, 221]);
}

#[test]
fn extension_parameters() {
    let input = "EHLO c\r\nMAIL FROM:<用户@例子.广告> SMTPUTF8 BODY=8BITMIME RET=HDRS ENVID=x+2By AUTH=<>\r\nRCPT TO:<θσερ@παράδειγμα.ελ> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;b@y.org\r\nRSET\r\nMAIL FROM:<用户@例子.广告>\r\nMAIL FROM:<a@x.org> X-FOO=1\r\nMAIL FROM:<a@x.org> REQUIRETLS\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<θσερ@παράδειγμα.ελ>\r\nQUIT\r\n";
    let t = run(&opts(), input.as_bytes());
    assert_eq!(
        codes(&t),
        [220, 250, 250, 250, 250, 553, 555, 555, 250, 553, 221]
    );
    assert!(t.output.contains("553 5.6.7 "));
    assert!(t.events.iter().any(|e| e.contains("envid: Some(\"x+y\")")));
    assert!(
        t.events
            .iter()
            .any(|e| e.contains("notify: Some(On { success: true, failure: false, delay: true })"))
    );
    // With TLS, REQUIRETLS is offered and passed to the application.
    let options = ServerOptions {
        implicit_tls: true,
        ..opts()
    };
    let t = run(
        &options,
        b"EHLO c\r\nMAIL FROM:<a@x.org> REQUIRETLS\r\nQUIT\r\n",
    );
    assert_eq!(codes(&t), [220, 250, 250, 221]);
    assert!(t.events.iter().any(|e| e.contains("requiretls: true")));
    // Extensions switched off are neither offered nor accepted.
    let options = ServerOptions {
        dsn: false,
        smtputf8: false,
        eightbitmime: false,
        enhanced_status_codes: false,
        ..opts()
    };
    let t = run(&options, b"EHLO c\r\nMAIL FROM:<a@x.org> RET=FULL\r\nMAIL FROM:<a@x.org> SMTPUTF8\r\nMAIL FROM:<a@x.org> BODY=8BITMIME\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org> NOTIFY=NEVER\r\nQUIT\r\n");
    assert_eq!(codes(&t), [220, 250, 555, 555, 555, 250, 555, 221]);
    assert!(!t.output.contains("250-DSN") && !t.output.contains("5.5.4"));
}

#[test]
fn vrfy_expn_help_noop() {
    let t = run(
        &opts(),
        b"EHLO c\r\nVRFY alice\r\nEXPN list\r\nHELP\r\nNOOP\r\nQUIT\r\n",
    );
    assert_eq!(codes(&t), [220, 250, 252, 252, 214, 250, 221]);
    let options = ServerOptions {
        verify_events: true,
        ..opts()
    };
    let mut server = Server::new(options);
    server.handle_input(b"VRFY alice\r\n");
    assert!(matches!(server.poll_event(), Some(Event::Verify { .. })));
    server
        .reject(Reply::new(
            ReplyCode::OK,
            EnhancedCode::new(2, 1, 5),
            "Alice <alice@x.org>",
        ))
        .unwrap();
    let mut out = BytesMut::new();
    server.poll_transmit(&mut out);
    assert!(out.ends_with(b"250 2.1.5 Alice <alice@x.org>\r\n"));
}

#[test]
fn lmtp_one_reply_per_recipient() {
    let options = ServerOptions {
        lmtp: true,
        ..opts()
    };
    let input = b"LHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nRCPT TO:<bad@y.org>\r\nRCPT TO:<c@y.org>\r\nDATA\r\nhi\r\n.\r\nEHLO c\r\nQUIT\r\n";
    let t = run(&options, input);
    assert!(t.output.starts_with("220 foo.com LMTP"));
    assert_eq!(
        codes(&t),
        [220, 250, 250, 250, 550, 250, 354, 250, 250, 500, 221]
    );
    // Per-recipient answers from the application.
    let mut server = Server::new(ServerOptions {
        lmtp: true,
        ..opts()
    });
    server.handle_input(b"LHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nRCPT TO:<c@y.org>\r\nDATA\r\nhi\r\n.\r\n");
    let mut ended = false;
    while let Some(event) = server.poll_event() {
        if matches!(event, Event::MessageEnd { .. }) {
            ended = true;
            let one = Reply::new(ReplyCode::OK, EnhancedCode::new(2, 0, 0), "ok");
            assert!(server.reply_per_recipient([one.clone()]).is_err());
            let full = Reply::new(
                ReplyCode::INSUFFICIENT_STORAGE,
                EnhancedCode::new(4, 2, 2),
                "Mailbox full",
            );
            server.reply_per_recipient([one, full]).unwrap();
        } else if !matches!(event, Event::MessageStart | Event::MessageData(_)) {
            server.accept().unwrap();
        }
    }
    assert!(ended);
    let mut out = BytesMut::new();
    server.poll_transmit(&mut out);
    assert!(out.ends_with(b"250 2.0.0 ok\r\n452 4.2.2 Mailbox full\r\n"));
}

#[test]
fn long_lines_are_refused_with_bounded_memory() {
    let mut server = Server::new(opts());
    let mut t = Transcript::default();
    drain(&mut server, &mut t);
    let chunk = vec![b'A'; 64 * 1024];
    for _ in 0..160 {
        server.handle_input(&chunk);
        drain(&mut server, &mut t);
        assert!(server.buffered_input() <= 64 * 1024 + 12288);
    }
    server.handle_input(b"\r\nNOOP\r\n");
    drain(&mut server, &mut t);
    assert_eq!(codes(&t), [220, 500, 250]);
    assert!(t.output.contains("500 5.5.2 Line too long"));
    // A command line over 512 octets (but under the AUTH limit) is refused too.
    let long = format!("NOOP {}\r\nNOOP\r\n", "x".repeat(600));
    let t = run_chunks(&opts(), &[long.as_bytes()]);
    assert_eq!(codes(&t), [220, 500, 250]);
}

#[test]
fn bare_lf_command_lines_are_refused() {
    let t = run(&opts(), b"EHLO c\nNOOP\r\n");
    assert_eq!(codes(&t), [220, 500, 250]);
}

#[test]
fn endless_recipients_get_452() {
    let mut input = b"EHLO c\r\nMAIL FROM:<a@x.org>\r\n".to_vec();
    for i in 0..150 {
        input.extend_from_slice(format!("RCPT TO:<u{i}@y.org>\r\n").as_bytes());
    }
    let t = run_chunks(&opts(), &[&input]);
    let c = codes(&t);
    assert_eq!(c.iter().filter(|&&c| c == 250).count(), 102);
    assert_eq!(c.iter().filter(|&&c| c == 452).count(), 50);
    assert!(t.output.contains("452 4.5.3 Too many recipients"));
}

#[test]
fn too_many_errors_and_idle_commands_close() {
    let mut input = Vec::new();
    for _ in 0..20 {
        input.extend_from_slice(b"BOGUS\r\n");
    }
    let t = run_chunks(&opts(), &[&input]);
    assert_eq!(codes(&t).len(), 12);
    assert!(
        t.output
            .ends_with("421 4.7.0 Too many errors, closing connection\r\n")
    );
    let mut input = Vec::new();
    for _ in 0..60 {
        input.extend_from_slice(b"NOOP\r\n");
    }
    let t = run_chunks(&opts(), &[&input]);
    assert_eq!(codes(&t).len(), 52);
    assert!(
        t.output
            .ends_with("421 4.7.0 Too many commands without a transaction\r\n")
    );
}

#[test]
fn pipelined_input_held_during_a_decision_is_bounded() {
    let mut server = Server::new(opts());
    server.handle_input(b"EHLO c\r\n");
    assert!(!server.wants_input());
    server.handle_input(&vec![b'N'; 70 * 1024]);
    assert!(server.should_close());
    let mut out = BytesMut::new();
    server.poll_transmit(&mut out);
    assert!(out.ends_with(b"421 4.7.0 Too much pipelined input\r\n"));
}

#[test]
fn timeouts_close_with_421() {
    let mut server = Server::new(opts());
    let mut t = Transcript::default();
    let start = Instant::now();
    drain(&mut server, &mut t);
    server.handle_timeout(start);
    assert_eq!(
        server.poll_timeout(),
        Some(start + Duration::from_secs(300))
    );
    server.handle_input(b"EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\n");
    drain(&mut server, &mut t);
    let later = start + Duration::from_secs(200);
    server.handle_timeout(later);
    // In the data the limit is 3 minutes from the last input.
    assert_eq!(
        server.poll_timeout(),
        Some(later + Duration::from_secs(180))
    );
    server.handle_timeout(later + Duration::from_secs(179));
    drain(&mut server, &mut t);
    assert!(!server.should_close());
    server.handle_timeout(later + Duration::from_secs(180));
    drain(&mut server, &mut t);
    assert!(server.should_close());
    assert!(
        t.output
            .ends_with("421 4.4.2 foo.com Timeout, closing connection\r\n")
    );
}

#[test]
fn misuse_is_reported() {
    let mut server = Server::new(opts());
    assert!(server.accept().is_err());
    assert!(server.tls_established().is_err());
    assert!(
        server
            .start_auth(ServerConfig::new("n", "h").unwrap())
            .is_err()
    );
    server.handle_input(b"EHLO c\r\n");
    server.poll_event();
    assert!(server.answer_auth(|a| a.accept()).is_err());
    server.accept().unwrap();
    assert!(server.accept().is_err());
}

#[test]
fn quit_closes() {
    let mut server = Server::new(opts());
    server.handle_input(b"QUIT\r\nNOOP\r\n");
    assert!(server.should_close());
    let mut out = BytesMut::new();
    server.poll_transmit(&mut out);
    assert!(out.ends_with(b"221 2.0.0 foo.com closing connection\r\n"));
}
