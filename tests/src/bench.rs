//! A small benchmark harness that reports ratios against a baseline measured in the same run.
//!
//! Why not criterion: every figure we publish is a ratio, and a ratio is only as good as the
//! conditions its two sides ran under. Here the subjects run *interleaved*, one sample each in
//! turn, so a noisy neighbour or a frequency change hits every side alike; each side gets a
//! warm-up, a calibrated number of iterations per sample, and many samples, and the figure is
//! the ratio of medians, with the min and max of the per-round ratios beside it. What a subject
//! returns is dropped inside the timed loop, as a program that decodes page after page drops
//! each (and as criterion's `iter` does): freeing is part of the work, and the allocator keeps
//! reusing warm memory.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One thing to time: a name and a closure.
pub struct Subject<'a> {
    pub name: &'a str,
    /// Runs the closure that many times and returns how long that took.
    sample: Box<dyn FnMut(u32) -> Duration + 'a>,
}

impl<'a> Subject<'a> {
    pub fn new<T>(name: &'a str, mut run: impl FnMut() -> T + 'a) -> Self {
        let sample = move |count: u32| {
            let start = Instant::now();
            for _ in 0..count {
                drop(black_box(run()));
            }
            start.elapsed()
        };
        Subject { name, sample: Box::new(sample) }
    }
}

/// The timings of one subject: time per iteration in each round.
#[derive(Debug, Clone)]
pub struct Timings {
    pub name: String,
    pub per_iteration: Vec<Duration>,
}

impl Timings {
    pub fn median(&self) -> Duration {
        median(&self.per_iteration)
    }
}

/// How long each side runs before measuring, and how long one sample should take.
const WARM_UP: Duration = Duration::from_millis(500);
const SAMPLE: Duration = Duration::from_millis(25);

/// Times every subject over `rounds` interleaved rounds.
pub fn run(subjects: &mut [Subject<'_>], rounds: usize) -> Vec<Timings> {
    let iterations: Vec<u32> = subjects.iter_mut().map(calibrate).collect();
    let mut timings: Vec<Timings> = subjects
        .iter()
        .map(|subject| Timings { name: subject.name.to_owned(), per_iteration: Vec::new() })
        .collect();
    for _ in 0..rounds {
        for ((subject, count), timing) in subjects.iter_mut().zip(&iterations).zip(&mut timings) {
            timing.per_iteration.push((subject.sample)(*count) / *count);
        }
    }
    timings
}

/// Runs the subject for the warm-up time and returns how many iterations fill one sample.
fn calibrate(subject: &mut Subject<'_>) -> u32 {
    let (mut spent, mut done) = (Duration::ZERO, 0_u32);
    while spent < WARM_UP {
        spent += (subject.sample)(1);
        done = done.saturating_add(1);
    }
    let per_iteration = spent / done.max(1);
    let fitting = SAMPLE.as_nanos() / per_iteration.as_nanos().max(1);
    u32::try_from(fitting).unwrap_or(u32::MAX).max(1)
}

/// `subject / baseline` as the ratio of medians, and the min and max of per-round ratios.
pub fn ratio(subject: &Timings, baseline: &Timings) -> (f64, f64, f64) {
    let of_medians = subject.median().as_secs_f64() / baseline.median().as_secs_f64();
    let rounds: Vec<f64> = (subject.per_iteration.iter())
        .zip(&baseline.per_iteration)
        .map(|(s, b)| s.as_secs_f64() / b.as_secs_f64())
        .collect();
    let min = rounds.iter().copied().fold(f64::INFINITY, f64::min);
    let max = rounds.iter().copied().fold(0.0, f64::max);
    (of_medians, min, max)
}

/// One report line: `name  median (min … max)  = 1.23x baseline (per round 1.1x … 1.4x)`.
pub fn line(subject: &Timings, baseline: &Timings) -> String {
    let (ratio, min, max) = ratio(subject, baseline);
    format!(
        "{:<44} {:>10}   {:>6.2}x {} (rounds {:.2}x … {:.2}x)",
        subject.name,
        show(subject.median()),
        ratio,
        baseline.name,
        min,
        max
    )
}

/// What operation `O` reads from a 200 response holding `body`: a body the bench built that
/// does not decode is a broken bench, so it panics.
pub fn decode<O: appstream_types::runtime::Operation>(body: &[u8]) -> O::Output
where
    O::Error: std::fmt::Debug,
{
    match O::parse_response(200, &[], body) {
        Ok(output) => output,
        Err(error) => panic!("{} body does not decode: {error:?}", O::NAME),
    }
}

/// A duration with a unit that suits it.
pub fn show(duration: Duration) -> String {
    let nanos = duration.as_secs_f64() * 1e9;
    match nanos {
        n if n >= 1e9 => format!("{:.3} s", n / 1e9),
        n if n >= 1e6 => format!("{:.2} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.2} µs", n / 1e3),
        n => format!("{n:.0} ns"),
    }
}

fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let ms =
            |values: &[u64]| values.iter().map(|v| Duration::from_millis(*v)).collect::<Vec<_>>();
        assert_eq!(median(&ms(&[5, 1, 3])), Duration::from_millis(3));
        assert_eq!(median(&ms(&[4, 1, 3, 2])), Duration::from_micros(2500));
        assert_eq!(median(&[]), Duration::ZERO);
    }

    #[test]
    fn ratios_are_of_medians_with_per_round_extremes() {
        let timings = |name: &str, ms: &[u64]| Timings {
            name: name.to_owned(),
            per_iteration: ms.iter().map(|v| Duration::from_millis(*v)).collect(),
        };
        let (ratio, min, max) = ratio(&timings("a", &[20, 30, 40]), &timings("b", &[10, 10, 10]));
        assert_eq!((ratio, min, max), (3.0, 2.0, 4.0));
    }

    #[test]
    fn durations_show_in_a_fitting_unit() {
        assert_eq!(show(Duration::from_nanos(950)), "950 ns");
        assert_eq!(show(Duration::from_micros(1500)), "1.50 ms");
        assert_eq!(show(Duration::from_millis(2500)), "2.500 s");
    }
}
