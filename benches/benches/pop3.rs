//! POP3: response parsing, and RETR streaming through the server session (MiB/s).

use std::hint::black_box;
use std::time::Instant;

use bytes::BytesMut;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mailwire_pop3::{
    BodyLine, Capability, ClientEvent, ClientOptions, ClientSession, MaildropEntry, MessageNumber,
    Reply, ScanListing, ServerEvent, ServerOptions, ServerSession, Uid, UidListing, wire_size,
};

/// A server and client exchange of typical responses, one line each.
const RESPONSES: &[&[u8]] = &[
    b"+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>",
    b"+OK 2 320",
    b"-ERR [IN-USE] Do you have another POP session running?",
    b"-ERR [SYS/TEMP] Problem creating lock file, please try later",
    b"+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UuZXhhbXBsZS5uZXQ+",
    b"+OK 120 octets",
];

fn parsing(c: &mut Criterion) {
    let bytes: usize = RESPONSES.iter().map(|l| l.len() + 2).sum();
    let mut group = c.benchmark_group("pop3_parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("status_lines", |b| {
        b.iter(|| {
            for line in RESPONSES {
                black_box(Reply::parse(black_box(line)).is_ok());
            }
        });
    });
    let capa: &[&[u8]] = &[
        b"TOP",
        b"USER",
        b"SASL SCRAM-SHA-256 CRAM-MD5 PLAIN",
        b"RESP-CODES",
        b"PIPELINING",
        b"EXPIRE 60",
        b"UIDL",
        b"IMPLEMENTATION Shlemazle-Plotz-v302",
    ];
    group.throughput(Throughput::Bytes(
        capa.iter().map(|l| l.len() as u64 + 2).sum(),
    ));
    group.bench_function("capability_lines", |b| {
        b.iter(|| {
            for line in capa {
                black_box(Capability::parse(black_box(line)).is_ok());
            }
        });
    });
    group.throughput(Throughput::Bytes(30));
    group.bench_function("listing_lines", |b| {
        b.iter(|| {
            black_box(ScanListing::parse(black_box(b"1234 56789")).is_ok());
            black_box(UidListing::parse(black_box(b"2 QhdPYR:00WBw1Ph7x7")).is_ok());
            black_box(BodyLine::parse(black_box(b"..stuffed")));
        });
    });
    group.finish();
}

/// A 1 MiB message of 78-byte lines stored with LF, a few starting with a dot.
fn message() -> Vec<u8> {
    let mut m = b"Subject: benchmark\n\n".to_vec();
    let mut i = 0;
    while m.len() < 1 << 20 {
        if i % 50 == 0 {
            m.extend_from_slice(b".");
        }
        m.extend(std::iter::repeat_n(b'a' + (i % 26) as u8, 77));
        m.push(b'\n');
        i += 1;
    }
    m
}

fn logged_in_server(size: u64) -> ServerSession {
    let options = ServerOptions {
        allow_cleartext_login_without_tls: true,
        ..ServerOptions::default()
    };
    let mut server = ServerSession::new(options, Instant::now());
    server.handle_input(b"USER a\r\nPASS b\r\n");
    let Some(ServerEvent::Login(_)) = server.poll_event() else {
        unreachable!("USER and PASS ask for a login")
    };
    let uid = Uid::try_from("1").expect("a valid uid");
    server
        .accept_login(vec![MaildropEntry { size, uid }])
        .expect("a login is pending");
    server.poll_transmit(&mut BytesMut::new());
    server
}

fn retr_streaming(c: &mut Criterion) {
    let message = message();
    let mut group = c.benchmark_group("pop3_retr");
    group.throughput(Throughput::Bytes(message.len() as u64));
    group.bench_function("server_64k_chunks", |b| {
        let mut server = logged_in_server(wire_size(&message));
        let mut out = BytesMut::with_capacity(2 << 20);
        b.iter(|| {
            server.handle_input(b"RETR 1\r\n");
            let Some(ServerEvent::Retrieve { .. }) = server.poll_event() else {
                unreachable!("RETR asks for the message")
            };
            for chunk in message.chunks(64 * 1024) {
                server.message_data(chunk).expect("a retrieval is pending");
                server.poll_transmit(&mut out);
                out.clear();
            }
            server.message_end().expect("a retrieval is pending");
            server.poll_transmit(&mut out);
            black_box(out.len());
            out.clear();
        });
    });
    // The client side: the stuffed data of one RETR, fed in 16 KiB reads.
    let mut wire = BytesMut::new();
    {
        let mut server = logged_in_server(wire_size(&message));
        server.handle_input(b"RETR 1\r\n");
        server.poll_event();
        server
            .message_data(&message)
            .expect("a retrieval is pending");
        server.message_end().expect("a retrieval is pending");
        server.poll_transmit(&mut wire);
    }
    group.bench_function("client_16k_reads", |b| {
        b.iter(|| {
            let mut client = ClientSession::new(ClientOptions {
                allow_cleartext_login_without_tls: true,
                ..ClientOptions::default()
            });
            client.handle_input(b"+OK\r\n-ERR no CAPA\r\n");
            client.poll_event();
            client
                .retr(MessageNumber::new(1).expect("1 is a message number"))
                .expect("the session is open");
            let mut received = 0;
            for chunk in wire.chunks(16 * 1024) {
                client.handle_input(chunk);
                while let Some(event) = client.poll_event() {
                    if let ClientEvent::MessageData { data, .. } = event {
                        received += data.len();
                    }
                }
            }
            black_box(received);
        });
    });
    group.finish();
}

criterion_group!(benches, parsing, retr_streaming);
criterion_main!(benches);
