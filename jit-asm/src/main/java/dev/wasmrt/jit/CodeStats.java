package dev.wasmrt.jit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bytecode sizes of generated methods, read from the class files: the measure that matters for
 * HotSpot, which never JIT-compiles a method over {@link #HUGE_METHOD} bytes.
 */
public final class CodeStats {
    private CodeStats() {}

    /** HotSpot's DontCompileHugeMethods threshold, in bytes of bytecode. */
    public static final int HUGE_METHOD = 8000;

    public record MethodSize(String className, String method, int bytes) {}

    /** Every method with code in the generated classes. */
    public static List<MethodSize> methods(CompiledCode code) {
        List<MethodSize> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : code.classes().entrySet()) {
            try {
                read(e.getKey(), e.getValue(), out);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        return out;
    }

    /** Walks the class file format far enough to find each method's Code attribute. */
    private static void read(String className, byte[] bytes, List<MethodSize> out) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipNBytes(8);
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant tag " + tag);
            }
        }
        in.skipNBytes(6);
        in.skipNBytes(2L * in.readUnsignedShort());
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.skipNBytes(2);
            String name = utf8[in.readUnsignedShort()];
            in.skipNBytes(2);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attr = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attr.equals("Code")) {
                    in.skipNBytes(4);
                    int codeLength = in.readInt();
                    out.add(new MethodSize(className, name, codeLength));
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int a = 0; a < n; a++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt());
        }
    }
}
