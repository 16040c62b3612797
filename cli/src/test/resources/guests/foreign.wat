;; Imports a module the runtime does not offer.
(module
  (import "env" "helper" (func $helper))
  (func (export "_start") (call $helper)))
