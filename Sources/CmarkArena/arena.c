#include "cmark_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Every allocation is preceded by its size, so that `realloc` knows how much to copy; both are 16-byte aligned.
#define HEADER 16
// Small allocations are carved out of chunks of this size, which are kept for the thread's next documents (up to
// `KEPT_CHUNKS` of them): reusing memory that is already mapped spares the page faults of fresh memory.
#define CHUNK_SIZE ((size_t)256 * 1024)
#define KEPT_CHUNKS 16
// Larger allocations get memory of their own, given back when the documents are freed.
#define LARGE (CHUNK_SIZE / 4)

typedef struct block {
    struct block *next;
    size_t used;
    _Alignas(16) unsigned char data[];
} block;

typedef struct {
    block *first;         // the chunks, in the order they are used
    block *current;       // the chunk allocated from now
    block *large;         // allocations of their own
    unsigned char *last;  // the most recent allocation from a chunk, which can grow in place
    int depth;            // documents open
} arena;

static _Thread_local arena current;

// A thread's chunks are given back when it ends: the key's destructor runs at thread exit for every thread that
// has set a value for it (its value is unused; the chunks are found through `current`).
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static _Thread_local int registered;

static void free_chunks(void *unused) {
    (void)unused;
    while (current.large != NULL) {
        block *next = current.large->next;
        free(current.large);
        current.large = next;
    }
    while (current.first != NULL) {
        block *next = current.first->next;
        free(current.first);
        current.first = next;
    }
    current.current = NULL;
    current.last = NULL;
}

static void make_exit_key(void) { pthread_key_create(&exit_key, free_chunks); }

static void register_thread(void) {
    pthread_once(&exit_key_once, make_exit_key);
    pthread_setspecific(exit_key, &current);
    registered = 1;
}

static size_t round_up(size_t size) { return (size + 15) & ~(size_t)15; }

static void *checked_malloc(size_t size) {
    void *memory = malloc(size);
    if (memory == NULL) abort();
    return memory;
}

static unsigned char *allocate(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t needed = HEADER + round_up(size);
    if (needed > LARGE) {
        block *own = checked_malloc(sizeof(block) + needed);
        own->next = current.large;
        current.large = own;
        *(size_t *)own->data = size;
        return own->data + HEADER;
    }
    block *chunk = current.current;
    if (chunk == NULL || CHUNK_SIZE - chunk->used < needed) {
        block *next = chunk == NULL ? current.first : chunk->next;
        if (next == NULL) {
            next = checked_malloc(sizeof(block) + CHUNK_SIZE);
            next->next = NULL;
            if (chunk == NULL) current.first = next; else chunk->next = next;
        }
        next->used = 0;
        current.current = chunk = next;
    }
    unsigned char *start = chunk->data + chunk->used;
    chunk->used += needed;
    *(size_t *)start = size;
    current.last = start + HEADER;
    return start + HEADER;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) abort();
    size_t total = count * size;
    unsigned char *memory = allocate(total);
    memset(memory, 0, total);
    return memory;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    unsigned char *old = pointer;
    size_t old_size = *(size_t *)(old - HEADER);
    block *chunk = current.current;
    // The most recent allocation grows in place while its chunk has room: cmark's buffers grow one at a time.
    if (old == current.last && chunk != NULL) {
        size_t start = (size_t)(old - HEADER - chunk->data);
        size_t needed = HEADER + round_up(size);
        if (size <= SIZE_MAX / 2 && start + needed <= CHUNK_SIZE) {
            chunk->used = start + needed;
            *(size_t *)(old - HEADER) = size;
            return old;
        }
    }
    unsigned char *fresh = allocate(size);
    memcpy(fresh, old, old_size < size ? old_size : size);
    return fresh;
}

static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *cmark_arena_open(void) {
    if (!registered) register_thread();
    current.depth += 1;
    return &allocator;
}

void cmark_arena_close(void) {
    if (current.depth == 0) abort();
    current.depth -= 1;
    if (current.depth > 0) return;
    while (current.large != NULL) {
        block *next = current.large->next;
        free(current.large);
        current.large = next;
    }
    // Keep the first chunks for the next document; give back the rest, which only a large document needed.
    block *chunk = current.first;
    for (int kept = 1; chunk != NULL && kept < KEPT_CHUNKS; kept++) chunk = chunk->next;
    if (chunk != NULL) {
        block *extra = chunk->next;
        chunk->next = NULL;
        while (extra != NULL) {
            block *next = extra->next;
            free(extra);
            extra = next;
        }
    }
    current.current = NULL;
    current.last = NULL;
}

unsigned long cmark_arena_reserved_bytes(void) {
    unsigned long total = 0;
    for (block *chunk = current.first; chunk != NULL; chunk = chunk->next) total += CHUNK_SIZE;
    for (block *own = current.large; own != NULL; own = own->next) total += *(size_t *)own->data;
    return total;
}
