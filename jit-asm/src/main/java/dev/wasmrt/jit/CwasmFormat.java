package dev.wasmrt.jit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The {@code .cwasm} file: a header that says which source, compiler and JVM the classes were
 * made for, the per-function compile decisions, the class files, and a CRC32 of everything
 * before it (so a damaged file is caught before any class is defined).
 *
 * <pre>
 * magic "WASMRT-CWASM\0" | u32 format | utf engine version | utf options | 32-byte SHA-256 of the .wasm
 * | u32 JVM feature | u32 functions, each: u8 compiled, utf fallback reason ("" when none)
 * | u32 classes, each: utf binary name, u32 length, bytes | u64 CRC32 of all preceding bytes
 * </pre>
 */
final class CwasmFormat {
    private CwasmFormat() {}

    static final byte[] MAGIC = "WASMRT-CWASM\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    /** Caps on counts read from a file, so a hostile file cannot make us allocate without bound. */
    private static final int MAX_ENTRIES = 1 << 22;

    /** What a cache entry must match to be used. */
    record Key(String engineVersion, String options, byte[] sourceSha256, int jvmFeature) {
        static Key of(CompilerOptions options, byte[] sourceSha256) {
            return new Key(Compiler.VERSION, options.key(), sourceSha256, Runtime.version().feature());
        }
    }

    /** Thrown for a file that is not a usable cache entry; the message says why. */
    static final class Unusable extends Exception {
        Unusable(String why) { super(why, null, false, false); }
    }

    static void write(OutputStream target, Key key, CompiledCode code) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(key.engineVersion());
        out.writeUTF(key.options());
        out.write(key.sourceSha256());
        out.writeInt(key.jvmFeature());
        out.writeInt(code.functionCount());
        for (int i = 0; i < code.functionCount(); i++) {
            out.writeBoolean(code.isCompiled(i));
            String reason = code.fallbackReason(i);
            out.writeUTF(reason == null ? "" : reason);
        }
        out.writeInt(code.classes().size());
        for (Map.Entry<String, byte[]> e : code.classes().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        buffer.writeTo(target);
    }

    /** Reads an entry, checking it against {@code expected}. */
    static CompiledCode read(byte[] file, Key expected) throws Unusable {
        if (file.length < MAGIC.length + 8 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) throw new Unusable("not a .cwasm file");
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 8);
        long stored = 0;
        for (int i = file.length - 8; i < file.length; i++) stored = stored << 8 | (file[i] & 0xFF);
        if (stored != crc.getValue()) throw new Unusable("corrupt or truncated");
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(file, MAGIC.length, file.length - 8 - MAGIC.length))) {
            int format = in.readInt();
            if (format != FORMAT_VERSION) throw new Unusable("format version " + format + ", expected " + FORMAT_VERSION);
            String engine = in.readUTF();
            if (!engine.equals(expected.engineVersion())) throw new Unusable("compiler version " + engine + ", expected " + expected.engineVersion());
            String options = in.readUTF();
            if (!options.equals(expected.options())) throw new Unusable("compiled with options " + options + ", expected " + expected.options());
            byte[] sha = in.readNBytes(32);
            if (!Arrays.equals(sha, expected.sourceSha256())) throw new Unusable("compiled from a different .wasm");
            int jvm = in.readInt();
            if (jvm != expected.jvmFeature()) throw new Unusable("made for Java " + jvm + ", running " + expected.jvmFeature());
            int functions = count(in);
            boolean[] compiled = new boolean[functions];
            String[] reasons = new String[functions];
            for (int i = 0; i < functions; i++) {
                compiled[i] = in.readBoolean();
                String r = in.readUTF();
                reasons[i] = r.isEmpty() ? null : r;
            }
            int classes = count(in);
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (int i = 0; i < classes; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) throw new Unusable("corrupt class entry");
                out.put(name, in.readNBytes(length));
            }
            if (in.available() != 0) throw new Unusable("trailing bytes");
            return new CompiledCode(out, compiled, reasons);
        } catch (EOFException e) {
            throw new Unusable("truncated");
        } catch (IOException e) {
            throw new Unusable("unreadable: " + e.getMessage());
        }
    }

    private static int count(InputStream in) throws IOException, Unusable {
        int n = new DataInputStream(in).readInt();
        if (n < 0 || n > MAX_ENTRIES) throw new Unusable("corrupt count " + n);
        return n;
    }
}
