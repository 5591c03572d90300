import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files below a folder, by `readdir` and `stat` alone: building a URL and asking for its resource values per
/// file (an `NSURL` built, parsed and decoded for each) made a build with nothing changed take half a second and a
/// poll of `lectern serve`'s watcher 130 ms.
public enum FileTree {
    /// Calls `visit` with the path (relative to `base`) and `stat` of every regular file below `base`, in directory
    /// order; a link to a file counts as the file, a link to a folder is not followed, and a name for which `skip` is
    /// true is left out with everything below it. Nothing happens when `base` is not a folder.
    public static func forEachFile(below base: String, skipping skip: (String) -> Bool = { _ in false }, _ visit: (String, stat) -> Void) {
        forEachEntry(below: base, skipping: skip) { path, full, info in
            if let file = regularFile(full, lstat: info) { visit(path, file) }
        }
    }

    /// Calls `visit` with the relative path, the full path and the `lstat` of everything below `base` that is not a
    /// folder (files, links of any kind, other special files), in directory order; folders are walked, links to
    /// folders are not followed, and a name for which `skip` is true is left out with everything below it.
    static func forEachEntry(below base: String, skipping skip: (String) -> Bool, _ visit: (String, String, stat) -> Void) {
        func walk(_ relative: String, depth: Int) {
            guard depth < 64 else { return }
            forEachName(in: relative.isEmpty ? base : base + "/" + relative) { name, full, info in
                guard !skip(name) else { return }
                let path = relative.isEmpty ? name : relative + "/" + name
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(path, depth: depth + 1)
                } else {
                    visit(path, full, info)
                }
            }
        }
        walk("", depth: 0)
    }

    /// Calls `visit` with the name, the full path and the `lstat` of each entry of one folder (not `.` and `..`), in
    /// directory order, without going into the folders among them. Nothing happens when `folder` is not a folder.
    public static func forEachName(in folder: String, _ visit: (String, String, stat) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard name != ".", name != ".." else { continue }
            let full = folder + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            visit(name, full, info)
        }
    }

    /// The `stat` of a regular file, or of the regular file a link leads to; `nil` for anything else.
    public static func regularFile(_ full: String, lstat info: stat) -> stat? {
        var info = info
        if info.st_mode & S_IFMT == S_IFLNK, stat(full, &info) != 0 { return nil }
        return info.st_mode & S_IFMT == S_IFREG ? info : nil
    }
}
