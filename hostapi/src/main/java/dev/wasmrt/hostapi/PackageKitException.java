package dev.wasmrt.hostapi;

/** A PackageKit call failed: bus unreachable, an {@code ErrorCode} signal, nothing resolved... */
public final class PackageKitException extends Exception {
    public PackageKitException(String message) {
        super(message);
    }

    public PackageKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
