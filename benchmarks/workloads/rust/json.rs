//! JSON parser: generates a document of records (numbers, escaped strings, nested arrays and
//! objects, literals), parses it with a recursive-descent parser into a tree, and checks that the
//! totals recomputed from the tree equal the totals recorded while generating.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::process::exit;

enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn fail(&self, what: &str) -> ! {
        eprintln!("self-check failed: parse error at byte {}: {}", self.at, what);
        exit(1)
    }

    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && matches!(self.bytes[self.at], b' ' | b'\n' | b'\t' | b'\r') {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) {
        self.skip_space();
        if self.bytes.get(self.at) != Some(&byte) {
            self.fail("unexpected character");
        }
        self.at += 1;
    }

    fn literal(&mut self, word: &str, value: Json) -> Json {
        if !self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.fail("bad literal");
        }
        self.at += word.len();
        value
    }

    fn value(&mut self) -> Json {
        self.skip_space();
        match self.bytes.get(self.at) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => Json::Text(self.string()),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-') | Some(b'0'..=b'9') => self.number(),
            _ => self.fail("expected a value"),
        }
    }

    fn object(&mut self) -> Json {
        self.at += 1;
        let mut members = BTreeMap::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Json::Object(members);
        }
        loop {
            self.skip_space();
            let key = self.string();
            self.expect(b':');
            let value = self.value();
            members.insert(key, value);
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Json::Object(members);
                }
                _ => self.fail("expected , or }"),
            }
        }
    }

    fn array(&mut self) -> Json {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Json::Array(items);
        }
        loop {
            items.push(self.value());
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Json::Array(items);
                }
                _ => self.fail("expected , or ]"),
            }
        }
    }

    fn string(&mut self) -> String {
        if self.bytes.get(self.at) != Some(&b'"') {
            self.fail("expected a string");
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while self.at < self.bytes.len() && self.bytes[self.at] != b'"' && self.bytes[self.at] != b'\\' {
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_else(|_| self.fail("bad UTF-8")));
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return out;
                }
                Some(b'\\') => {
                    let escaped = self.bytes.get(self.at + 1).copied();
                    self.at += 2;
                    match escaped {
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'u') => {
                            let hex = self.bytes.get(self.at..self.at + 4).unwrap_or_else(|| self.fail("short \\u"));
                            let code = std::str::from_utf8(hex)
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .and_then(char::from_u32)
                                .unwrap_or_else(|| self.fail("bad \\u escape"));
                            out.push(code);
                            self.at += 4;
                        }
                        _ => self.fail("bad escape"),
                    }
                }
                _ => self.fail("unterminated string"),
            }
        }
    }

    fn number(&mut self) -> Json {
        let start = self.at;
        while self.at < self.bytes.len() && matches!(self.bytes[self.at], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap();
        Json::Number(text.parse().unwrap_or_else(|_| self.fail("bad number")))
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

/// What the generator wrote, to compare with what the parser read.
#[derive(Default, PartialEq, Debug)]
struct Totals {
    records: u64,
    quantity: i64,
    name_chars: u64,
    tags: u64,
    active: u64,
}

fn generate(records: usize, rng: &mut Rng, totals: &mut Totals) -> String {
    const NAMES: [&str; 6] = ["widget", "gadget \"pro\"", "caf\u{e9}", "tab\tbed", "line\nbreak", "back\\slash"];
    let mut out = String::from("{\"version\": 1, \"records\": [\n");
    for i in 0..records {
        let r = rng.next();
        let quantity = (r % 20001) as i64 - 10000;
        let name = NAMES[(r >> 16) as usize % NAMES.len()];
        let active = r & (1 << 30) != 0;
        let tag_count = (r >> 32) as usize % 5;
        if i > 0 {
            out.push_str(",\n");
        }
        write!(out, "  {{\"id\": {}, \"quantity\": {}, \"price\": {}.{:02}e1, \"name\": \"", i, quantity, r % 1000, (r >> 10) % 100).unwrap();
        for c in name.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                'é' => out.push_str("\\u00e9"),
                c => out.push(c),
            }
        }
        write!(out, "\", \"active\": {}, \"note\": null, \"tags\": [", active).unwrap();
        for t in 0..tag_count {
            write!(out, "{}\"t{}\"", if t > 0 { ", " } else { "" }, t).unwrap();
        }
        out.push_str("], \"dims\": {\"w\": 1.5, \"h\": [2, 3, {\"d\": -4e-1}]}}");
        totals.records += 1;
        totals.quantity += quantity;
        totals.name_chars += name.chars().count() as u64;
        totals.tags += tag_count as u64;
        totals.active += active as u64;
    }
    out.push_str("\n]}\n");
    out
}

fn fail(what: &str) -> ! {
    eprintln!("self-check failed: {}", what);
    exit(1)
}

fn main() {
    let scale: usize = match std::env::args().nth(1) {
        None => 200,
        Some(arg) => match arg.parse() {
            Ok(s) if s >= 1 => s,
            _ => {
                eprintln!("usage: json [scale >= 1]");
                exit(2)
            }
        },
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut written = Totals::default();
    let document = generate(scale * 100, &mut rng, &mut written);

    let mut parser = Parser { bytes: document.as_bytes(), at: 0 };
    let root = parser.value();
    parser.skip_space();
    if parser.at != document.len() {
        fail("trailing characters");
    }

    let mut read = Totals::default();
    let mut price_sum = 0.0;
    let records = match &root {
        Json::Object(members) => match members.get("records") {
            Some(Json::Array(items)) => items,
            _ => fail("records missing"),
        },
        _ => fail("root is not an object"),
    };
    for record in records {
        let fields = match record {
            Json::Object(fields) => fields,
            _ => fail("record is not an object"),
        };
        read.records += 1;
        match (fields.get("quantity"), fields.get("price"), fields.get("name"), fields.get("active"), fields.get("tags"), fields.get("note")) {
            (Some(Json::Number(q)), Some(Json::Number(p)), Some(Json::Text(n)), Some(Json::Bool(a)), Some(Json::Array(t)), Some(Json::Null)) => {
                read.quantity += *q as i64;
                price_sum += p;
                read.name_chars += n.chars().count() as u64;
                read.active += *a as u64;
                read.tags += t.len() as u64;
            }
            _ => fail("record fields"),
        }
    }
    if read != written {
        fail("totals read differ from totals written");
    }
    println!(
        "json scale={} bytes={} records={} quantity={} tags={} active={} price_sum={:.2}",
        scale, document.len(), read.records, read.quantity, read.tags, read.active, price_sum
    );
}
