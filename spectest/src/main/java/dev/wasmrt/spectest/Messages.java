package dev.wasmrt.spectest;

/** How an error message is compared with the text an assertion expects. */
final class Messages {
    private Messages() {}

    /**
     * True when {@code actual} starts with {@code expected}: the suite's texts are often
     * abbreviations of the reference interpreter's messages ("alignment" for "alignment must not
     * be larger than natural"), which is how the reference interpreter compares them too.
     */
    static boolean matches(String actual, String expected) {
        return actual != null && actual.startsWith(expected);
    }
}
