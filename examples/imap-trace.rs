//! Reads a raw IMAP byte stream the way one side of a connection receives it, and prints one
//! line per message.
//!
//! ```text
//! cargo run --release --features imap --example imap-trace -- --commands client.bin --roundtrip
//! cargo run --release --features imap --example imap-trace -- --responses server.bin
//! ```
//!
//! `--commands` reads what a server receives: commands, with the lines of an AUTHENTICATE
//! exchange and the `DONE` that ends IDLE in between. `--responses` reads what a client
//! receives: responses and continuation requests. With `--roundtrip`, each message is encoded
//! again and must parse back to an equal value. The exit status is non-zero when any message
//! failed.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser};
use mailwire::imap::command::{
    CommandBody, parse_authenticate_data, parse_command, parse_idle_done,
};
use mailwire::imap::encode::Encode;
use mailwire::imap::framing::{FrameEvent, Framer, FramerOptions, Role};
use mailwire::imap::response::parse_response;
use mailwire::imap::{ParseOptions, parse_command_with, parse_response_with};

#[derive(Parser)]
#[command(about = "Parse a raw IMAP byte stream and print one line per message")]
#[command(group(ArgGroup::new("side").required(true).args(["commands", "responses"])))]
struct Args {
    /// The file holds what a client sent (read it as a server does).
    #[arg(long)]
    commands: bool,
    /// The file holds what a server sent (read it as a client does).
    #[arg(long)]
    responses: bool,
    /// Encode every message again and check that it parses back to an equal value.
    #[arg(long)]
    roundtrip: bool,
    /// Accept bare LF line ends.
    #[arg(long)]
    bare_lf: bool,
    /// Turn on every parse tolerance (doubled and trailing spaces, NIL for strings).
    #[arg(long)]
    lenient: bool,
    /// The byte stream.
    file: PathBuf,
}

/// What the next line from the client is, given the commands seen so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ClientState {
    Command,
    Authenticating,
    Idling,
}

struct Counts {
    messages: usize,
    failures: usize,
}

impl Counts {
    fn ok(&mut self, line: String) {
        self.messages += 1;
        println!("ok   {line}");
    }

    fn fail(&mut self, line: String) {
        self.messages += 1;
        self.failures += 1;
        println!("FAIL {line}");
    }
}

fn command_frame(
    frame: &[u8],
    state: &mut ClientState,
    opts: &ParseOptions,
    roundtrip: bool,
    counts: &mut Counts,
) {
    if *state == ClientState::Idling {
        *state = ClientState::Command;
        match parse_idle_done(frame) {
            Ok(()) => return counts.ok("DONE".into()),
            Err(e) => return counts.fail(format!("expected DONE: {e}")),
        }
    }
    if *state == ClientState::Authenticating {
        // The exchange goes on while the client sends SASL data; a command ends it.
        match parse_authenticate_data(frame) {
            Ok(d) => return counts.ok(format!("{d:?}")),
            Err(_) => *state = ClientState::Command,
        }
    }
    let cmd = match parse_command_with(frame, opts) {
        Ok(cmd) => cmd,
        Err(e) => return counts.fail(format!("{e}")),
    };
    match cmd.body {
        CommandBody::Idle => *state = ClientState::Idling,
        CommandBody::Authenticate { .. } => *state = ClientState::Authenticating,
        _ => {}
    }
    if roundtrip {
        let again = cmd.to_bytes();
        match parse_command(&again) {
            Ok(back) if back == cmd => {}
            Ok(back) => return counts.fail(format!("round trip changed {cmd:?} into {back:?}")),
            Err(e) => return counts.fail(format!("round trip of {cmd:?} does not parse: {e}")),
        }
    }
    counts.ok(format!("{cmd:?}"));
}

fn response_frame(frame: &[u8], opts: &ParseOptions, roundtrip: bool, counts: &mut Counts) {
    let r = match parse_response_with(frame, opts) {
        Ok(r) => r,
        Err(e) => return counts.fail(format!("{e}")),
    };
    if roundtrip {
        let again = r.to_bytes();
        match parse_response(&again) {
            Ok(back) if back == r => {}
            Ok(back) => return counts.fail(format!("round trip changed {r:?} into {back:?}")),
            Err(e) => return counts.fail(format!("round trip of {r:?} does not parse: {e}")),
        }
    }
    counts.ok(format!("{r:?}"));
}

fn main() -> ExitCode {
    let args = Args::parse();
    let input = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let role = if args.commands {
        Role::Server
    } else {
        Role::Client
    };
    let mut opts = FramerOptions::new(role);
    opts.allow_bare_lf = args.bare_lf;
    // Keep every message whole so that it can be parsed and printed as one value.
    opts.max_buffered = usize::try_from(opts.max_literal).unwrap_or(usize::MAX);
    let mut framer = Framer::new(opts);
    let parse_opts = if args.lenient {
        ParseOptions::lenient()
    } else {
        ParseOptions::default()
    };
    framer.push(&input);
    let mut counts = Counts {
        messages: 0,
        failures: 0,
    };
    let mut state = ClientState::Command;
    while let Some(event) = framer.next_event() {
        match event {
            FrameEvent::Message(frame) if args.commands => {
                command_frame(&frame, &mut state, &parse_opts, args.roundtrip, &mut counts)
            }
            FrameEvent::Message(frame) => {
                response_frame(&frame, &parse_opts, args.roundtrip, &mut counts)
            }
            // The trace plays the server that sends "+" to every synchronising literal.
            FrameEvent::ContinuationNeeded { .. } => {}
            FrameEvent::LiteralStart { .. } | FrameEvent::LiteralData(_) => {}
            FrameEvent::LiteralRefused { size, head } => counts.fail(format!(
                "literal of {size} bytes refused: {}",
                String::from_utf8_lossy(&head)
            )),
            FrameEvent::Discarded { reason, head } => {
                counts.fail(format!("{reason:?}: {}", String::from_utf8_lossy(&head)))
            }
        }
    }
    if framer.buffered() > 0 {
        counts.fail(format!(
            "{} bytes at the end do not form a whole message",
            framer.buffered()
        ));
    }
    println!(
        "messages: {}, failures: {}",
        counts.messages, counts.failures
    );
    if counts.failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
