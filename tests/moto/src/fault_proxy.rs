//! A proxy on 127.0.0.1 that fails the attempts it is told to (an error status, a throttling
//! body, a connection closed without an answer) and forwards the others to a real server, so
//! a client's retries meet the failures AWS gives. It records every request it was sent.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How one attempt is failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answers `status` with `body` (`text/html` when it is not JSON).
    Status { status: u16, body: &'static str },
    /// Reads the request and closes the connection without an answer.
    Close,
}

impl Fault {
    /// DynamoDB's 500: a modeled error the model does not mark retryable.
    pub const INTERNAL_ERROR: Fault = Fault::Status {
        status: 500,
        body: r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"injected"}"#,
    };
    /// A load balancer's 503 page.
    pub const UNAVAILABLE_PAGE: Fault = Fault::Status {
        status: 503,
        body: "<html><body><h1>503 Service Unavailable</h1></body></html>",
    };
    /// A 429 without a body.
    pub const TOO_MANY_REQUESTS: Fault = Fault::Status { status: 429, body: "" };
    /// A 400 whose body says `ThrottlingException`.
    pub const THROTTLED: Fault = Fault::Status {
        status: 400,
        body: r#"{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"}"#,
    };
}

/// A request the proxy was sent.
#[derive(Debug, Clone)]
pub struct Seen {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let found = self.headers.iter().find(|(header, _)| header.eq_ignore_ascii_case(name));
        found.map(|(_, value)| value.as_str())
    }
}

#[derive(Default)]
struct Shared {
    faults: VecDeque<Fault>,
    always: Option<Fault>,
    seen: Vec<Seen>,
}

/// The proxy: started by [`FaultProxy::start`], stopped when dropped.
pub struct FaultProxy {
    address: std::net::SocketAddr,
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FaultProxy {
    /// Listens on a free port of 127.0.0.1 and forwards to `upstream` (`http://host:port`).
    pub fn start(upstream: &str) -> io::Result<FaultProxy> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        let shared = Arc::new(Mutex::new(Shared::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let forward = Forward {
            upstream: upstream.trim_end_matches('/').to_owned(),
            agent: ureq::Agent::config_builder().http_status_as_error(false).build().into(),
        };
        let (shared_here, stop_here) = (Arc::clone(&shared), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop_here.load(Ordering::SeqCst) {
                    break;
                }
                let served = stream.and_then(|stream| serve(stream, &shared_here, &forward));
                if let Err(why) = served {
                    eprintln!("fault proxy: {why}");
                }
            }
        });
        Ok(FaultProxy { address, shared, stop, thread: Some(thread) })
    }

    /// The URL to send requests to.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Fails the next attempts with `faults`, one each, in order.
    pub fn fail_next(&self, faults: impl IntoIterator<Item = Fault>) {
        self.lock().faults.extend(faults);
    }

    /// Fails every attempt with `fault` (`None`: forward again).
    pub fn fail_always(&self, fault: Option<Fault>) {
        self.lock().always = fault;
    }

    /// The requests sent since the last call, in order.
    pub fn take_seen(&self) -> Vec<Seen> {
        std::mem::take(&mut self.lock().seen)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A status, headers and body.
type Answer = (u16, Vec<(String, String)>, Vec<u8>);

struct Forward {
    upstream: String,
    agent: ureq::Agent,
}

/// Headers the proxy writes itself, or that belong to one hop only.
const HOP_HEADERS: &[&str] = &["host", "content-length", "connection", "transfer-encoding"];

fn serve(stream: TcpStream, shared: &Mutex<Shared>, forward: &Forward) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut parts = request_line.split_whitespace();
    let (method, path) =
        (parts.next().unwrap_or("POST").to_owned(), parts.next().unwrap_or("/").to_owned());
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim_end().is_empty() {
            break;
        }
        if let Some((name, value)) = line.trim_end().split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let seen = Seen { headers, body: Vec::new() };
    let length = seen.header("content-length").and_then(|n| n.parse::<usize>().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let seen = Seen { body, ..seen };
    let fault = {
        let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
        shared.seen.push(seen.clone());
        shared.faults.pop_front().or_else(|| shared.always.clone())
    };
    let mut stream = stream;
    match fault {
        Some(Fault::Close) => Ok(()),
        Some(Fault::Status { status, body }) => {
            let content_type =
                if body.starts_with('{') { "application/x-amz-json-1.0" } else { "text/html" };
            let headers = vec![("Content-Type".to_owned(), content_type.to_owned())];
            respond(&mut stream, status, &headers, body.as_bytes())
        }
        None => {
            let (status, headers, body) = forward.send(&method, &path, &seen)?;
            respond(&mut stream, status, &headers, &body)
        }
    }
}

impl Forward {
    fn send(&self, method: &str, path: &str, seen: &Seen) -> io::Result<Answer> {
        let mut request =
            http::Request::builder().method(method).uri(format!("{}{path}", self.upstream));
        for (name, value) in &seen.headers {
            if !HOP_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                request = request.header(name, value);
            }
        }
        let request = request.body(seen.body.clone()).map_err(io::Error::other)?;
        let response = self.agent.run(request).map_err(io::Error::other)?;
        let status = response.status().as_u16();
        let headers = (response.headers().iter())
            .filter(|(name, _)| !HOP_HEADERS.contains(&name.as_str()))
            .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_owned())))
            .collect();
        let body = response.into_body().read_to_vec().map_err(io::Error::other)?;
        Ok((status, headers, body))
    }
}

/// Writes one answer and ends the connection (`Connection: close`), so a client never reuses it.
fn respond(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()));
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
