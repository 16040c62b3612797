//! Regular-expression matcher: a parser for a practical subset (literals, `.`, classes,
//! `* + ?`, groups, `|`, `^ $`, `\` escapes) compiled to a Pike VM that runs in time linear in the
//! text. Generated log lines contain a known number of planted matches for each pattern and
//! filler that cannot match, so the match counts are known in advance.

use std::process::exit;

#[derive(Clone)]
enum Inst {
    Byte(u8),
    Any,
    Class(Vec<(u8, u8)>, bool),
    Split(usize, usize),
    Jump(usize),
    LineStart,
    LineEnd,
    Match,
}

enum Node {
    Byte(u8),
    Any,
    Class(Vec<(u8, u8)>, bool),
    LineStart,
    LineEnd,
    Concat(Vec<Node>),
    Alternate(Box<Node>, Box<Node>),
    Star(Box<Node>),
    Plus(Box<Node>),
    Optional(Box<Node>),
}

fn fail(what: &str) -> ! {
    eprintln!("self-check failed: {}", what);
    exit(1)
}

struct PatternParser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> PatternParser<'a> {
    fn alternation(&mut self) -> Node {
        let left = self.concatenation();
        if self.bytes.get(self.at) == Some(&b'|') {
            self.at += 1;
            Node::Alternate(Box::new(left), Box::new(self.alternation()))
        } else {
            left
        }
    }

    fn concatenation(&mut self) -> Node {
        let mut items = Vec::new();
        while let Some(&b) = self.bytes.get(self.at) {
            if b == b'|' || b == b')' {
                break;
            }
            let atom = self.atom();
            items.push(match self.bytes.get(self.at) {
                Some(b'*') => { self.at += 1; Node::Star(Box::new(atom)) }
                Some(b'+') => { self.at += 1; Node::Plus(Box::new(atom)) }
                Some(b'?') => { self.at += 1; Node::Optional(Box::new(atom)) }
                _ => atom,
            });
        }
        Node::Concat(items)
    }

    fn atom(&mut self) -> Node {
        let b = self.bytes[self.at];
        self.at += 1;
        match b {
            b'.' => Node::Any,
            b'^' => Node::LineStart,
            b'$' => Node::LineEnd,
            b'\\' => {
                let escaped = *self.bytes.get(self.at).unwrap_or_else(|| fail("pattern ends in \\"));
                self.at += 1;
                Node::Byte(escaped)
            }
            b'(' => {
                let inner = self.alternation();
                if self.bytes.get(self.at) != Some(&b')') {
                    fail("unclosed group");
                }
                self.at += 1;
                inner
            }
            b'[' => {
                let negated = self.bytes.get(self.at) == Some(&b'^');
                if negated {
                    self.at += 1;
                }
                let mut ranges = Vec::new();
                while let Some(&lo) = self.bytes.get(self.at) {
                    if lo == b']' {
                        break;
                    }
                    if self.bytes.get(self.at + 1) == Some(&b'-') && self.bytes.get(self.at + 2).map_or(false, |&c| c != b']') {
                        ranges.push((lo, self.bytes[self.at + 2]));
                        self.at += 3;
                    } else {
                        ranges.push((lo, lo));
                        self.at += 1;
                    }
                }
                if self.bytes.get(self.at) != Some(&b']') {
                    fail("unclosed class");
                }
                self.at += 1;
                Node::Class(ranges, negated)
            }
            literal => Node::Byte(literal),
        }
    }
}

fn emit(node: &Node, program: &mut Vec<Inst>) {
    match node {
        Node::Byte(b) => program.push(Inst::Byte(*b)),
        Node::Any => program.push(Inst::Any),
        Node::Class(ranges, negated) => program.push(Inst::Class(ranges.clone(), *negated)),
        Node::LineStart => program.push(Inst::LineStart),
        Node::LineEnd => program.push(Inst::LineEnd),
        Node::Concat(items) => items.iter().for_each(|item| emit(item, program)),
        Node::Alternate(left, right) => {
            let split = program.len();
            program.push(Inst::Split(split + 1, 0));
            emit(left, program);
            let jump = program.len();
            program.push(Inst::Jump(0));
            program[split] = Inst::Split(split + 1, program.len());
            emit(right, program);
            program[jump] = Inst::Jump(program.len());
        }
        Node::Star(inner) => {
            let split = program.len();
            program.push(Inst::Split(split + 1, 0));
            emit(inner, program);
            program.push(Inst::Jump(split));
            program[split] = Inst::Split(split + 1, program.len());
        }
        Node::Plus(inner) => {
            let start = program.len();
            emit(inner, program);
            program.push(Inst::Split(start, program.len() + 1));
        }
        Node::Optional(inner) => {
            let split = program.len();
            program.push(Inst::Split(split + 1, 0));
            emit(inner, program);
            program[split] = Inst::Split(split + 1, program.len());
        }
    }
}

struct Regex {
    program: Vec<Inst>,
}

impl Regex {
    fn new(pattern: &str) -> Regex {
        let mut parser = PatternParser { bytes: pattern.as_bytes(), at: 0 };
        let tree = parser.alternation();
        if parser.at != pattern.len() {
            fail("unbalanced )");
        }
        let mut program = Vec::new();
        emit(&tree, &mut program);
        program.push(Inst::Match);
        Regex { program }
    }

