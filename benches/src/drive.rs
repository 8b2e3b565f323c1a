//! A load generator over kept-alive HTTP/1.1 connections (as browsers and
//! API clients use them), with `TCP_NODELAY` on its side: each connection
//! sends one request after another, either as fast as answers come (closed
//! loop) or on a fixed schedule (paced, latency counted from the scheduled
//! time so a slow answer is not hidden by the requests it delays).

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::time::Instant;

/// One kind of request to send again and again.
#[derive(Clone)]
pub struct Target {
    pub addr: SocketAddr,
    pub method: http::Method,
    pub path: String,
    pub cookie: Option<String>,
    /// A JSON body (sent with `content-type: application/json`).
    pub body: Option<Bytes>,
}

impl Target {
    /// `GET path`.
    pub fn get(addr: SocketAddr, path: &str) -> Self {
        Target {
            addr,
            method: http::Method::GET,
            path: path.to_string(),
            cookie: None,
            body: None,
        }
    }

    /// `POST path` with a JSON body.
    pub fn post_json(addr: SocketAddr, path: &str, body: &serde_json::Value) -> Self {
        Target {
            method: http::Method::POST,
            body: Some(Bytes::from(body.to_string())),
            ..Target::get(addr, path)
        }
    }

    /// The same request with a session cookie.
    pub fn with_cookie(mut self, cookie: &str) -> Self {
        self.cookie = Some(cookie.to_string());
        self
    }

    fn request(&self) -> hyper::Request<Full<Bytes>> {
        let mut req = hyper::Request::builder()
            .method(self.method.clone())
            .uri(&self.path)
            .header("host", self.addr.to_string())
            // A server function answers a caller that accepts HTML (a form
            // without script) with a redirect; JSON callers get JSON.
            .header(
                "accept",
                if self.body.is_some() {
                    "application/json"
                } else {
                    "text/html"
                },
            );
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        if self.body.is_some() {
            req = req.header("content-type", "application/json");
        }
        req.body(Full::new(self.body.clone().unwrap_or_default()))
            .expect("a request built from constants")
    }
}

/// What a run measured.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Answers with a 2xx status whose body arrived whole.
    pub ok: u64,
    /// Other statuses, broken bodies and connection failures.
    pub errors: u64,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

impl Stats {
    /// Successful requests per second.
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn from_times(mut times: Vec<Duration>, errors: u64, elapsed: Duration) -> Self {
        times.sort_unstable();
        let at = |q: f64| {
            times
                .get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1)))
                .copied()
                .unwrap_or_default()
        };
        Stats {
            ok: times.len() as u64,
            errors,
            elapsed,
            p50: at(0.50),
            p99: at(0.99),
        }
    }
}

/// Sends `target` on `connections` kept-alive connections for `duration`,
/// each as soon as the previous answer arrived.
pub async fn closed(target: &Target, connections: usize, duration: Duration) -> Stats {
    run(std::slice::from_ref(target), connections, duration, None).await
}

/// [`closed`] with a target per connection (connection `i` sends
/// `targets[i % len]`): several accounts signing in at once, each on its
/// own connection.
pub async fn closed_each(targets: &[Target], connections: usize, duration: Duration) -> Stats {
    run(targets, connections, duration, None).await
}

/// Sends `target` at `rate` requests per second in total, spread over
/// `connections` kept-alive connections, for `duration`.
pub async fn paced(target: &Target, connections: usize, rate: f64, duration: Duration) -> Stats {
    let interval = Duration::from_secs_f64(connections as f64 / rate);
    run(
        std::slice::from_ref(target),
        connections,
        duration,
        Some(interval),
    )
    .await
}

async fn run(
    targets: &[Target],
    connections: usize,
    duration: Duration,
    interval: Option<Duration>,
) -> Stats {
    let targets: Vec<Arc<Target>> = targets.iter().cloned().map(Arc::new).collect();
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::new();
    for i in 0..connections {
        let target = targets[i % targets.len()].clone();
        // Paced connections start spread over one interval.
        let offset = interval.map_or(Duration::ZERO, |iv| iv * i as u32 / connections as u32);
        tasks.push(tokio::spawn(connection(
            target,
            start + offset,
            deadline,
            interval,
        )));
    }
    let mut times = Vec::new();
    let mut errors = 0;
    for task in tasks {
        match task.await {
            Ok((t, e)) => {
                times.extend(t);
                errors += e;
            }
            Err(_) => errors += 1,
        }
    }
    Stats::from_times(times, errors, start.elapsed())
}

async fn connect(addr: SocketAddr) -> Option<SendRequest<Full<Bytes>>> {
    let stream = TcpStream::connect(addr).await.ok()?;
    stream.set_nodelay(true).ok()?;
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .ok()?;
    tokio::spawn(conn);
    Some(sender)
}

async fn connection(
    target: Arc<Target>,
    first: Instant,
    deadline: Instant,
    interval: Option<Duration>,
) -> (Vec<Duration>, u64) {
    let mut times = Vec::new();
    let mut errors = 0;
    let mut sender = None;
    let mut next = first;
    while Instant::now() < deadline {
        if interval.is_some() {
            tokio::time::sleep_until(next).await;
            if next >= deadline {
                break;
            }
        }
        if sender.is_none() {
            sender = connect(target.addr).await;
        }
        let Some(s) = sender.as_mut() else {
            errors += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let began = if interval.is_some() {
            next
        } else {
            Instant::now()
        };
        let ok = match s.send_request(target.request()).await {
            Ok(res) => {
                let status = res.status();
                res.into_body().collect().await.is_ok() && status.is_success()
            }
            Err(_) => {
                sender = None;
                false
            }
        };
        if ok {
            times.push(began.elapsed());
        } else {
            errors += 1;
        }
        if let Some(iv) = interval {
            next += iv;
        }
    }
    (times, errors)
}

/// One request on a fresh connection: the status and the whole body.
pub async fn once(target: &Target) -> Option<(u16, Bytes)> {
    let mut sender = connect(target.addr).await?;
    let res = sender.send_request(target.request()).await.ok()?;
    let status = res.status().as_u16();
    let body = res.into_body().collect().await.ok()?.to_bytes();
    Some((status, body))
}
