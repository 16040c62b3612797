/*
 * hello: a Sysinspect Wasm module in C. It reads the request line from standard input, logs
 * through the runtime's `api.log`, looks up the argument `name` with `api.header_get`, and
 * prints one JSON object. With the option `man` it prints its documentation instead.
 */
#include <stdio.h>
#include <string.h>

#define API(name) __attribute__((import_module("api"), import_name(name)))

API("log") void api_log(int level, const char *message, int length);
API("header_get") int api_header_get(const char *pointer, int pointer_length, char *out, int out_capacity);
API("header_has") int api_header_has(const char *pointer, int pointer_length);

enum { LOG_INFO = 1 };

static void log_info(const char *message) {
    api_log(LOG_INFO, message, (int) strlen(message));
}

/* The JSON value at `pointer` in the request, or "null"; the runtime writes it compactly. */
static const char *header_value(const char *pointer, char *buffer, int capacity) {
    int written = api_header_get(pointer, (int) strlen(pointer), buffer, capacity - 1);
    if (written <= 0 || written >= capacity - 1) {
        return "null";
    }
    buffer[written] = '\0';
    return buffer;
}

static int wants_manual(void) {
    char options[1024];
    /* A JSON array of strings: "\"man\"" can only appear as an element. */
    return strstr(header_value("/opts", options, sizeof options), "\"man\"") != NULL;
}

int main(void) {
    static char request[1 << 16];
    if (fgets(request, sizeof request, stdin) == NULL) {
        printf("{\"error\": \"no request on standard input\"}\n");
        return 1;
    }
    if (wants_manual()) {
        printf("{\"name\": \"hello\", \"description\": \"Greets someone.\","
               " \"arguments\": {\"name\": \"who to greet (any JSON value, default null)\"}}\n");
        return 0;
    }
    log_info("hello: preparing a greeting");
    char name[4096];
    const char *who = header_value("/args/name", name, sizeof name);
    int has_host = api_header_has("/host", 5);
    printf("{\"greeting\": \"Hello from C\", \"name\": %s, \"request_bytes\": %zu, \"has_host\": %s}\n",
           who, strlen(request), has_host == 1 ? "true" : "false");
    return 0;
}
