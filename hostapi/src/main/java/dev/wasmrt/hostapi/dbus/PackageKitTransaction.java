package dev.wasmrt.hostapi.dbus;

import java.util.List;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;

/** The methods and signals of {@code org.freedesktop.PackageKit.Transaction} that the host API uses. */
@DBusInterfaceName(PackageKitTransaction.INTERFACE)
public interface PackageKitTransaction extends DBusInterface {
    String INTERFACE = "org.freedesktop.PackageKit.Transaction";

    void GetPackages(UInt64 filter);

    void Resolve(UInt64 filter, List<String> packages);

    void InstallPackages(UInt64 transactionFlags, List<String> packageIds);

    void RemovePackages(UInt64 transactionFlags, List<String> packageIds, boolean allowDeps, boolean autoremove);

    void UpdatePackages(UInt64 transactionFlags, List<String> packageIds);

    /** One package the transaction found or changed. */
    class Package extends DBusSignal {
        private final UInt32 info;
        private final String packageId;
        private final String summary;

        public Package(String path, UInt32 info, String packageId, String summary) throws DBusException {
            super(path, info, packageId, summary);
            this.info = info;
            this.packageId = packageId;
            this.summary = summary;
        }

        public UInt32 info() { return info; }

        public String packageId() { return packageId; }

        public String summary() { return summary; }
    }

    /** The transaction failed; {@code Finished} still follows. */
    class ErrorCode extends DBusSignal {
        private final UInt32 code;
        private final String details;

        public ErrorCode(String path, UInt32 code, String details) throws DBusException {
            super(path, code, details);
            this.code = code;
            this.details = details;
        }

        public UInt32 code() { return code; }

        public String details() { return details; }
    }

    /** The transaction is over. */
    class Finished extends DBusSignal {
        private final UInt32 exit;
        private final UInt32 runtime;

        public Finished(String path, UInt32 exit, UInt32 runtime) throws DBusException {
            super(path, exit, runtime);
            this.exit = exit;
            this.runtime = runtime;
        }

        public UInt32 exit() { return exit; }

        public UInt32 runtime() { return runtime; }
    }
}
