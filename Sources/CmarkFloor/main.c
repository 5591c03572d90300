// CmarkFloor: the benchmark's floor (see docs/performance.md).
//
// The least work any Markdown site generator has to do with a course: read every Markdown file under a folder,
// render it with libcmark, and write one HTML file per input. One process, one thread, no templates, no
// checks, no fsync. `lectern build` is measured against this in the same benchmark run.
//
// Usage: CmarkFloor CONTENT_DIR OUTPUT_DIR
//   Every `*.md` file under CONTENT_DIR (recursively, in sorted order) becomes OUTPUT_DIR/<same path>.html.
//   Prints one line: `files=N markdown_bytes=B html_bytes=H`.
#define _GNU_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    char **items;
    size_t count, capacity;
} PathList;

static void die(const char *what, const char *path) {
    fprintf(stderr, "CmarkFloor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void push(PathList *list, char *path) {
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 256;
        list->items = realloc(list->items, list->capacity * sizeof *list->items);
        if (!list->items) die("out of memory for", path);
    }
    list->items[list->count++] = path;
}

static int ends_with(const char *text, const char *suffix) {
    size_t n = strlen(text), m = strlen(suffix);
    return n >= m && memcmp(text + n - m, suffix, m) == 0;
}

// Collects the paths (relative to `root`) of every *.md file below `root/relative`.
static void collect(const char *root, const char *relative, PathList *out) {
    char *folder;
    if (asprintf(&folder, "%s%s%s", root, *relative ? "/" : "", relative) < 0) die("out of memory for", root);
    DIR *dir = opendir(folder);
    if (!dir) die("cannot open folder", folder);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char *child;
        if (asprintf(&child, "%s%s%s", relative, *relative ? "/" : "", entry->d_name) < 0) die("out of memory for", folder);
        int is_dir = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) {
            char *full;
            struct stat info;
            if (asprintf(&full, "%s/%s", root, child) < 0 || stat(full, &info) != 0) die("cannot stat", child);
            is_dir = S_ISDIR(info.st_mode);
            free(full);
        }
        if (is_dir) {
            collect(root, child, out);
            free(child);
        } else if (ends_with(child, ".md")) {
            push(out, child);
        } else {
            free(child);
        }
    }
    closedir(dir);
    free(folder);
}

static int compare_paths(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) die("cannot open", path);
    struct stat info;
    if (fstat(fd, &info) != 0) die("cannot stat", path);
    char *buffer = malloc((size_t)info.st_size + 1);
    if (!buffer) die("out of memory for", path);
    size_t done = 0;
    while (done < (size_t)info.st_size) {
        ssize_t n = read(fd, buffer + done, (size_t)info.st_size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) die("cannot read", path);
        if (n == 0) break;
        done += (size_t)n;
    }
    close(fd);
    *length = done;
    return buffer;
}

static void write_file(const char *path, const char *bytes, size_t length) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) die("cannot create", path);
    size_t done = 0;
    while (done < length) {
        ssize_t n = write(fd, bytes + done, length - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) die("cannot write", path);
        done += (size_t)n;
    }
    close(fd);
}

// mkdir -p for the folder part of `path` (which is modified and restored).
static void make_parents(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) die("cannot create folder", path);
        *slash = '/';
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONTENT_DIR OUTPUT_DIR\n", argv[0]);
        return 64;
    }
    const char *input = argv[1], *output = argv[2];
    char *output_folder;  // mkdir -p OUTPUT_DIR
    if (asprintf(&output_folder, "%s/", output) < 0) die("out of memory for", output);
    make_parents(output_folder);
    free(output_folder);

    PathList files = {0};
    collect(input, "", &files);
    qsort(files.items, files.count, sizeof *files.items, compare_paths);

    size_t markdown_bytes = 0, html_bytes = 0;
    for (size_t i = 0; i < files.count; i++) {
        char *source, *target;
        if (asprintf(&source, "%s/%s", input, files.items[i]) < 0) die("out of memory for", files.items[i]);
        size_t stem = strlen(files.items[i]) - 3;  // without ".md"
        if (asprintf(&target, "%s/%.*s.html", output, (int)stem, files.items[i]) < 0) die("out of memory for", files.items[i]);

        size_t length;
        char *markdown = read_file(source, &length);
        char *html = cmark_markdown_to_html(markdown, length, CMARK_OPT_DEFAULT);
        if (!html) die("cmark failed on", source);
        size_t html_length = strlen(html);
        make_parents(target);
        write_file(target, html, html_length);

        markdown_bytes += length;
        html_bytes += html_length;
        free(html);
        free(markdown);
        free(source);
        free(target);
        free(files.items[i]);
    }
    free(files.items);
    printf("files=%zu markdown_bytes=%zu html_bytes=%zu\n", files.count, markdown_bytes, html_bytes);
    return 0;
}
