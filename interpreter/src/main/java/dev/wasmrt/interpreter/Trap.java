package dev.wasmrt.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * A Wasm trap. {@link #reason()} is the spec's wording ("unreachable", "integer overflow",
 * "out of bounds memory access", ...); {@link #wasmStack()} lists the Wasm frames the trap
 * passed through, innermost first, each as {@code name} or {@code func[index]}.
 */
public class Trap extends RuntimeException {
    private final String reason;
    private final List<String> wasmStack = new ArrayList<>();

    public Trap(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() { return reason; }

    public List<String> wasmStack() { return List.copyOf(wasmStack); }

    /** Called by engines as the trap leaves a Wasm frame. */
    public void addFrame(String frame) {
        if (wasmStack.size() < 64) wasmStack.add(frame);
    }

    @Override
    public String getMessage() {
        if (wasmStack.isEmpty()) return reason;
        return reason + "\n  at " + String.join("\n  at ", wasmStack);
    }

    public static Trap unreachable() { return new Trap("unreachable"); }
    public static Trap integerOverflow() { return new Trap("integer overflow"); }
    public static Trap divideByZero() { return new Trap("integer divide by zero"); }
    public static Trap invalidConversion() { return new Trap("invalid conversion to integer"); }
    public static Trap memoryOutOfBounds() { return new Trap("out of bounds memory access"); }
    public static Trap tableOutOfBounds() { return new Trap("out of bounds table access"); }
    public static Trap undefinedElement() { return new Trap("undefined element"); }
    /** The reference interpreter names the slot; spec texts match by prefix, so both forms pass. */
    public static Trap uninitializedElement(long index) { return new Trap("uninitialized element " + index); }
    public static Trap indirectCallTypeMismatch() { return new Trap("indirect call type mismatch"); }
    public static Trap nullReference() { return new Trap("null reference"); }
    public static Trap nullFunctionReference() { return new Trap("null function reference"); }
    public static Trap callStackExhausted() { return new Trap("call stack exhausted"); }
    public static Trap unalignedAtomic() { return new Trap("unaligned atomic"); }
    public static Trap expectedSharedMemory() { return new Trap("expected shared memory"); }
}
