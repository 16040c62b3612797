/* Shared by the WASI test guests: prints one line per call, "<label>: <errno name>[ <detail>]". */
#ifndef TRANSCRIPT_H
#define TRANSCRIPT_H

#include <stdio.h>
#include <wasi/api.h>

static const char *const ERRNO_NAMES[] = {
    "SUCCESS", "2BIG", "ACCES", "ADDRINUSE", "ADDRNOTAVAIL", "AFNOSUPPORT", "AGAIN", "ALREADY",
    "BADF", "BADMSG", "BUSY", "CANCELED", "CHILD", "CONNABORTED", "CONNREFUSED", "CONNRESET",
    "DEADLK", "DESTADDRREQ", "DOM", "DQUOT", "EXIST", "FAULT", "FBIG", "HOSTUNREACH", "IDRM",
    "ILSEQ", "INPROGRESS", "INTR", "INVAL", "IO", "ISCONN", "ISDIR", "LOOP", "MFILE", "MLINK",
    "MSGSIZE", "MULTIHOP", "NAMETOOLONG", "NETDOWN", "NETRESET", "NETUNREACH", "NFILE", "NOBUFS",
    "NODEV", "NOENT", "NOEXEC", "NOLCK", "NOLINK", "NOMEM", "NOMSG", "NOPROTOOPT", "NOSPC",
    "NOSYS", "NOTCONN", "NOTDIR", "NOTEMPTY", "NOTRECOVERABLE", "NOTSOCK", "NOTSUP", "NOTTY",
    "NXIO", "OVERFLOW", "OWNERDEAD", "PERM", "PIPE", "PROTO", "PROTONOSUPPORT", "PROTOTYPE",
    "RANGE", "ROFS", "SPIPE", "SRCH", "STALE", "TIMEDOUT", "TXTBSY", "XDEV", "NOTCAPABLE",
};

static const char *errno_name(__wasi_errno_t e) {
    return e < sizeof ERRNO_NAMES / sizeof ERRNO_NAMES[0] ? ERRNO_NAMES[e] : "UNKNOWN";
}

/* Prints the errno of one call and returns it, so callers can go on only when it succeeded. */
static __wasi_errno_t report(const char *label, __wasi_errno_t e) {
    printf("%s: %s\n", label, errno_name(e));
    return e;
}

static const char *filetype_name(__wasi_filetype_t t) {
    static const char *const names[] = {"unknown", "block_device", "character_device", "directory",
                                        "regular_file", "socket_dgram", "socket_stream", "symbolic_link"};
    return t < 8 ? names[t] : "invalid";
}

/* The sandbox preopen is always the first descriptor after stdio. */
#define SANDBOX_FD 3

#endif
