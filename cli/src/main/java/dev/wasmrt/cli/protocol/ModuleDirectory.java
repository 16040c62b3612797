package dev.wasmrt.cli.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The modules of one directory: the regular files {@code <id>.wasm} (binary) or {@code <id>.wat}
 * (text) directly in it, symlinks not followed. Ids are only ever looked up among the listed
 * ones, so a name with a path separator or {@code ..} can never escape the directory.
 */
public final class ModuleDirectory {
    private static final String BINARY = ".wasm";
    private static final String TEXT = ".wat";

    private final Path directory;

    public ModuleDirectory(Path directory) {
        this.directory = directory;
    }

    public Path path() {
        return directory;
    }

    /** Module ids in byte order of their UTF-8 names, as the original runtime sorts them. */
    public List<String> list() throws ProtocolException {
        List<String> ids = new ArrayList<>(scan().keySet());
        ids.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        return ids;
    }

    /** The module file for an id; the binary form wins when both forms are present. */
    public Path find(String id) throws ProtocolException {
        Path file = scan().get(id);
        if (file == null) {
            throw new ProtocolException(RetCode.CONFIGURATION, "Module \"" + id + "\" was not found");
        }
        return file;
    }

    private Map<String, Path> scan() throws ProtocolException {
        Map<String, Path> modules = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String id = stem(name);
                if (id == null || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (name.endsWith(BINARY) || !modules.containsKey(id)) {
                    modules.put(id, entry);
                }
            }
        } catch (IOException | SecurityException e) {
            throw new ProtocolException(RetCode.LISTING_FAILED,
                    "Failed to get WASM modules: cannot read " + directory + ": " + describe(e));
        }
        return modules;
    }

    private static String stem(String name) {
        for (String extension : new String[] {BINARY, TEXT}) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return null;
    }

    private static String describe(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException ignored -> "no such directory";
            case java.nio.file.NotDirectoryException ignored -> "not a directory";
            case java.nio.file.AccessDeniedException ignored -> "permission denied";
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }
}
