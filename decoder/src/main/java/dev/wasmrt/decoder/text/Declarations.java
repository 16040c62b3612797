package dev.wasmrt.decoder.text;

import java.util.List;

/**
 * The first pass over a module's fields: gives every definition its index and records the
 * symbolic names, so that the second pass can resolve references to fields defined later.
 * It also enforces that imports precede definitions.
 */
final class Declarations {
    private final ModuleContext cx;
    private final TokenCursor c;
    private String firstDefinition;

    private Declarations(ModuleContext cx) {
        this.cx = cx;
        this.c = cx.cursor;
    }

    static void declare(ModuleContext cx, List<Integer> fields) {
        Declarations d = new Declarations(cx);
        for (int f : fields) d.field(f);
    }

    private void field(int f) {
        Token head = c.token(f + 1);
        Token id = idAt(f + 2);
        switch (head.is(Token.Kind.ATOM) ? head.text() : "") {
            case "type" -> type(f);
            case "rec" -> {
                for (int child = f + 2; c.token(child).is(Token.Kind.LPAREN); child = c.after(child)) {
                    if (c.isList(child, "type")) type(child);
                }
            }
            case "import" -> {
                int desc = f + 4;
                if (!c.token(f + 2).is(Token.Kind.STRING) || !c.token(f + 3).is(Token.Kind.STRING)
                        || !c.token(desc).is(Token.Kind.LPAREN)) return;
                Token kind = c.token(desc + 1);
                IndexSpace space = kind.is(Token.Kind.ATOM) ? space(kind.text()) : null;
                if (space == null) return;
                checkImportOrder(head);
                space.add(idAt(desc + 2), c);
            }
            case "func", "table", "memory", "global", "tag" -> {
                IndexSpace space = space(head.text());
                if (hasInlineImport(f)) {
                    checkImportOrder(head);
                } else if (firstDefinition == null) {
                    firstDefinition = head.text().equals("func") ? "function" : head.text();
                }
                space.add(id, c);
                if (head.isAtom("table") && hasChild(f, "elem")) cx.elems.add(null, c);
                if (head.isAtom("memory") && hasChild(f, "data")) cx.datas.add(null, c);
            }
            case "elem" -> cx.elems.add(id, c);
            case "data" -> cx.datas.add(id, c);
            case "export", "start" -> { }
            default -> throw c.unexpected(head);
        }
    }

    private Token idAt(int index) {
        Token t = c.token(index);
        return t.is(Token.Kind.ID) ? t : null;
    }

    private IndexSpace space(String kind) {
        return switch (kind) {
            case "func" -> cx.funcs;
            case "table" -> cx.tables;
            case "memory" -> cx.memories;
            case "global" -> cx.globals;
            case "tag" -> cx.tags;
            default -> null;
        };
    }

    private void checkImportOrder(Token at) {
        if (firstDefinition != null) throw c.error("import after " + firstDefinition, at);
    }

    /** Whether the field's leading {@code (export ...)} lists are followed by {@code (import ...)}. */
    private boolean hasInlineImport(int f) {
        int child = idAt(f + 2) == null ? f + 2 : f + 3;
        while (c.isList(child, "export")) child = c.after(child);
        return c.isList(child, "import");
    }

    private boolean hasChild(int f, String keyword) {
        for (int child = f + 2; !c.token(child).is(Token.Kind.RPAREN) && !c.token(child).is(Token.Kind.EOF); ) {
            if (c.isList(child, keyword)) return true;
            child = c.token(child).is(Token.Kind.LPAREN) ? c.after(child) : child + 1;
        }
        return false;
    }

    /** Declares {@code (type $id? ...)} at {@code t} and the names of its struct fields. */
    private void type(int t) {
        Token id = idAt(t + 2);
        int typeIndex = cx.types.add(id, c);
        int body = id == null ? t + 2 : t + 3;
        if (c.isList(body, "sub")) {
            body += 2;
            while (!c.token(body).is(Token.Kind.LPAREN) && !c.token(body).is(Token.Kind.RPAREN)
                    && !c.token(body).is(Token.Kind.EOF)) body++;
        }
        if (!c.isList(body, "struct")) return;
        IndexSpace fields = new IndexSpace("field", "field");
        for (int field = body + 2; c.isList(field, "field"); field = c.after(field)) {
            Token fieldId = idAt(field + 2);
            if (fieldId != null) {
                fields.add(fieldId, c);
                continue;
            }
            for (int item = field + 2; !c.token(item).is(Token.Kind.RPAREN) && !c.token(item).is(Token.Kind.EOF); ) {
                fields.add(null, c);
                item = c.token(item).is(Token.Kind.LPAREN) ? c.after(item) : item + 1;
            }
        }
        cx.fieldNames.put(typeIndex, fields);
    }
}
