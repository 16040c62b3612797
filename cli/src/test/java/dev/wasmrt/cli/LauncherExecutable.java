package dev.wasmrt.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds the {@code wasm-runtime} executable as the package phase does: the launcher script from
 * {@code src/main/launcher} with one jar of this test's class path appended.
 */
final class LauncherExecutable {
    private LauncherExecutable() {}

    static Path build(Path file) {
        Path script = Path.of(System.getProperty("wasm.launcher", "src/main/launcher/wasm-runtime.sh"));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Files.readAllBytes(script));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                Set<String> written = new HashSet<>();
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path)) {
                        addDirectory(jar, path, written);
                    } else if (Files.isRegularFile(path)) {
                        addJar(jar, path, written);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!file.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + file + " executable");
        }
        return file;
    }

    private static void addDirectory(JarOutputStream jar, Path root, Set<String> written) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                add(jar, root.relativize(file).toString().replace(File.separatorChar, '/'), in, written);
            }
        }
    }

    private static void addJar(JarOutputStream jar, Path path, Set<String> written) throws IOException {
        try (JarFile source = new JarFile(path.toFile())) {
            for (JarEntry entry : source.stream().filter(e -> !e.isDirectory()).toList()) {
                try (InputStream in = source.getInputStream(entry)) {
                    add(jar, entry.getName(), in, written);
                }
            }
        }
    }

    /** The first copy of a name wins; signatures and module descriptors stay out, as the shade plugin leaves them. */
    private static void add(JarOutputStream jar, String name, InputStream in, Set<String> written) throws IOException {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        boolean excluded = upper.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                || (upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA")));
        if (excluded || !written.add(name)) {
            return;
        }
        jar.putNextEntry(new JarEntry(name));
        in.transferTo(jar);
        jar.closeEntry();
    }
}
