;; Logs two lines through the host API and prints nothing.
(module
  (import "api" "log" (func $log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "starting")
  (data (i32.const 16) "something failed")
  (func (export "_start")
    (call $log (i32.const 1) (i32.const 0) (i32.const 8))
    (call $log (i32.const 3) (i32.const 16) (i32.const 16))))
