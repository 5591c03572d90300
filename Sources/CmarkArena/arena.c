#include "cmark_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Every allocation is preceded by its size, so that `realloc` knows how much to copy; both are 16-byte aligned.
#define HEADER 16
#define FIRST_CHUNK ((size_t)256 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

typedef struct {
    chunk *chunks;        // the chunk allocated from first; older ones follow
    unsigned char *last;  // the most recent allocation, which can grow or be given back in place
    int depth;            // documents open
} arena;

static _Thread_local arena current;

static size_t round_up(size_t size) { return (size + 15) & ~(size_t)15; }

static void out_of_memory(void) { abort(); }

static unsigned char *allocate(size_t size) {
    size_t needed = HEADER + round_up(size);
    chunk *head = current.chunks;
    if (head == NULL || head->size - head->used < needed) {
        size_t capacity = needed > FIRST_CHUNK / 4 ? needed : (head == NULL ? FIRST_CHUNK : head->size * 2);
        chunk *fresh = malloc(sizeof(chunk) + capacity);
        if (fresh == NULL) out_of_memory();
        fresh->size = capacity;
        fresh->used = 0;
        if (head != NULL && needed > FIRST_CHUNK / 4) {
            // A large block gets a chunk of its own behind the current one, which stays the one to carve from.
            fresh->next = head->next;
            head->next = fresh;
            fresh->used = needed;
            *(size_t *)fresh->data = size;
            return fresh->data + HEADER;
        }
        fresh->next = head;
        current.chunks = head = fresh;
    }
    unsigned char *block = head->data + head->used;
    head->used += needed;
    *(size_t *)block = size;
    current.last = block + HEADER;
    return block + HEADER;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) out_of_memory();
    size_t total = count * size;
    unsigned char *block = allocate(total);
    memset(block, 0, total);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    unsigned char *old = pointer;
    size_t old_size = *(size_t *)(old - HEADER);
    chunk *head = current.chunks;
    // The most recent allocation grows in place when its chunk has room: cmark's buffers grow one at a time.
    if (old == current.last && head != NULL && old >= head->data && old < head->data + head->size) {
        size_t start = (size_t)(old - HEADER - head->data);
        size_t needed = HEADER + round_up(size);
        if (start + needed <= head->size) {
            head->used = start + needed;
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
    current.depth += 1;
    return &allocator;
}

void cmark_arena_close(void) {
    if (current.depth == 0) abort();
    current.depth -= 1;
    if (current.depth > 0) return;
    // Keep one chunk of the first size for the next document; give back the rest, which a large one needed.
    chunk *kept = NULL;
    chunk *each = current.chunks;
    while (each != NULL) {
        chunk *next = each->next;
        if (kept == NULL && each->size == FIRST_CHUNK) {
            kept = each;
        } else {
            free(each);
        }
        each = next;
    }
    if (kept != NULL) {
        kept->next = NULL;
        kept->used = 0;
    }
    current.chunks = kept;
    current.last = NULL;
}

unsigned long cmark_arena_reserved_bytes(void) {
    unsigned long total = 0;
    for (chunk *c = current.chunks; c != NULL; c = c->next) total += c->size;
    return total;
}
