;; Runs the host program described by argument "request" through api.exec and prints its answer.
;; Prints {"code": -2} when exec refuses the request.
(module
  (import "api" "header_get" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "api" "exec" (func $exec (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "/args/request")
  (data (i32.const 48) "{\"code\": -2}")
  (func (export "_start") (local $n i32)
    (local.set $n (call $get (i32.const 16) (i32.const 13) (i32.const 1024) (i32.const 4096)))
    (local.set $n (call $exec (i32.const 1024) (local.get $n) (i32.const 8192) (i32.const 65536)))
    (if (i32.lt_s (local.get $n) (i32.const 0))
      (then
        (i32.store (i32.const 0) (i32.const 48))
        (i32.store (i32.const 4) (i32.const 12)))
      (else
        (i32.store (i32.const 0) (i32.const 8192))
        (i32.store (i32.const 4) (local.get $n))))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
