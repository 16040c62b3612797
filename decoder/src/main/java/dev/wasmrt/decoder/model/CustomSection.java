package dev.wasmrt.decoder.model;

/** A custom section, kept verbatim (the {@code name} section is also decoded into {@link Names}). */
public record CustomSection(String name, byte[] content) {
    public CustomSection { content = content.clone(); }

    @Override
    public byte[] content() { return content.clone(); }
}
