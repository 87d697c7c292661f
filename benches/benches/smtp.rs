//! mailwire-smtp: command and reply parsing beside smtp-proto in the same run (elements are
//! commands or replies), and a whole SMTP transaction between a client and a server session in
//! memory (elements are messages).

use std::hint::black_box;

use bytes::{Bytes, BytesMut};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mailwire_smtp::client::{Client, ClientOptions, Envelope, Event as ClientEvent};
use mailwire_smtp::command::Command;
use mailwire_smtp::reply::Reply;
use mailwire_smtp::server::{Event, Server, ServerOptions};
use smtp_proto::Request;
use smtp_proto::response::parser::ResponseReceiver;

const COMMANDS: &[&[u8]] = &[
    b"EHLO client.example.org\r\n",
    b"MAIL FROM:<sender@example.org> SIZE=12345 BODY=8BITMIME\r\n",
    b"RCPT TO:<recipient@example.net> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;recipient@example.net\r\n",
    b"RCPT TO:<\"quoted local\"@[192.0.2.1]>\r\n",
    b"DATA\r\n",
    b"BDAT 1000 LAST\r\n",
    b"AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n",
    b"QUIT\r\n",
];

const REPLIES: &[&[u8]] = &[
    b"220 mx.example.org ESMTP ready\r\n",
    b"250-mx.example.org Hello\r\n250-SIZE 26214400\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-CHUNKING\r\n250-DSN\r\n250-ENHANCEDSTATUSCODES\r\n250 AUTH PLAIN LOGIN\r\n",
    b"250 2.1.0 Sender OK\r\n",
    b"550 5.1.1 No such user here\r\n",
    b"354 Start mail input; end with <CRLF>.<CRLF>\r\n",
    b"452-4.5.3 Too many\r\n452 4.5.3 recipients\r\n",
];

fn commands(c: &mut Criterion) {
    let mut group = c.benchmark_group("smtp_command_parse");
    group.throughput(Throughput::Elements(COMMANDS.len() as u64));
    group.bench_function("mailwire-smtp", |b| {
        b.iter(|| {
            for line in COMMANDS {
                // The framer hands the parser the line without its CRLF.
                let _ = black_box(Command::parse(black_box(&line[..line.len() - 2])));
            }
        });
    });
    group.bench_function("smtp-proto", |b| {
        b.iter(|| {
            for line in COMMANDS {
                let _ = black_box(Request::parse(&mut black_box(*line).iter()));
            }
        });
    });
    group.finish();
}

fn replies(c: &mut Criterion) {
    let mut group = c.benchmark_group("smtp_reply_parse");
    group.throughput(Throughput::Elements(REPLIES.len() as u64));
    group.bench_function("mailwire-smtp", |b| {
        b.iter(|| {
            for reply in REPLIES {
                let _ = black_box(Reply::parse(black_box(reply)));
            }
        });
    });
    group.bench_function("smtp-proto", |b| {
        b.iter(|| {
            for reply in REPLIES {
                let _ = black_box(ResponseReceiver::default().parse(&mut black_box(*reply).iter()));
            }
        });
    });
    group.finish();
}

/// EHLO, MAIL, two RCPT, DATA with a 1 KiB message, QUIT, both sessions in memory.
fn transaction(message: &Bytes) -> usize {
    let mut client = Client::new(ClientOptions::default());
    let mut server = Server::new(ServerOptions::default());
    let mut wire = BytesMut::new();
    let mut stored = 0;
    let mut sent = false;
    loop {
        let mut progress = false;
        while let Some(event) = server.poll_event() {
            progress = true;
            match event {
                Event::MessageData(data) => stored += data.len(),
                Event::MessageStart | Event::Reset => {}
                _ => server.accept().expect("a decision is pending"),
            }
        }
        server.poll_transmit(&mut wire);
        if !wire.is_empty() {
            progress = true;
            client.handle_input(&wire);
            wire.clear();
        }
        while let Some(event) = client.poll_event() {
            progress = true;
            match event {
                ClientEvent::Ready(_) if !sent => {
                    sent = true;
                    let envelope =
                        Envelope::new("<a@example.org>", ["<b@example.net>", "<c@example.net>"])
                            .expect("valid paths");
                    client
                        .send(envelope, message.clone())
                        .expect("client ready");
                }
                ClientEvent::Sent(_) => client.quit().expect("client ready"),
                _ => {}
            }
        }
        client.poll_transmit(&mut wire);
        if !wire.is_empty() {
            progress = true;
            server.handle_input(&wire);
            wire.clear();
        }
        if !progress {
            return stored;
        }
    }
}

fn sessions(c: &mut Criterion) {
    let mut body = b"From: a@example.org\r\nTo: b@example.net\r\nSubject: bench\r\n\r\n".to_vec();
    while body.len() < 1024 {
        body.extend_from_slice(b"The quick brown fox jumps over the lazy dog.\r\n.leading dot\r\n");
    }
    let message = Bytes::from(body);
    let mut group = c.benchmark_group("smtp_transaction");
    group.throughput(Throughput::Elements(1));
    group.bench_function("client+server in memory, 1 KiB, 2 recipients", |b| {
        b.iter(|| black_box(transaction(&message)));
    });
    group.finish();
}

criterion_group!(benches, commands, replies, sessions);
criterion_main!(benches);
