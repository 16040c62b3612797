//! reader: a Sysinspect Wasm module in Rust (no crates needed). It reads the request line from
//! standard input, takes the argument `path` through `api.header_get`, reads that file through
//! WASI (the runtime maps the host's `/` to the guest's `/`), and reports its size and first line.

use std::io::{self, BufRead, Read};

#[link(wasm_import_module = "api")]
extern "C" {
    fn log(level: i32, ptr: *const u8, len: i32);
    fn header_get(ptr: *const u8, len: i32, out_ptr: *mut u8, out_cap: i32) -> i32;
    fn last_output_len() -> i32;
}

fn api_log(level: i32, message: &str) {
    unsafe { log(level, message.as_ptr(), message.len() as i32) }
}

/// The compact JSON at `pointer` in the request, growing the buffer when the answer was cut.
fn header_json(pointer: &str) -> String {
    let mut buffer = vec![0u8; 256];
    loop {
        let written = unsafe {
            header_get(pointer.as_ptr(), pointer.len() as i32, buffer.as_mut_ptr(), buffer.len() as i32)
        };
        let needed = unsafe { last_output_len() };
        if written < 0 {
            return "null".to_string();
        }
        if needed as usize <= buffer.len() {
            buffer.truncate(written as usize);
            return String::from_utf8(buffer).unwrap_or_else(|_| "null".to_string());
        }
        buffer.resize(needed as usize, 0);
    }
}

/// A JSON string's text; None for anything else. Handles the escapes compact JSON uses.
fn json_string(json: &str) -> Option<String> {
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'u' => {
                let code: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&code, 16).ok()?)?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let mut request = String::new();
    if io::stdin().lock().read_line(&mut request).is_err() {
        println!("{{\"error\": \"no request on standard input\"}}");
        std::process::exit(1);
    }
    if header_json("/opts").contains("\"man\"") {
        println!("{{\"name\": \"reader\", \"description\": \"Reports a file's size and first line.\", \
                  \"arguments\": {{\"path\": \"absolute path of the file to read\"}}}}");
        return;
    }
    let path = match json_string(&header_json("/args/path")) {
        Some(path) => path,
        None => {
            println!("{{\"error\": \"the argument path must be a string\"}}");
            return;
        }
    };
    api_log(1, &format!("reader: reading {}", path));
    let mut contents = Vec::new();
    match std::fs::File::open(&path).and_then(|mut file| file.read_to_end(&mut contents)) {
        Ok(size) => {
            let text = String::from_utf8_lossy(&contents);
            let first_line = text.lines().next().unwrap_or("");
            println!("{{\"path\": {}, \"size\": {}, \"first_line\": {}}}", quote(&path), size, quote(first_line));
        }
        Err(error) => {
            api_log(3, &format!("reader: {}", error));
            println!("{{\"path\": {}, \"error\": {}}}", quote(&path), quote(&error.to_string()));
        }
    }
}
