#ifndef LECTERN_CMARK_ARENA_H
#define LECTERN_CMARK_ARENA_H

#include <cmark.h>

/// A bump allocator for cmark, one per thread: parsing a document makes tens of thousands of small allocations
/// (nodes, their text, the parser's buffers) that are all freed together with the document, so they are carved out
/// of 256 KB chunks and `free` does nothing. When the last document a thread has open is freed, the thread's arena
/// starts again from its first chunk (it keeps up to 16 of them; larger allocations are given back). A thread's
/// chunks are freed when the thread ends.
///
/// Rules: a document parsed with the allocator `cmark_arena_open` returns is used and freed on the thread that
/// parsed it, and `cmark_arena_close` is called once for every `cmark_arena_open`, after the document is freed.
/// Everything cmark allocates for that document (nodes, rendered HTML, iterators) is then gone: copy what is kept.

/// Opens this thread's arena for one more document and returns the allocator to parse it with.
cmark_mem *cmark_arena_open(void);

/// Closes what `cmark_arena_open` opened; when nothing is open any more the arena's memory is reused.
void cmark_arena_close(void);

/// The bytes this thread's arena holds in chunks (for tests).
unsigned long cmark_arena_reserved_bytes(void);

#endif
