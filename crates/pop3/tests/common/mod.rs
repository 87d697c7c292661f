//! A scripted POP3 application around the server session, shared by the test files.
#![allow(dead_code, clippy::unwrap_used)] // Each test file uses part of it; helpers may panic.

use std::time::{Duration, Instant};

use bytes::BytesMut;
use mailwire_core::Secret;
use mailwire_pop3::*;
use mailwire_sasl::{ScramCredentials, ServerConfig, ServerNeed};

#[derive(Clone)]
pub struct App {
    pub users: Vec<(&'static str, &'static str)>,
    pub messages: Vec<Vec<u8>>,
    pub chunk: usize,
    pub update_ok: bool,
    pub unreadable: bool,
}

impl Default for App {
    fn default() -> Self {
        Self {
            users: vec![
                ("alice", "secret"),
                ("mrose", "tanstaaf"),
                ("locked", "x"),
                ("down", "x"),
            ],
            messages: vec![
                b"Subject: one\n\n.hidden dot\nline two\n".to_vec(),
                b"Subject: two\r\n\r\n..\r\n.\r\nend without newline".to_vec(),
                b"Subject: three\n\nbody\n".to_vec(),
            ],
            chunk: 5,
            update_ok: true,
            unreadable: false,
        }
    }
}

pub struct Harness {
    pub session: ServerSession,
    pub now: Instant,
    pub out: Vec<u8>,
    pub log: Vec<String>,
    pub app: App,
}

impl Harness {
    pub fn new(options: ServerOptions, app: App) -> Self {
        let now = Instant::now();
        Self::wrap(ServerSession::new(options, now), now, app)
    }

    pub fn apop(options: ServerOptions, app: App, stamp: &str) -> Self {
        let now = Instant::now();
        Self::wrap(
            ServerSession::with_apop(options, now, stamp).unwrap(),
            now,
            app,
        )
    }

    pub fn sasl(options: ServerOptions, app: App) -> Self {
        let now = Instant::now();
        let config = ServerConfig::new("servernonce", "pop.example.test").unwrap();
        Self::wrap(ServerSession::new(options, now).with_sasl(config), now, app)
    }

    pub fn wrap(session: ServerSession, now: Instant, app: App) -> Self {
        let mut h = Self {
            session,
            now,
            out: Vec::new(),
            log: Vec::new(),
            app,
        };
        h.drain();
        h
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        self.session.handle_input(bytes);
        self.now += Duration::from_millis(10);
        self.session.handle_timeout(self.now);
        self.drain();
    }

    /// Takes what the server wrote since the last call.
    pub fn take_out(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    pub fn drain(&mut self) {
        loop {
            let mut progressed = false;
            while let Some(event) = self.session.poll_event() {
                progressed = true;
                self.answer(event);
            }
            let mut out = BytesMut::new();
            if self.session.poll_transmit(&mut out) > 0 {
                progressed = true;
                self.out.extend_from_slice(&out);
            }
            if progressed {
                continue;
            }
            // Let a delayed reply (failed login) go out; never let the client go idle.
            match self.session.poll_timeout() {
                Some(at) if at <= self.now + Duration::from_secs(60) => {
                    self.log.push(format!("waited {:?}", at - self.now));
                    self.now = at;
                    self.session.handle_timeout(at);
                }
                _ => return,
            }
        }
    }

    pub fn maildrop(&self) -> Vec<MaildropEntry> {
        self.app
            .messages
            .iter()
            .enumerate()
            .map(|(i, m)| MaildropEntry {
                size: wire_size(m),
                uid: Uid::try_from(format!("uid-{i}")).unwrap(),
            })
            .collect()
    }

    pub fn check_user(&mut self, user: &str, ok: bool) {
        let result = match (ok, user) {
            (true, "locked") => self.session.reject_login(LoginFailure::InUse),
            (true, "down") => self.session.reject_login(LoginFailure::Temporary),
            (true, _) => self.session.accept_login(self.maildrop()),
            (false, _) => self.session.reject_login(LoginFailure::BadCredentials),
        };
        result.unwrap();
    }

    pub fn password_of(&self, user: &str) -> Option<&'static str> {
        self.app
            .users
            .iter()
            .find(|(u, _)| *u == user)
            .map(|(_, p)| *p)
    }

    pub fn sasl_need(&mut self, mechanism: SaslMechanism, need: ServerNeed) {
        let answer = match need {
            ServerNeed::CheckPassword {
                authcid, password, ..
            } => {
                let ok = self.password_of(&authcid) == Some(password.expose().as_str());
                self.log.push(format!("sasl-check {authcid} {ok}"));
                if ok {
                    SaslAnswer::Accept
                } else {
                    SaslAnswer::Reject
                }
            }
            ServerNeed::CramMd5Password { username } => match self.password_of(&username) {
                Some(p) => SaslAnswer::Password(Secret::new(p.to_owned())),
                None => SaslAnswer::Reject,
            },
            ServerNeed::ScramCredentials { username, .. } => match self.password_of(&username) {
                Some(p) => SaslAnswer::ScramCredentials(
                    ScramCredentials::derive(mechanism.scram_hash().unwrap(), p, b"salt", 4096)
                        .unwrap(),
                ),
                None => SaslAnswer::Reject,
            },
            other => panic!("unexpected need {other:?}"),
        };
        self.session.sasl_answer(answer).unwrap();
    }

    pub fn answer(&mut self, event: ServerEvent) {
        match event {
            ServerEvent::StartTls => {
                self.log.push(String::from("starttls"));
                self.session.tls_established().unwrap();
            }
            ServerEvent::Login(request) => {
                let ok = self
                    .app
                    .users
                    .iter()
                    .any(|(u, p)| *u == request.user && request.password_matches(p.as_bytes()));
                let kind = match request.credentials {
                    Credentials::Password(_) => "pass",
                    Credentials::Apop { .. } => "apop",
                    _ => "other",
                };
                self.log.push(format!("login {} {kind} {ok}", request.user));
                self.check_user(&request.user.clone(), ok);
            }
            ServerEvent::SaslNeed { mechanism, need } => self.sasl_need(mechanism, need),
            ServerEvent::SaslSuccess(success) => {
                let user = success.identity().unwrap().to_owned();
                self.log.push(format!("sasl-success {user}"));
                self.check_user(&user, true);
            }
            ServerEvent::Retrieve { message, top_lines } => {
                self.log.push(format!("retrieve {message} {top_lines:?}"));
                if self.app.unreadable {
                    self.session.message_failed().unwrap();
                    return;
                }
                let data = self.app.messages[message.index()].clone();
                for chunk in data.chunks(self.app.chunk) {
                    if !self.session.message_data(chunk).unwrap() {
                        break;
                    }
                }
                self.session.message_end().unwrap();
            }
            ServerEvent::Update { deleted } => {
                let deleted: Vec<u32> = deleted.iter().map(|n| n.get()).collect();
                self.log.push(format!("update {deleted:?}"));
                if self.app.update_ok {
                    self.session.update_done().unwrap();
                } else {
                    self.session.update_failed().unwrap();
                }
            }
            other => panic!("unexpected event {other:?}"),
        }
    }
}