    /// Follows jumps, splits and zero-width assertions from `pc`, adding byte-consuming states.
    fn add(&self, list: &mut Vec<usize>, seen: &mut [u32], generation: u32, pc: usize, text: &[u8], at: usize) {
        if seen[pc] == generation {
            return;
        }
        seen[pc] = generation;
        match &self.program[pc] {
            Inst::Jump(target) => self.add(list, seen, generation, *target, text, at),
            Inst::Split(a, b) => {
                self.add(list, seen, generation, *a, text, at);
                self.add(list, seen, generation, *b, text, at);
            }
            Inst::LineStart => if at == 0 { self.add(list, seen, generation, pc + 1, text, at) },
            Inst::LineEnd => if at == text.len() { self.add(list, seen, generation, pc + 1, text, at) },
            _ => list.push(pc),
        }
    }

    /// Whether the pattern matches anywhere in `text` (one line).
    fn is_match(&self, text: &[u8]) -> bool {
        let mut seen = vec![0u32; self.program.len()];
        let mut generation = 0;
        let mut current = Vec::new();
        let mut next = Vec::new();
        for at in 0..=text.len() {
            generation += 1;
            for pc in std::mem::take(&mut next) {
                self.add(&mut current, &mut seen, generation, pc, text, at);
            }
            // Unanchored search: a new thread starts at every position.
            self.add(&mut current, &mut seen, generation, 0, text, at);
            let byte = text.get(at).copied();
            for &pc in &current {
                match &self.program[pc] {
                    Inst::Match => return true,
                    Inst::Byte(b) => if byte == Some(*b) { next.push(pc + 1) },
                    Inst::Any => if byte.is_some() { next.push(pc + 1) },
                    Inst::Class(ranges, negated) => {
                        if let Some(c) = byte {
                            if ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated {
                                next.push(pc + 1);
                            }
                        }
                    }
                    _ => {}
                }
            }
            current.clear();
        }
        false
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn self_test() {
    let cases: [(&str, &str, bool); 16] = [
        ("abc", "xxabcxx", true),
        ("abc", "abxc", false),
        ("^abc", "abcd", true),
        ("^abc", "xabc", false),
        ("abc$", "xxabc", true),
        ("abc$", "abcx", false),
        ("a.c", "a-c", true),
        ("ab*c", "ac", true),
        ("ab+c", "ac", false),
        ("ab?c", "abbc", false),
        ("(cat|dog)s?$", "hotdogs", true),
        ("[0-9]+x", "abc12x", true),
        ("[^a-z]", "abc", false),
        ("(a|b)*abb", "babaabb", true),
        ("\\.com", "xcom", false),
        ("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", false),
    ];
    for (pattern, text, expected) in cases.iter() {
        if Regex::new(pattern).is_match(text.as_bytes()) != *expected {
            fail(&format!("/{}/ on {:?}", pattern, text));
        }
    }
}

fn main() {
    let scale: usize = match std::env::args().nth(1) {
        None => 200,
        Some(arg) => match arg.parse() {
            Ok(s) if s >= 1 => s,
            _ => {
                eprintln!("usage: regex [scale >= 1]");
                exit(2)
            }
        },
    };
    self_test();

    let patterns = [
        Regex::new("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"),
        Regex::new("[a-z]+@[a-z]+\\.(com|org|net)"),
        Regex::new("^(error|warn): .*(disk|net)$"),
    ];
    const WORDS: [&str; 10] = ["alpha", "beta", "gamma", "disk", "net", "error", "warn", "orgy", "comet", "delta"];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut planted = [0u64; 3];
    let mut found = [0u64; 3];
    let mut bytes = 0usize;
    for _ in 0..scale * 100 {
        // Filler is lower-case words and spaces only: no digit, '@', or ':' ever appears in it.
        let r = rng.next();
        let mut line = String::new();
        let kind = r % 4;
        if kind == 2 {
            line.push_str(if r & 16 != 0 { "error: " } else { "warn: " });
        }
        for w in 0..(4 + (r >> 8) % 12) {
            if w > 0 {
                line.push(' ');
            }
            line.push_str(WORDS[((r >> (12 + 2 * w)) % WORDS.len() as u64) as usize]);
            if kind == 0 && w == 2 {
                line.push_str(&format!(" {}-{:02}-{:02}", 1900 + r % 200, 1 + (r >> 20) % 12, 1 + (r >> 24) % 28));
            }
            if kind == 1 && w == 1 {
                line.push_str(&format!(" {}@{}.{}", WORDS[(r >> 30) as usize % 10], WORDS[(r >> 34) as usize % 10], ["com", "org", "net"][(r >> 38) as usize % 3]));
            }
        }
        if kind == 2 {
            line.push_str(if r & 32 != 0 { " disk" } else { " net" });
        }
        if kind < 3 {
            planted[kind as usize] += 1;
        }
        for (i, pattern) in patterns.iter().enumerate() {
            if pattern.is_match(line.as_bytes()) {
                found[i] += 1;
            }
        }
        bytes += line.len();
    }
    if found != planted {
        fail(&format!("found {:?} matches, planted {:?}", found, planted));
    }
    println!("regex scale={} bytes={} dates={} emails={} alerts={}", scale, bytes, found[0], found[1], found[2]);
}
