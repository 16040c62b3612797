package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Tag;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;

class ModuleRulesTest {
    @Test
    void exportNamesAreUnique() {
        valid("(module (func (export \"a\")) (func (export \"b\")))");
        invalid("duplicate export name", "(module (func (export \"a\")) (global (export \"a\") i32 (i32.const 0)))");
    }

    @Test
    void exportsNameExistingItems() {
        Module.Builder m = Module.builder();
        m.exports.add(new Export("g", ExternKind.GLOBAL, 0));
        invalid("unknown global 0", m.build());
    }

    @Test
    void startFunctionTakesAndReturnsNothing() {
        valid("(module (func $s) (start $s))");
        invalid("start function", "(module (func $s (param i32)) (start $s))");
        invalid("start function", "(module (func $s (result i32) (i32.const 0)) (start $s))");
        Module.Builder m = Module.builder();
        m.start = 2;
        invalid("unknown function 2", m.build());
    }

    @Test
    void limitsMinimumMayNotExceedMaximum() {
        valid("(module (memory 1 2) (table 0 3 funcref))");
        invalid("size minimum must not be greater than maximum", "(module (memory 2 1))");
        invalid("size minimum must not be greater than maximum", "(module (table 4 3 funcref))");
    }

    @Test
    void memorySizeIsBoundedByTheAddressSpace() {
        valid("(module (memory 65536))");
        invalid("memory size must be at most 65536 pages (4GiB)", "(module (memory 65537))");
        valid("(module (memory i64 65537))");
        Module.Builder huge = Module.builder();
        huge.memories.add(new MemoryType(Limits.of(1L << 49), true, false, MemoryType.DEFAULT_PAGE_SIZE_LOG2));
        invalid("memory size", huge.build());
    }

    @Test
    void customPageSizesAreOneOrSixtyFourKibibytes() {
        Module.Builder m = Module.builder();
        m.memories.add(new MemoryType(Limits.of(1), false, false, 12));
        invalid("invalid custom page size", m.build());
        Module.Builder bytePages = Module.builder();
        bytePages.memories.add(new MemoryType(Limits.of(0xFFFF_FFFFL), false, false, 0));
        valid(bytePages.build());
    }

    @Test
    void sharedMemoriesNeedAMaximum() {
        valid("(module (memory 1 2 shared))");
        Module.Builder m = Module.builder();
        m.memories.add(new MemoryType(Limits.of(1), false, true, MemoryType.DEFAULT_PAGE_SIZE_LOG2));
        invalid("shared memory must have maximum", m.build());
    }

    @Test
    void severalMemoriesAndTablesAreAllowed() {
        valid("(module (memory 1) (memory 2) (table 1 funcref) (table 1 externref))");
    }

    @Test
    void tablesOfNonNullableReferencesNeedAnInitialiser() {
        valid("(module (func $f) (elem declare func $f) (table 1 (ref func) (ref.func $f)))");
        invalid("type mismatch", "(module (table 1 (ref func)))");
    }

    @Test
    void elementSegmentsMustFitTheirTable() {
        valid("(module (func $f) (table 1 funcref) (elem (i32.const 0) func $f))");
        invalid("type mismatch", "(module (table 1 externref) (func $f) (elem (i32.const 0) func $f))");
        invalid("unknown table", "(module (func $f) (elem (table 1) (i32.const 0) func $f))");
    }

    @Test
    void activeDataNeedsAMemoryAndAnOffsetOfItsAddressType() {
        valid("(module (memory i64 1) (data (i64.const 0) \"x\"))");
        invalid("type mismatch", "(module (memory i64 1) (data (i32.const 0) \"x\"))");
        invalid("unknown memory", "(module (data (i32.const 0) \"x\"))");
    }

    @Test
    void tagsHaveNoResults() {
        valid("(module (tag (param i32 i64)))");
        Module.Builder m = Module.builder();
        int type = TestModules.addFuncType(m, List.of(), List.of(ValType.I32));
        m.tags.add(new Tag(type));
        invalid("non-empty tag result type", m.build());
    }

    @Test
    void importsMustNameFunctionTypes() {
        valid("(module (type (func)) (import \"m\" \"f\" (func (type 0))))");
        invalid("unknown type", "(module (type (struct)) (import \"m\" \"f\" (func (type 0))))");
    }
}
