package dev.wasmrt.wasi;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Imports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every function of wasi_snapshot_preview1 (witx), with its core signature. */
class WasiImportsTest {
    /** name, then parameters (i = i32, I = i64); every function returns an i32 errno except proc_exit. */
    private static final List<String> SIGNATURES = List.of(
            "args_get ii", "args_sizes_get ii", "environ_get ii", "environ_sizes_get ii",
            "clock_res_get ii", "clock_time_get iIi",
            "fd_advise iIIi", "fd_allocate iII", "fd_close i", "fd_datasync i", "fd_fdstat_get ii",
            "fd_fdstat_set_flags ii", "fd_fdstat_set_rights iII", "fd_filestat_get ii", "fd_filestat_set_size iI",
            "fd_filestat_set_times iIIi", "fd_pread iiiIi", "fd_prestat_get ii", "fd_prestat_dir_name iii",
            "fd_pwrite iiiIi", "fd_read iiii", "fd_readdir iiiIi", "fd_renumber ii", "fd_seek iIii", "fd_sync i",
            "fd_tell ii", "fd_write iiii",
            "path_create_directory iii", "path_filestat_get iiiii", "path_filestat_set_times iiiiIIi",
            "path_link iiiiiii", "path_open iiiiiIIii", "path_readlink iiiiii", "path_remove_directory iii",
            "path_rename iiiiii", "path_symlink iiiii", "path_unlink_file iii",
            "poll_oneoff iiii", "proc_exit i", "proc_raise i", "sched_yield ", "random_get ii",
            "sock_accept iii", "sock_recv iiiiii", "sock_send iiiii", "sock_shutdown ii");

    @Test
    void definesAllFortySixFunctionsWithTheirSignatures() {
        Imports imports = new Wasi(new WasiConfig()).define(new Imports());
        assertEquals(46, SIGNATURES.size());
        for (String signature : SIGNATURES) {
            String name = signature.substring(0, signature.indexOf(' '));
            String params = signature.substring(signature.indexOf(' ') + 1);
            FunctionInstance f = assertInstanceOf(FunctionInstance.class, imports.lookup(Wasi.MODULE, name), name);
            List<ValType> expectedParams = params.chars().mapToObj(c -> c == 'I' ? ValType.I64 : ValType.I32).toList();
            assertEquals(expectedParams, f.type().params(), name);
            assertEquals(name.equals("proc_exit") ? List.of() : List.of(ValType.I32), f.type().results(), name);
        }
    }
}
