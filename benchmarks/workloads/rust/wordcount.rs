//! Hash-map word count over generated text. Words are drawn by index from a synthetic
//! vocabulary, so an array indexed by word number gives the expected count of every word; the
//! HashMap built by tokenising the text must match it exactly.

use std::collections::HashMap;
use std::process::exit;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn vocabulary(size: usize) -> Vec<String> {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "du", "fo", "gi", "ha", "ju", "pe", "ze",
    ];
    (0..size)
        .map(|mut n| {
            let mut word = String::new();
            loop {
                word.push_str(SYLLABLES[n % 16]);
                n /= 16;
                if n == 0 {
                    break;
                }
            }
            word
        })
        .collect()
}

fn fail(what: &str) -> ! {
    eprintln!("self-check failed: {}", what);
    exit(1)
}

fn main() {
    let scale: usize = match std::env::args().nth(1) {
        None => 256,
        Some(arg) => match arg.parse() {
            Ok(s) if s >= 1 => s,
            _ => {
                eprintln!("usage: wordcount [scale >= 1]");
                exit(2)
            }
        },
    };
    let words = vocabulary(5000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut expected = vec![0u32; words.len()];
    let mut text = String::new();
    let total_words = scale * 6_250;
    for i in 0..total_words {
        // Skewed draw: frequent short words and a long tail, like natural text.
        let r = rng.next();
        let index = ((r >> 20) % (words.len() as u64)) as usize * ((r & 3) as usize) / 3;
        expected[index] += 1;
        text.push_str(&words[index]);
        text.push(if i % 17 == 16 { '\n' } else if r & 64 != 0 { ' ' } else { ',' });
        if r & 0x300 == 0 {
            text.push(' ');
        }
    }

    let mut counts: HashMap<&str, u32> = HashMap::new();
    for token in text.split(|c: char| c == ' ' || c == ',' || c == '\n') {
        if !token.is_empty() {
            *counts.entry(token).or_insert(0) += 1;
        }
    }

    let distinct = expected.iter().filter(|&&c| c > 0).count();
    if counts.len() != distinct {
        fail("number of distinct words");
    }
    for (index, word) in words.iter().enumerate() {
        if counts.get(word.as_str()).copied().unwrap_or(0) != expected[index] {
            fail("count of a word");
        }
    }
    let mut top: Vec<(&str, u32)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut checksum: u32 = 0;
    for (word, count) in &top {
        for byte in word.bytes() {
            checksum = checksum.wrapping_mul(31).wrapping_add(byte as u32);
        }
        checksum = checksum.wrapping_mul(31).wrapping_add(*count);
    }
    println!(
        "wordcount scale={} words={} distinct={} top={}:{} checksum={:08x}",
        scale, total_words, distinct, top[0].0, top[0].1, checksum
    );
}
