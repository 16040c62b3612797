//! Rust guest: collections, formatting and f64 math through the standard library on WASI.
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::cmp::Reverse;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({:.3}, {:.3})", self.x, self.y)
    }
}

fn word_counts(text: &str) -> BTreeMap<String, usize> {
    // HashMap for counting; BTreeMap for a deterministic print order.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in text.split_whitespace() {
        let w: String = word.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
        if !w.is_empty() {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    counts.into_iter().collect()
}

fn primes_below(n: usize) -> Vec<usize> {
    let mut sieve = vec![true; n];
    let mut primes = Vec::new();
    for i in 2..n {
        if sieve[i] {
            primes.push(i);
            let mut j = i * i;
            while j < n {
                sieve[j] = false;
                j += i;
            }
        }
    }
    primes
}

fn dijkstra(adjacency: &[Vec<(usize, u32)>], start: usize) -> Vec<Option<u32>> {
    let mut dist = vec![None; adjacency.len()];
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0u32, start)));
    while let Some(Reverse((d, node))) = heap.pop() {
        if dist[node].is_some() {
            continue;
        }
        dist[node] = Some(d);
        for &(next, weight) in &adjacency[node] {
            if dist[next].is_none() {
                heap.push(Reverse((d + weight, next)));
            }
        }
    }
    dist
}

fn main() {
    let text = "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!";
    for (word, count) in word_counts(text) {
        println!("{:>6} {}", word, count);
    }

    let primes = primes_below(200);
    let unique_gaps: HashSet<usize> = primes.windows(2).map(|w| w[1] - w[0]).collect();
    let mut gaps: Vec<_> = unique_gaps.into_iter().collect();
    gaps.sort_unstable();
    println!("{} primes below 200, last {:?}, gaps {:?}", primes.len(), primes.last(), gaps);

    let mut queue: VecDeque<i64> = (1..=10).collect();
    queue.rotate_left(3);
    queue.push_front(-1);
    queue.push_back(99);
    println!("deque {:?}", queue);

    let graph = vec![
        vec![(1, 7), (2, 9), (5, 14)],
        vec![(0, 7), (2, 10), (3, 15)],
        vec![(0, 9), (1, 10), (3, 11), (5, 2)],
        vec![(1, 15), (2, 11), (4, 6)],
        vec![(3, 6), (5, 9)],
        vec![(0, 14), (2, 2), (4, 9)],
        vec![],
    ];
    println!("shortest paths {:?}", dijkstra(&graph, 0));

    let points: Vec<Point> = (0..8)
        .map(|i| {
            let angle = i as f64 * std::f64::consts::PI / 4.0;
            Point { x: 2.5 * angle.cos(), y: 2.5 * angle.sin() }
        })
        .collect();
    let joined: Vec<String> = points.iter().map(|p| p.to_string()).collect();
    println!("octagon {}", joined.join(" "));
    let perimeter: f64 = points
        .iter()
        .zip(points.iter().cycle().skip(1))
        .map(|(a, b)| (a.x - b.x).hypot(a.y - b.y))
        .sum();
    println!("perimeter {:.12} (2*pi*r = {:.12})", perimeter, 2.0 * std::f64::consts::PI * 2.5);

    let values = [0.1f64, 1e-10, 12345.6789, -0.0, f64::MAX, f64::MIN_POSITIVE, 1.0 / 3.0];
    for v in values.iter() {
        println!("{:?} {:e} {:.4} {}", v, v, v, v);
    }
    println!("sqrt2 {} cbrt27 {} ln10 {} exp1 {}", 2f64.sqrt(), 27f64.cbrt(), 10f64.ln(), 1f64.exp());
    println!("powf {} powi {} tanh {} asin {}", 1.5f64.powf(2.5), 1.1f64.powi(10), 0.5f64.tanh(), 0.5f64.asin());
    println!("nan {} inf {} -inf {} nan==nan {}", f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::NAN == f64::NAN);
    println!("{:08.2} {:+} {:x} {:#b} {:>8}|{:<8}|{:^8}|", 3.14159, 42, 255, 5, "r", "l", "c");
    let mut sorted = vec![3.5, -1.25, 2.0, 9.75, 0.0, -7.5];
    sorted.sort_by(|a: &f64, b: &f64| a.partial_cmp(b).unwrap());
    println!("sorted {:?} mean {:.4}", sorted, sorted.iter().sum::<f64>() / sorted.len() as f64);
}
