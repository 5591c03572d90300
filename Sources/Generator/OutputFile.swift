/// One file of the built site, held in memory until the whole build has succeeded.
struct OutputFile: Sendable, Hashable {
    /// The path under the output folder, such as `nl/index.html`.
    var path: String
    /// What to write.
    var contents: Contents

    enum Contents: Sendable, Hashable {
        /// Text written as UTF-8.
        case text(String)
        /// Bytes made by the build, such as a zip file.
        case bytes([UInt8])
        /// A file copied from the course, by absolute path.
        case copy(from: String)
    }
}
