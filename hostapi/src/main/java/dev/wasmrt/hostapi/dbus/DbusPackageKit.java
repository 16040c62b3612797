package dev.wasmrt.hostapi.dbus;

import dev.wasmrt.hostapi.PackageKit;
import dev.wasmrt.hostapi.PackageKitException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * {@link PackageKit} over D-Bus: the system bus by default, or any bus address (tests use a
 * private bus). The connection is made on first use and kept until {@link #close}.
 */
public final class DbusPackageKit implements PackageKit, AutoCloseable {
    /** Installing or upgrading can take long; a transaction that never finishes must not hang the guest forever. */
    private static final Duration TRANSACTION_LIMIT = Duration.ofMinutes(30);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final String DEFAULT_SYSTEM_BUS = "unix:path=/var/run/dbus/system_bus_socket";
    private static final String UNIX_PATH = "unix:path=";

    private final String address;
    private DBusConnection connection;

    private DbusPackageKit(String address) {
        this.address = address;
    }

    /** The system bus: {@code DBUS_SYSTEM_BUS_ADDRESS} when set, else the standard socket. */
    public static DbusPackageKit systemBus() {
        return new DbusPackageKit(null);
    }

    /** A bus at a D-Bus address such as {@code unix:path=/tmp/bus}. */
    public static DbusPackageKit at(String address) {
        return new DbusPackageKit(address);
    }

    @Override
    public boolean available() {
        try {
            daemon().GetDaemonState();
            return true;
        } catch (PackageKitException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Status status() throws PackageKitException {
        try {
            Properties properties = connection().getRemoteObject(PackageKitDaemon.BUS_NAME, PackageKitDaemon.OBJECT_PATH, Properties.class);
            PackageKitDaemon daemon = daemon();
            List<String> transactions = new ArrayList<>();
            for (DBusPath path : daemon.GetTransactionList()) {
                transactions.add(path.getPath());
            }
            return new Status(property(properties, "BackendName").toString(), daemon.GetDaemonState(),
                    property(properties, "DistroId").toString(), (Boolean) property(properties, "Locked"),
                    number(property(properties, "NetworkState")), transactions,
                    number(property(properties, "VersionMajor")), number(property(properties, "VersionMinor")),
                    number(property(properties, "VersionMicro")));
        } catch (DBusException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public List<PackageSignal> packages(long filter) throws PackageKitException {
        return transaction(t -> t.GetPackages(new UInt64(filter)));
    }

    @Override
    public Map<String, List<Map<String, Object>>> history(List<String> names, int count) throws PackageKitException {
        try {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            daemon().GetPackageHistory(names, new UInt32(count)).forEach((name, entries) -> {
                List<Map<String, Object>> plainEntries = new ArrayList<>();
                for (Map<String, Variant<?>> entry : entries) {
                    Map<String, Object> plainEntry = new LinkedHashMap<>();
                    entry.forEach((key, value) -> plainEntry.put(key, plain(value)));
                    plainEntries.add(plainEntry);
                }
                out.put(name, plainEntries);
            });
            return out;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public List<PackageSignal> resolve(long filter, List<String> names) throws PackageKitException {
        return transaction(t -> t.Resolve(new UInt64(filter), names));
    }

    @Override
    public List<String> change(Change change, List<String> packageIds) throws PackageKitException {
        UInt64 noFlags = new UInt64(0);
        List<PackageSignal> signals = transaction(t -> {
            switch (change) {
                case INSTALL -> t.InstallPackages(noFlags, packageIds);
                case REMOVE -> t.RemovePackages(noFlags, packageIds, true, false);
                case UPDATE -> t.UpdatePackages(noFlags, packageIds);
            }
        });
        List<String> ids = new ArrayList<>();
        for (PackageSignal signal : signals) {
            if (!ids.contains(signal.packageId())) {
                ids.add(signal.packageId());
            }
        }
        return ids;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // The process is done with the bus either way.
            }
            connection = null;
        }
    }

    private interface TransactionCall {
        void start(PackageKitTransaction transaction);
    }

    /** Runs one transaction and collects its {@code Package} signals until {@code Finished}. */
    @SuppressWarnings("try") // the handlers only need to be closed, never used
    private List<PackageSignal> transaction(TransactionCall call) throws PackageKitException {
        List<PackageSignal> packages = Collections.synchronizedList(new ArrayList<>());
        String[] error = new String[1];
        CountDownLatch finished = new CountDownLatch(1);
        try {
            DBusConnection bus = connection();
            String path = daemon().CreateTransaction().getPath();
            try (AutoCloseable onPackage = bus.addSigHandler(PackageKitTransaction.Package.class, signal -> {
                    if (path.equals(signal.getPath())) {
                        packages.add(new PackageSignal(signal.info().longValue(), signal.packageId(), signal.summary()));
                    }
                });
                 AutoCloseable onError = bus.addSigHandler(PackageKitTransaction.ErrorCode.class, signal -> {
                     if (path.equals(signal.getPath())) {
                         synchronized (error) {
                             error[0] = signal.details() + " (PackageKit error " + signal.code() + ")";
                         }
                     }
                 });
                 AutoCloseable onFinished = bus.addSigHandler(PackageKitTransaction.Finished.class, signal -> {
                     if (path.equals(signal.getPath())) {
                         finished.countDown();
                     }
                 })) {
                call.start(bus.getRemoteObject(PackageKitDaemon.BUS_NAME, path, PackageKitTransaction.class));
                if (!finished.await(TRANSACTION_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new PackageKitException("the PackageKit transaction did not finish within " + TRANSACTION_LIMIT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageKitException("interrupted while waiting for PackageKit");
        } catch (PackageKitException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e);
        }
        synchronized (error) {
            if (error[0] != null) {
                throw new PackageKitException(error[0]);
            }
        }
        return List.copyOf(packages);
    }

    private PackageKitDaemon daemon() throws PackageKitException {
        try {
            return connection().getRemoteObject(PackageKitDaemon.BUS_NAME, PackageKitDaemon.OBJECT_PATH, PackageKitDaemon.class);
        } catch (DBusException e) {
            throw failure(e);
        }
    }

    private synchronized DBusConnection connection() throws PackageKitException {
        if (connection == null) {
            String busAddress = address != null ? address
                    : System.getenv().getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", DEFAULT_SYSTEM_BUS);
            // dbus-java retries a missing socket until its timeout; a host without a bus should answer at once.
            if (busAddress.startsWith(UNIX_PATH) && busAddress.indexOf(',') < 0
                    && !Files.exists(Path.of(busAddress.substring(UNIX_PATH.length())))) {
                throw new PackageKitException("cannot connect to the system bus: no socket at "
                        + busAddress.substring(UNIX_PATH.length()));
            }
            try {
                connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false)
                        .transportConfig().withTimeout(CONNECT_TIMEOUT_MILLIS).back()
                        .build();
            } catch (DBusException | RuntimeException e) {
                throw new PackageKitException("cannot connect to the system bus: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private static Object property(Properties properties, String name) {
        Object value = properties.Get(PackageKitDaemon.INTERFACE, name);
        return value instanceof Variant<?> variant ? variant.getValue() : value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A D-Bus value as plain Java values that Jackson writes as JSON. */
    private static Object plain(Object value) {
        return switch (value) {
            case Variant<?> variant -> plain(variant.getValue());
            case UInt64 unsigned -> unsigned.value();
            case UInt32 unsigned -> unsigned.longValue();
            case UInt16 unsigned -> unsigned.intValue();
            case DBusPath path -> path.getPath();
            case List<?> list -> list.stream().map(DbusPackageKit::plain).toList();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((key, element) -> out.put(String.valueOf(plain(key)), plain(element)));
                yield out;
            }
            case null -> null;
            default -> value.getClass().isArray() && !(value instanceof byte[]) ? arrayToList(value) : value;
        };
    }

    private static List<Object> arrayToList(Object array) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            out.add(plain(Array.get(array, i)));
        }
        return out;
    }

    private static PackageKitException failure(Exception e) {
        return new PackageKitException("PackageKit call failed: " + e.getMessage(), e);
    }
}
