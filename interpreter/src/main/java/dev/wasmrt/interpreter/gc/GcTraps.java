package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.Trap;

/** The spec's trap wordings for the GC instructions. */
public final class GcTraps {
    private GcTraps() {}

    public static Trap nullStructure() { return new Trap("null structure reference"); }

    public static Trap nullArray() { return new Trap("null array reference"); }

    public static Trap nullI31() { return new Trap("null i31 reference"); }

    public static Trap arrayOutOfBounds() { return new Trap("out of bounds array access"); }

    public static Trap castFailure() { return new Trap("cast failure"); }

    /** Segment reads past the end use the memory and table wordings, as the spec does. */
    public static Trap dataOutOfBounds() { return new Trap("out of bounds memory access"); }

    public static Trap elementsOutOfBounds() { return new Trap("out of bounds table access"); }

    public static Trap outOfMemory() { return new Trap("out of memory"); }

    /** Not a spec trap: an implementation limit, so hostile sizes fail cleanly instead of exhausting the heap. */
    public static Trap allocationTooLarge() { return new Trap("array allocation exceeds the implementation limit"); }
}
