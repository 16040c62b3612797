package dev.wasmrt.cli.engine;

import dev.wasmrt.hostapi.ApiModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of a WASI guest: the module file ({@code .wasm} binary or {@code .wat} text), its
 * command line (argv[0] first), environment, directories and standard streams, and the {@code api}
 * import module, or null for a guest that gets only WASI.
 */
public record GuestRun(Path moduleFile, List<String> argv, Map<String, String> environment,
                       List<Preopen> preopens, InputStream stdin, OutputStream stdout,
                       OutputStream stderr, ApiModule api) {

    public GuestRun {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        preopens = List.copyOf(preopens);
    }
}
