package dev.wasmrt.hostapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory PackageKit: a fixed catalogue, and a record of the changes asked of it. */
final class FakePackageKit implements PackageKit {
    final List<String> calls = new ArrayList<>();
    boolean reachable = true;
    List<String> changedIds = List.of();

    private static final List<PackageSignal> CATALOGUE = List.of(
            new PackageSignal(1, "vim;9.0;amd64;installed:debian", "Vi IMproved"),
            new PackageSignal(2, "curl;8.1;amd64;debian-main", "URL tool"),
            new PackageSignal(1, "bash;5.2;amd64;installed", "GNU shell"));

    @Override
    public boolean available() {
        return reachable;
    }

    @Override
    public Status status() throws PackageKitException {
        requireReachable();
        return new Status("apt", "idle", "debian;12;x86_64", false, 2, List.of("/1_abc"), 1, 2, 8);
    }

    @Override
    public List<PackageSignal> packages(long filter) throws PackageKitException {
        requireReachable();
        calls.add("packages " + filter);
        return CATALOGUE.stream().filter(p -> p.packageId().contains(";installed")).toList();
    }

    @Override
    public Map<String, List<Map<String, Object>>> history(List<String> names, int count) throws PackageKitException {
        requireReachable();
        calls.add("history " + names + " " + count);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", "9.0");
        entry.put("timestamp", 1700000000L);
        return Map.of("vim", List.of(entry));
    }

    @Override
    public List<PackageSignal> resolve(long filter, List<String> names) throws PackageKitException {
        requireReachable();
        calls.add("resolve " + filter + " " + names);
        return CATALOGUE.stream().filter(p -> names.contains(p.packageId().split(";")[0])).toList();
    }

    @Override
    public List<String> change(Change change, List<String> packageIds) throws PackageKitException {
        requireReachable();
        calls.add(change + " " + packageIds);
        return changedIds;
    }

    private void requireReachable() throws PackageKitException {
        if (!reachable) {
            throw new PackageKitException("cannot connect to the system bus: no socket");
        }
    }
}
