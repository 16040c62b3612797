package dev.wasmrt.spectest.script;

import dev.wasmrt.decoder.text.Lexer;
import dev.wasmrt.decoder.text.SourcePositions;
import dev.wasmrt.decoder.text.TextFormatException;
import dev.wasmrt.decoder.text.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a .wast script into a {@link Script}. Modules are kept as source ({@link ModuleSource})
 * so that decoding errors become the outcome of their command, not a reader error. A script
 * whose first form is a module field (not a command) is one module written inline.
 * Malformed scripts raise {@link TextFormatException}.
 */
public final class ScriptParser {
    private static final Set<String> MODULE_FIELDS = Set.of("type", "rec", "import", "func", "table", "memory",
            "global", "tag", "export", "start", "elem", "data");

    private final byte[] source;
    private final ScriptCursor c;
    private final ConstantReader constants;

    private ScriptParser(byte[] source) {
        this.source = source;
        SourcePositions positions = new SourcePositions(source, 1, 1);
        this.c = new ScriptCursor(Lexer.tokenize(source, positions), positions);
        this.constants = new ConstantReader(c);
    }

    public static Script parse(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Script parse(String name, byte[] source) {
        ScriptParser p = new ScriptParser(source);
        return new Script(name, p.commands());
    }

    private List<Command> commands() {
        List<Command> out = new ArrayList<>();
        if (c.peek().is(Token.Kind.LPAREN) && c.peek(1).is(Token.Kind.ATOM) && MODULE_FIELDS.contains(c.peek(1).text())) {
            String all = new String(source, StandardCharsets.UTF_8);
            out.add(new Command.ModuleDefinition(1, null, false, new ModuleSource.Text(all, 1, 1)));
            return out;
        }
        while (!c.peek().is(Token.Kind.EOF)) out.add(command());
        return out;
    }

    private Command command() {
        Token open = c.expect(Token.Kind.LPAREN);
        Token head = c.atom();
        int line = c.line(open);
        try {
            Command command = switch (head.text()) {
                case "module" -> module(open);
                case "register" -> {
                    String name = c.string();
                    yield new Command.Register(line, name, c.optionalId());
                }
                case "invoke", "get" -> new Command.Perform(line, actionBody(head));
                case "assert_return" -> {
                    Action action = action();
                    List<Expected> expected = new ArrayList<>();
                    while (c.peek().is(Token.Kind.LPAREN)) expected.add(constants.expected());
                    yield new Command.AssertReturn(line, action, expected);
                }
                case "assert_trap" -> {
                    if (c.atList("module")) {
                        ModuleSource m = nestedModule();
                        yield new Command.AssertModuleTrap(line, m, c.string());
                    }
                    Action action = action();
                    yield new Command.AssertTrap(line, action, c.string());
                }
                case "assert_exhaustion" -> {
                    Action action = action();
                    yield new Command.AssertExhaustion(line, action, c.string());
                }
                case "assert_exception" -> new Command.AssertException(line, action());
                case "assert_malformed" -> {
                    ModuleSource m = nestedModule();
                    yield new Command.AssertMalformed(line, m, c.string());
                }
                case "assert_invalid" -> {
                    ModuleSource m = nestedModule();
                    yield new Command.AssertInvalid(line, m, c.string());
                }
                case "assert_unlinkable" -> {
                    ModuleSource m = nestedModule();
                    yield new Command.AssertUnlinkable(line, m, c.string());
                }
                case "assert_uninstantiable" -> {
                    ModuleSource m = nestedModule();
                    yield new Command.AssertUninstantiable(line, m, c.string());
                }
                case "assert_malformed_custom" -> {
                    ModuleSource m = nestedModule();
                    yield new Command.AssertMalformedCustom(line, m, c.string());
                }
                case "assert_invalid_custom" -> {
                    ModuleSource m = nestedModule();
                    yield new Command.AssertInvalidCustom(line, m, c.string());
                }
                case "thread" -> thread(line);
                case "wait" -> new Command.Wait(line, c.expect(Token.Kind.ID).text());
                default -> throw c.error("unknown command", head);
            };
            c.close(open);
            return command;
        } catch (NumberFormatException e) {
            throw c.error("malformed constant", c.peek(-1));
        } catch (ArithmeticException e) {
            throw c.error("constant out of range", c.peek(-1));
        }
    }

    /** The body of {@code (module ...)} after its keyword; the closing paren is left for the caller. */
    private Command module(Token open) {
        int line = c.line(open);
        if (c.peek().isAtom("instance")) {
            c.next();
            String instance = c.optionalId();
            String module = c.optionalId();
            return new Command.ModuleInstance(line, instance, module);
        }
        boolean definition = false;
        if (c.peek().isAtom("definition")) {
            c.next();
            definition = true;
        }
        String id = c.optionalId();
        if (!definition && c.peek().isAtom("definition")) {
            c.next();
            definition = true;
        }
        return new Command.ModuleDefinition(line, id, definition, moduleSource(line));
    }

    private ModuleSource moduleSource(int line) {
        if (c.peek().isAtom("binary")) {
            c.next();
            return new ModuleSource.Binary(c.strings());
        }
        if (c.peek().isAtom("quote")) {
            c.next();
            return new ModuleSource.Quote(c.strings(), line);
        }
        Token first = c.peek();
        Token close = c.skipToClose();
        String fields = new String(source, first.start(), close.start() - first.start(), StandardCharsets.UTF_8);
        return new ModuleSource.Text(fields, c.line(first), c.positions.column(first.start()));
    }

    /** {@code (module $id? ...)} nested in an assertion; its id is irrelevant there. */
    private ModuleSource nestedModule() {
        Token open = c.expect(Token.Kind.LPAREN);
        int line = c.line(open);
        if (!c.atom().isAtom("module")) throw c.error("unexpected token", open);
        if (c.peek().isAtom("definition")) c.next();
        c.optionalId();
        ModuleSource m = moduleSource(line);
        c.close(open);
        return m;
    }

    private Action action() {
        Token open = c.expect(Token.Kind.LPAREN);
        Token head = c.atom();
        Action a = actionBody(head);
        c.close(open);
        return a;
    }

    private Action actionBody(Token head) {
        String module = c.optionalId();
        String name = c.string();
        if (head.isAtom("get")) return new Action.Get(module, name);
        if (!head.isAtom("invoke")) throw c.error("unexpected token", head);
        List<Value> args = new ArrayList<>();
        while (c.peek().is(Token.Kind.LPAREN)) args.add(constants.value());
        return new Action.Invoke(module, name, args);
    }

    private Command thread(int line) {
        String name = c.optionalId();
        List<String> shared = new ArrayList<>();
        while (c.atList("shared")) {
            Token open = c.next();
            c.next();
            Token moduleOpen = c.expect(Token.Kind.LPAREN);
            if (!c.atom().isAtom("module")) throw c.error("unexpected token", moduleOpen);
            shared.add(c.expect(Token.Kind.ID).text());
            c.close(moduleOpen);
            c.close(open);
        }
        List<Command> commands = new ArrayList<>();
        while (c.peek().is(Token.Kind.LPAREN)) commands.add(command());
        return new Command.Thread(line, name, shared, commands);
    }
}
