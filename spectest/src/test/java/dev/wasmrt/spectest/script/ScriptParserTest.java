package dev.wasmrt.spectest.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.decoder.text.TextFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    private static List<Command> parse(String script) {
        return ScriptParser.parse("test.wast", script.getBytes(StandardCharsets.UTF_8)).commands();
    }

    @Test
    void moduleCommandsKeepTheirSourceAndLine() {
        List<Command> commands = parse("""
                ;; a comment
                (module $M (func (export "f") (result i32) (i32.const 1)))
                (module definition $D binary "\\00asm" "\\01\\00\\00\\00")
                (module instance $I $D)
                (module quote "(func)" "(memory 1)")
                """);
        Command.ModuleDefinition text = assertInstanceOf(Command.ModuleDefinition.class, commands.get(0));
        assertEquals(2, text.line());
        assertEquals("M", text.id());
        ModuleSource.Text source = assertInstanceOf(ModuleSource.Text.class, text.source());
        assertEquals("(func (export \"f\") (result i32) (i32.const 1))", source.fields());
        assertEquals(1, source.decode().functions().size());

        Command.ModuleDefinition definition = assertInstanceOf(Command.ModuleDefinition.class, commands.get(1));
        assertEquals(true, definition.definition());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, ((ModuleSource.Binary) definition.source()).bytes());
        assertEquals(new Command.ModuleInstance(4, "I", "D"), commands.get(2));
        ModuleSource.Quote quote = assertInstanceOf(ModuleSource.Quote.class, ((Command.ModuleDefinition) commands.get(3)).source());
        assertEquals("(func)(memory 1)", new String(quote.text(), StandardCharsets.UTF_8));
        assertEquals(1, quote.decode().memories().size());
    }

    @Test
    void malformedModulesAreKeptNotDecoded() {
        List<Command> commands = parse("""
                (assert_malformed (module quote "(func (i32.const0))") "unknown operator")
                (assert_malformed (module binary "\\00asm") "unexpected end")
                (assert_invalid (module (func (result i32))) "type mismatch")
                """);
        Command.AssertMalformed quoted = assertInstanceOf(Command.AssertMalformed.class, commands.get(0));
        assertEquals("unknown operator", quoted.message());
        DecodeException e = assertThrows(DecodeException.class, () -> quoted.module().decode());
        assertEquals("unknown operator i32.const0", e.reason());
        assertThrows(DecodeException.class, () -> ((Command.AssertMalformed) commands.get(1)).module().decode());
        assertEquals(3, commands.get(2).line());
    }

    @Test
    void textModuleErrorsPointIntoTheScript() {
        List<Command> commands = parse("\n\n(assert_invalid\n  (module\n    (func (bogus))) \"x\")");
        TextFormatException e = assertThrows(TextFormatException.class,
                () -> ((Command.AssertInvalid) commands.getFirst()).module().decode());
        assertEquals(5, e.line());
        assertEquals(12, e.column());
    }

    @Test
    void actionsAndArguments() {
        List<Command> commands = parse("""
                (register "lib" $M)
                (invoke "run")
                (assert_return (invoke $M "f" (i32.const -1) (i64.const 0x10) (f32.const -0.0) (f64.const nan:0x1)
                    (v128.const i32x4 1 2 3 -1) (ref.null extern) (ref.extern 7) (ref.host 9)))
                (assert_return (get "g") (i32.const 42))
                """);
        assertEquals(new Command.Register(1, "lib", "M"), commands.get(0));
        assertEquals(new Command.Perform(2, new Action.Invoke(null, "run", List.of())), commands.get(1));
        Action.Invoke invoke = (Action.Invoke) ((Command.AssertReturn) commands.get(2)).action();
        assertEquals("M", invoke.module());
        assertEquals(List.of(
                new Value.Num(Value.NumType.I32, 0xFFFFFFFFL),
                new Value.Num(Value.NumType.I64, 16),
                new Value.Num(Value.NumType.F32, 0x80000000L),
                new Value.Num(Value.NumType.F64, 0x7FF0000000000001L),
                new Value.Vec(0x0000000200000001L, 0xFFFFFFFF00000003L),
                new Value.RefNull(ValType.HT_EXTERN),
                new Value.RefExtern(7),
                new Value.RefHost(9)), invoke.args());
        Command.AssertReturn get = (Command.AssertReturn) commands.get(3);
        assertEquals(new Action.Get(null, "g"), get.action());
        assertEquals(List.of(new Expected.Exact(new Value.Num(Value.NumType.I32, 42))), get.expected());
    }

    @Test
    void expectedPatterns() {
        Command.AssertReturn r = (Command.AssertReturn) parse("""
                (assert_return (invoke "f")
                  (f32.const nan:canonical) (f64.const nan:arithmetic)
                  (v128.const f32x4 nan:canonical 1 nan:arithmetic -0)
                  (ref.null) (ref.null func) (ref.extern) (ref.extern 3) (ref.func) (ref.i31) (ref.struct)
                  (either (i32.const 1) (i32.const 2)))
                """).getFirst();
        List<Expected> e = r.expected();
        assertEquals(new Expected.Nan(Value.NumType.F32, true), e.get(0));
        assertEquals(new Expected.Nan(Value.NumType.F64, false), e.get(1));
        assertEquals(new Expected.Vec(Expected.Shape.F32X4, List.of(
                new Expected.Lane(0, Expected.NanKind.CANONICAL),
                new Expected.Lane(0x3F800000L, null),
                new Expected.Lane(0, Expected.NanKind.ARITHMETIC),
                new Expected.Lane(0x80000000L, null))), e.get(2));
        assertEquals(new Expected.RefNull(null), e.get(3));
        assertEquals(new Expected.RefNull(ValType.HT_FUNC), e.get(4));
        assertEquals(new Expected.RefExtern(null), e.get(5));
        assertEquals(new Expected.RefExtern(3L), e.get(6));
        assertEquals(new Expected.RefOfKind(Expected.RefKind.FUNC), e.get(7));
        assertEquals(new Expected.RefOfKind(Expected.RefKind.I31), e.get(8));
        assertEquals(new Expected.RefOfKind(Expected.RefKind.STRUCT), e.get(9));
        assertEquals(new Expected.Either(List.of(
                new Expected.Exact(new Value.Num(Value.NumType.I32, 1)),
                new Expected.Exact(new Value.Num(Value.NumType.I32, 2)))), e.get(10));
    }

    @Test
    void trapsExhaustionExceptionsAndLinking() {
        List<Command> commands = parse("""
                (assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
                (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
                (assert_exhaustion (invoke "loop") "call stack exhausted")
                (assert_exception (invoke "throw"))
                (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
                (assert_uninstantiable (module (memory 1)) "out of bounds")
                (assert_malformed_custom (module quote "(@custom)") "missing section name")
                """);
        assertEquals("integer divide by zero", ((Command.AssertTrap) commands.get(0)).message());
        assertInstanceOf(Command.AssertModuleTrap.class, commands.get(1));
        assertEquals("call stack exhausted", ((Command.AssertExhaustion) commands.get(2)).message());
        assertEquals(new Action.Invoke(null, "throw", List.of()), ((Command.AssertException) commands.get(3)).action());
        assertInstanceOf(Command.AssertUnlinkable.class, commands.get(4));
        assertInstanceOf(Command.AssertUninstantiable.class, commands.get(5));
        assertInstanceOf(Command.AssertMalformedCustom.class, commands.get(6));
    }

    @Test
    void threadsAndWait() {
        List<Command> commands = parse("""
                (module $Mem (memory 1 1 shared))
                (thread $T1 (shared (module $Mem)) (register "mem" $Mem) (invoke "run"))
                (wait $T1)
                """);
        Command.Thread thread = assertInstanceOf(Command.Thread.class, commands.get(1));
        assertEquals("T1", thread.name());
        assertEquals(List.of("Mem"), thread.sharedModules());
        assertEquals(2, thread.commands().size());
        assertEquals(new Command.Wait(3, "T1"), commands.get(2));
    }

    @Test
    void aScriptOfBareFieldsIsOneModule() {
        List<Command> commands = parse("(func) (memory 0) (func (export \"f\"))");
        Command.ModuleDefinition m = assertInstanceOf(Command.ModuleDefinition.class, commands.getFirst());
        assertEquals(1, commands.size());
        assertNull(m.id());
        assertEquals(2, m.source().decode().functions().size());
    }

    @Test
    void malformedScriptsAreRejectedWithAPosition() {
        TextFormatException e = assertThrows(TextFormatException.class, () -> parse("(assert_return (invoke \"f\") (i32.const x))"));
        assertEquals(1, e.line());
        assertThrows(TextFormatException.class, () -> parse("(bogus)"));
        assertThrows(TextFormatException.class, () -> parse("(assert_return (invoke \"f\")"));
    }
}
