package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.ExternRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ExternConversionsTest {
    @Test
    void anInternalReferenceSurvivesARoundTripThroughExtern() {
        I31Ref i31 = I31Ref.of(1_000_000);
        Object external = ExternConversions.externalize(i31);
        assertInstanceOf(ExternRef.class, external);
        assertSame(i31, ExternConversions.internalize(external));
    }

    @Test
    void aHostValueIsItsOwnAnyView() {
        ExternRef host = new ExternRef(42L);
        Object internal = ExternConversions.internalize(host);
        assertSame(host, internal);
        assertSame(host, ExternConversions.externalize(internal));
    }

    @Test
    void aHostWrappedInternalValueIsUnwrapped() {
        I31Ref i31 = I31Ref.of(7);
        assertEquals(i31, ExternConversions.internalize(new ExternRef(i31)));
    }

    @Test
    void nullStaysNull() {
        assertNull(ExternConversions.internalize(null));
        assertNull(ExternConversions.externalize(null));
    }
}
