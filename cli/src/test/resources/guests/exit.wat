;; Prints an object, then exits with the status given as argument "status" (a number).
(module
  (import "api" "header_get" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "/args/status")
  (data (i32.const 64) "{\"printed\": true}")
  (func (export "_start") (local $n i32) (local $status i32) (local $i i32)
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 17))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    ;; the status as decimal digits at 256
    (local.set $n (call $get (i32.const 16) (i32.const 12) (i32.const 256) (i32.const 10)))
    (block $done
      (loop $digits
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $status (i32.add (i32.mul (local.get $status) (i32.const 10))
          (i32.sub (i32.load8_u (i32.add (i32.const 256) (local.get $i))) (i32.const 48))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $digits)))
    (call $proc_exit (local.get $status))))
