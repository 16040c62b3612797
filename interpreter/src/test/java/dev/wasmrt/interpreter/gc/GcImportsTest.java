package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.LinkException;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Imports of globals and tables whose types name struct types of another module. */
class GcImportsTest {
    private static final String EXPORTER = """
            (module
              (type $super (sub (struct (field i32))))
              (type $sub (sub $super (struct (field i32) (field i64))))
              (global (export "g") (ref $sub) (struct.new $sub (i32.const 7) (i64.const 2)))
              (table (export "t") 1 (ref null $sub)))
            """;

    @Test
    void anImmutableGlobalOfASubtypeSatisfiesAnImportOfItsSupertype() {
        Store store = new Store();
        Instance a = store.instantiate(Wasm.parse(EXPORTER), new Imports());
        Instance b = store.instantiate(Wasm.parse("""
                (module
                  (type $super (sub (struct (field i32))))
                  (global (import "A" "g") (ref $super))
                  (func (export "get") (result i32) (struct.get $super 0 (global.get 0))))
                """), new Imports().define("A", "g", a.global("g")));
        assertEquals(7, (int) b.call("get")[0]);
    }

    @Test
    void tablesMustMatchExactly() {
        Store store = new Store();
        Instance a = store.instantiate(Wasm.parse(EXPORTER), new Imports());
        var importer = Wasm.parse("""
                (module
                  (type $super (sub (struct (field i32))))
                  (table (import "A" "t") 1 (ref null $super)))
                """);
        assertThrows(LinkException.class, () -> store.instantiate(importer, new Imports().define("A", "t", a.table("t"))));
    }
}
