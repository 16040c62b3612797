package dev.wasmrt.hostapi.dbus;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The methods of {@code org.freedesktop.PackageKit} that the host API calls (names as on the bus). */
@DBusInterfaceName(PackageKitDaemon.INTERFACE)
public interface PackageKitDaemon extends DBusInterface {
    String BUS_NAME = "org.freedesktop.PackageKit";
    String INTERFACE = "org.freedesktop.PackageKit";
    String OBJECT_PATH = "/org/freedesktop/PackageKit";

    String GetDaemonState();

    List<DBusPath> GetTransactionList();

    DBusPath CreateTransaction();

    Map<String, List<Map<String, Variant<?>>>> GetPackageHistory(List<String> names, UInt32 count);
}
