package dev.wasmrt.jit;

import org.objectweb.asm.ClassWriter;

/**
 * A ClassWriter that computes frames without loading classes: the generated code only merges
 * references that it treats as {@code Object} afterwards (helpers take Object and cast), so
 * Object is always a correct common supertype, and loading classes here could pick the wrong
 * class loader.
 */
final class FrameClassWriter extends ClassWriter {
    FrameClassWriter() { super(COMPUTE_FRAMES); }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return type1.equals(type2) ? type1 : "java/lang/Object";
    }
}
