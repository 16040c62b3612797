;; Logs, then traps two calls deep: the log line and any output are lost.
(module
  (import "api" "log" (func $log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "about to fail")
  (func $inner (unreachable))
  (func $outer (call $inner))
  (func (export "_start")
    (call $log (i32.const 1) (i32.const 0) (i32.const 13))
    (call $outer)))
