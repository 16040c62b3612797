package dev.wasmrt.decoder.model;

/**
 * The immediate layouts of instructions in {@link Expr#ops()}: the ints that follow an opcode.
 * Every decoder writes these layouts and every engine reads them, so this list is the contract.
 *
 * <p>Conventions: a block type is two ints, {@code kind, value}, with kind {@link #BLOCK_EMPTY}
 * (value 0), {@link #BLOCK_VALUE} (value = {@link ValType#encode()}) or {@link #BLOCK_TYPE_INDEX}
 * (value = a type index). A {@code pc} is an index into {@code ops}: {@code endPc} is the
 * position of the block's matching {@code end} (or, for {@code try ... delegate}, of the
 * {@code delegate}). 64-bit values are two ints, low word first. A heap type is the binary
 * format's s33 value (see {@link ValType}).
 */
public enum Immediates {
    /** Nothing. */
    NONE(0),
    /** {@code atomic.fence}: nothing in ops (the binary's reserved zero byte is checked and dropped). */
    FENCE(0),
    /** block, loop: blockKind, blockValue, endPc. */
    BLOCK(3),
    /** if: blockKind, blockValue, elsePc (-1 when there is no else), endPc. */
    IF(4),
    /** else: endPc of its if. */
    ELSE(1),
    /**
     * try_table: blockKind, blockValue, endPc, n, then n catch clauses of three ints:
     * catchKind (0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref), tag index (-1 for the
     * catch_all forms), label depth.
     */
    TRY_TABLE(-1),
    /** legacy try: blockKind, blockValue, endPc, pc of its first catch/catch_all/delegate (-1 when none). */
    TRY(4),
    /** legacy catch: tag index, pc of the next catch/catch_all (-1 when none), endPc. */
    CATCH(3),
    /** legacy catch_all: endPc. */
    CATCH_ALL(1),
    /** br, br_if, br_on_null, br_on_non_null, rethrow, delegate: label depth. */
    LABEL(1),
    /** br_table: n, then n label depths, then the default depth (n + 2 ints). */
    BR_TABLE(-1),
    /** call, return_call, ref.func: function index. */
    FUNC(1),
    /** call_indirect, return_call_indirect: type index, table index. */
    CALL_INDIRECT(2),
    /** call_ref, return_call_ref, struct.new*, array.new, array.new_default, array.get*, array.set, array.fill: type index. */
    TYPE(1),
    /** struct.get*, struct.set: type index, field index. */
    TYPE_FIELD(2),
    /** array.new_fixed: type index, element count. */
    TYPE_COUNT(2),
    /** array.new_data, array.init_data: type index, data index. */
    TYPE_DATA(2),
    /** array.new_elem, array.init_elem: type index, element segment index. */
    TYPE_ELEM(2),
    /** array.copy: destination type index, source type index. */
    TYPE_TYPE(2),
    /** local.get/set/tee: local index. */
    LOCAL(1),
    /** global.get/set: global index. */
    GLOBAL(1),
    /** table.get/set/size/grow/fill: table index. */
    TABLE(1),
    /** table.copy: destination table, source table. */
    TABLE_TABLE(2),
    /** table.init: element segment index, table index. */
    ELEM_TABLE(2),
    /** elem.drop: element segment index. */
    ELEM(1),
    /** Loads, stores, atomics: log2 of alignment, memory index, offset low word, offset high word. */
    MEMARG(4),
    /** v128.loadN_lane/storeN_lane: the four ints of MEMARG, then the lane index. */
    MEMARG_LANE(5),
    /** memory.size, memory.grow, memory.fill: memory index. */
    MEMORY(1),
    /** memory.copy: destination memory, source memory. */
    MEMORY_MEMORY(2),
    /** memory.init: data index, memory index. */
    DATA_MEMORY(2),
    /** data.drop: data index. */
    DATA(1),
    /** i32.const: the value. */
    I32(1),
    /** i64.const: low word, high word. */
    I64(2),
    /** f32.const: the raw bits. */
    F32(1),
    /** f64.const: raw bits, low word then high word. */
    F64(2),
    /** v128.const: four ints, lowest-addressed bytes first (little-endian within each int). */
    V128(4),
    /** i8x16.shuffle: the sixteen lane indices packed four to an int, lowest lane in the lowest byte. */
    SHUFFLE(4),
    /** extract_lane/replace_lane: lane index. */
    LANE(1),
    /** ref.null, ref.test, ref.cast (and their nullable forms): heap type. */
    HEAPTYPE(1),
    /** br_on_cast, br_on_cast_fail: flags (bit 0: source nullable, bit 1: target nullable), label depth, source heap type, target heap type. */
    BR_ON_CAST(4),
    /** select with types: n, then n encoded value types. */
    SELECT_T(-1),
    /** throw: tag index. */
    TAG(1);

    public static final int BLOCK_EMPTY = 0;
    public static final int BLOCK_VALUE = 1;
    public static final int BLOCK_TYPE_INDEX = 2;

    public static final int CATCH_KIND_CATCH = 0;
    public static final int CATCH_KIND_CATCH_REF = 1;
    public static final int CATCH_KIND_ALL = 2;
    public static final int CATCH_KIND_ALL_REF = 3;

    /** The number of ints, or -1 when it depends on the instruction (see {@link Opcodes#length}). */
    public final int fixedLength;

    Immediates(int fixedLength) { this.fixedLength = fixedLength; }
}
