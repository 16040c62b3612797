package dev.wasmrt.hostapi.dbus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * A PackageKit daemon for tests: owns {@code org.freedesktop.PackageKit} on a private bus and
 * answers the calls the host API makes from a small package catalogue. Every transaction call
 * is recorded, and removing the package "locked" fails with an {@code ErrorCode} signal.
 */
final class TestPackageKitService implements PackageKitDaemon, Properties, AutoCloseable {
    static final List<String[]> CATALOGUE = List.of(
            new String[] {"vim;9.0.1;amd64;installed:debian", "Vi IMproved"},
            new String[] {"curl;8.1.2;amd64;debian-main", "command line URL tool"},
            new String[] {"locked;1.0;all;installed", "a package that cannot be removed"});
    static final long INFO_INSTALLED = 1;
    static final long INFO_AVAILABLE = 2;

    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final DBusConnection connection;
    private final AtomicInteger transactions = new AtomicInteger();

    TestPackageKitService(String address) throws DBusException {
        connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        connection.exportObject(OBJECT_PATH, this);
        connection.requestBusName(BUS_NAME);
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

    @Override
    public String GetDaemonState() {
        return "idle since start";
    }

    @Override
    public List<DBusPath> GetTransactionList() {
        return List.of(new DBusPath("/42_running"));
    }

    @Override
    public DBusPath CreateTransaction() {
        String path = "/" + transactions.incrementAndGet() + "_test";
        try {
            connection.exportObject(path, new Transaction(path));
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
        return new DBusPath(path);
    }

    @Override
    public Map<String, List<Map<String, Variant<?>>>> GetPackageHistory(List<String> names, UInt32 count) {
        calls.add("GetPackageHistory " + names + " " + count);
        Map<String, Variant<?>> entry = new LinkedHashMap<>();
        entry.put("info", new Variant<>(new UInt32(INFO_INSTALLED)));
        entry.put("version", new Variant<>("9.0.1"));
        entry.put("timestamp", new Variant<>(new UInt64(1_700_000_000L)));
        Map<String, List<Map<String, Variant<?>>>> history = new LinkedHashMap<>();
        for (String name : names) {
            history.put(name, List.of(entry));
        }
        return history;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String iface, String name) {
        Object value = switch (name) {
            case "BackendName" -> "test-backend";
            case "DistroId" -> "debian;13;x86_64";
            case "Locked" -> Boolean.FALSE;
            case "NetworkState" -> new UInt32(2);
            case "VersionMajor" -> new UInt32(1);
            case "VersionMinor" -> new UInt32(3);
            case "VersionMicro" -> new UInt32(2);
            default -> throw new IllegalArgumentException("no property " + name);
        };
        return (A) value;
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        return Map.of();
    }

    @Override
    public void close() {
        connection.disconnect();
    }

    private interface SignalFactory {
        DBusSignal create() throws DBusException;
    }

    /** One transaction object: answers with signals, then {@code Finished}. */
    private final class Transaction implements PackageKitTransaction {
        private final String path;

        Transaction(String path) {
            this.path = path;
        }

        @Override
        public String getObjectPath() {
            return path;
        }

        @Override
        public void GetPackages(UInt64 filter) {
            calls.add("GetPackages " + filter);
            for (String[] entry : CATALOGUE) {
                if (entry[0].contains(";installed")) {
                    emit(() -> new PackageKitTransaction.Package(path, new UInt32(INFO_INSTALLED), entry[0], entry[1]));
                }
            }
            finish();
        }

        @Override
        public void Resolve(UInt64 filter, List<String> packages) {
            calls.add("Resolve " + filter + " " + packages);
            for (String[] entry : CATALOGUE) {
                if (packages.contains(entry[0].split(";")[0])) {
                    long info = entry[0].contains(";installed") ? INFO_INSTALLED : INFO_AVAILABLE;
                    emit(() -> new PackageKitTransaction.Package(path, new UInt32(info), entry[0], entry[1]));
                }
            }
            finish();
        }

        @Override
        public void InstallPackages(UInt64 transactionFlags, List<String> packageIds) {
            calls.add("InstallPackages " + transactionFlags + " " + packageIds);
            for (String id : packageIds) {
                emit(() -> new PackageKitTransaction.Package(path, new UInt32(INFO_INSTALLED), id, "installed"));
            }
            emit(() -> new PackageKitTransaction.Package(path, new UInt32(INFO_INSTALLED), "libcurl;8.1.2;amd64;debian-main", "dependency"));
            finish();
        }

        @Override
        public void RemovePackages(UInt64 transactionFlags, List<String> packageIds, boolean allowDeps, boolean autoremove) {
            calls.add("RemovePackages " + transactionFlags + " " + packageIds + " " + allowDeps + " " + autoremove);
            if (packageIds.stream().anyMatch(id -> id.startsWith("locked;"))) {
                emit(() -> new PackageKitTransaction.ErrorCode(path, new UInt32(25), "package locked is protected"));
            }
            finish();
        }

        @Override
        public void UpdatePackages(UInt64 transactionFlags, List<String> packageIds) {
            calls.add("UpdatePackages " + transactionFlags + " " + packageIds);
            finish();
        }

        private void finish() {
            emit(() -> new PackageKitTransaction.Finished(path, new UInt32(1), new UInt32(5)));
        }

        private void emit(SignalFactory signal) {
            try {
                connection.sendMessage(signal.create());
            } catch (DBusException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
