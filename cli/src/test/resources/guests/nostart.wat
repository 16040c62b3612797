;; A valid module without the _start entry point.
(module
  (func (export "main")))
