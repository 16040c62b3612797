;; Prints the argument "emit" of the request as JSON (read with api.header_get), or "null".
(module
  (import "api" "header_get" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "/args/emit")
  (func (export "_start") (local $n i32)
    (local.set $n (call $get (i32.const 16) (i32.const 10) (i32.const 1024) (i32.const 65536)))
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (local.get $n))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
