package dev.wasmrt.decoder.model;

/** A custom section, kept verbatim (the {@code name} section is also decoded into {@link Names}). */
public record CustomSection(String name, byte[] content) {
    public CustomSection { content = content.clone(); }

    @Override
    public byte[] content() { return content.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomSection c && name.equals(c.name) && java.util.Arrays.equals(content, c.content);
    }

    @Override
    public int hashCode() { return 31 * name.hashCode() + java.util.Arrays.hashCode(content); }

    @Override
    public String toString() { return "CustomSection[" + name + ", " + content.length + " bytes]"; }
}
