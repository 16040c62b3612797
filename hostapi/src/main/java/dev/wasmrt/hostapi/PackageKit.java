package dev.wasmrt.hostapi;

import java.util.List;
import java.util.Map;

/**
 * The PackageKit daemon's operations that the {@code packagekit_*} imports use, one method per
 * D-Bus call or transaction. Every failure is a {@link PackageKitException} whose message the
 * guest receives as {@code {"error": ...}}.
 */
public interface PackageKit {

    /** True only when the daemon answers a call; false when the bus or the daemon is not there. */
    boolean available();

    Status status() throws PackageKitException;

    /** The {@code Package} signals of a {@code GetPackages} transaction with the given filter bits. */
    List<PackageSignal> packages(long filter) throws PackageKitException;

    /** {@code GetPackageHistory(names, count)}: package name to its list of history entries. */
    Map<String, List<Map<String, Object>>> history(List<String> names, int count) throws PackageKitException;

    /** The {@code Package} signals of {@code Resolve(filter, names)}. */
    List<PackageSignal> resolve(long filter, List<String> names) throws PackageKitException;

    /** Runs a transaction that changes packages; returns the package ids its signals reported. */
    List<String> change(Change change, List<String> packageIds) throws PackageKitException;

    /** The transactions that change packages, by their D-Bus method. */
    enum Change { INSTALL, REMOVE, UPDATE }

    /** The daemon's properties and state, as {@code packagekit_status} reports them. */
    record Status(String backendName, String daemonState, String distroId, boolean locked, long networkState,
                  List<String> transactions, long versionMajor, long versionMinor, long versionMicro) {}

    /** One {@code Package(info, package_id, summary)} signal. */
    record PackageSignal(long info, String packageId, String summary) {}
}
