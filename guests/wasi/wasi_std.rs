//! WASI through Rust's standard library: args, environment, stdin, clocks and std::fs inside the
//! /sandbox preopen, printing io::ErrorKind and the raw WASI errno of each failure.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn show<T>(label: &str, result: io::Result<T>) -> Option<T> {
    match result {
        Ok(value) => {
            println!("{}: ok", label);
            Some(value)
        }
        Err(e) => {
            println!("{}: {:?} (errno {:?})", label, e.kind(), e.raw_os_error());
            None
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("args {:?}", args);
    let mut vars: Vec<(String, String)> = std::env::vars().collect();
    vars.sort();
    println!("vars {:?}", vars);
    println!("GREETING {:?}, HOME {:?}", std::env::var("GREETING").ok(), std::env::var("HOME").ok());

    let mut input = String::new();
    show("read stdin", io::stdin().read_to_string(&mut input));
    println!("stdin lines {:?}", input.lines().collect::<Vec<_>>());

    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    println!("after 2020 {}", since_epoch > Duration::from_secs(1_577_836_800));
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(2));
    println!("slept at least 2ms {}", start.elapsed() >= Duration::from_millis(2));

    show("create_dir_all /sandbox/a/b/c", fs::create_dir_all("/sandbox/a/b/c"));
    show("write /sandbox/a/b/c/notes.txt", fs::write("/sandbox/a/b/c/notes.txt", "first line\n"));
    if let Some(mut file) = show("open append", OpenOptions::new().append(true).open("/sandbox/a/b/c/notes.txt")) {
        show("append", file.write_all(b"second line\n"));
    }
    if let Some(text) = show("read_to_string", fs::read_to_string("/sandbox/a/b/c/notes.txt")) {
        println!("  {:?}", text);
    }
    if let Some(mut file) = show("open for seeking", File::open("/sandbox/a/b/c/notes.txt")) {
        let position = show("seek from end", file.seek(SeekFrom::End(-5)));
        let mut tail = String::new();
        show("read tail", file.read_to_string(&mut tail));
        println!("  at {:?} read {:?}", position, tail);
    }
    if let Some(meta) = show("metadata", fs::metadata("/sandbox/a/b/c/notes.txt")) {
        println!("  file {} dir {} len {}", meta.is_file(), meta.is_dir(), meta.len());
    }
    show("rename", fs::rename("/sandbox/a/b/c/notes.txt", "/sandbox/a/notes.txt"));
    show("copy", fs::copy("/sandbox/a/notes.txt", "/sandbox/a/b/copy.txt"));
    if let Some(entries) = show("read_dir /sandbox/a", fs::read_dir("/sandbox/a")) {
        let mut names: Vec<String> = entries
            .map(|e| {
                let e = e.unwrap();
                format!("{}{}", e.file_name().to_string_lossy(), if e.file_type().unwrap().is_dir() { "/" } else { "" })
            })
            .collect();
        names.sort();
        println!("  {:?}", names);
    }
    if let Some(link) = show("read_link data-link", fs::read_link("/sandbox/data-link")) {
        println!("  {:?}", link);
    }
    if let Some(meta) = show("symlink_metadata sub-link", fs::symlink_metadata("/sandbox/sub-link")) {
        println!("  symlink {}", meta.file_type().is_symlink());
    }

    show("open missing", File::open("/sandbox/missing.txt"));
    show("create_dir existing", fs::create_dir("/sandbox/a"));
    show("remove_dir not empty", fs::remove_dir("/sandbox/a"));
    show("remove_file directory", fs::remove_file("/sandbox/a"));
    show("read_dir a file", fs::read_dir("/sandbox/data.txt"));
    show("open outside the preopen", File::open("/etc/passwd"));
    show("open through escape-link", File::open("/sandbox/escape-link/etc/passwd"));
    show("open loop-a", File::open("/sandbox/loop-a"));
    show("remove_dir_all /sandbox/a", fs::remove_dir_all("/sandbox/a"));
    println!("a exists afterwards {}", fs::metadata("/sandbox/a").is_ok());

    io::stdout().flush().unwrap();
    std::process::exit(3);
}
