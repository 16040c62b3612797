package dev.wasmrt.cli.engine;

import dev.wasmrt.hostapi.ApiModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of a WASI guest: the module file ({@code .wasm} binary or {@code .wat} text), its
 * command line (argv[0] first), environment, directories and standard streams, the {@code api}
 * import module (null for a guest that gets only WASI), and where the runtime's own notes go
 * (such as a rebuilt {@code .cwasm} cache; protocol mode's {@code quiet} discards them).
 */
public record GuestRun(Path moduleFile, List<String> argv, Map<String, String> environment,
                       List<Preopen> preopens, InputStream stdin, OutputStream stdout,
                       OutputStream stderr, ApiModule api, PrintStream notes) {

    public GuestRun {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        preopens = List.copyOf(preopens);
    }
}
