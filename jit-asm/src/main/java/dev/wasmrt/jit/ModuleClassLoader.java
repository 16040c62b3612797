package dev.wasmrt.jit;

import java.util.Map;

/**
 * Defines one module's generated classes, on first use. One loader per prepared module, so the
 * classes become unloadable together once nothing references the module any more.
 */
final class ModuleClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    ModuleClassLoader(Map<String, byte[]> classes) {
        super("wasm-module", ModuleClassLoader.class.getClassLoader());
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) throw new ClassNotFoundException(name);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
