package dev.wasmrt.decoder.model;

/** What an import expects. Function and tag imports name a type index of the module. */
public sealed interface ImportDesc {
    ExternKind kind();

    record Func(int typeIndex) implements ImportDesc {
        public ExternKind kind() { return ExternKind.FUNC; }
    }

    record Table(TableType type) implements ImportDesc {
        public ExternKind kind() { return ExternKind.TABLE; }
    }

    record Memory(MemoryType type) implements ImportDesc {
        public ExternKind kind() { return ExternKind.MEMORY; }
    }

    record Global(GlobalType type) implements ImportDesc {
        public ExternKind kind() { return ExternKind.GLOBAL; }
    }

    record Tag(int typeIndex) implements ImportDesc {
        public ExternKind kind() { return ExternKind.TAG; }
    }
}
