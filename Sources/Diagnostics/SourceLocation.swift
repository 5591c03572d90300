/// A place in a source file; lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file's path as shown to the author (relative to the course root where possible).
    public var path: String
    /// The line, counted from the top of the file (front matter included).
    public var line: Int
    /// The column in bytes, counted from 1.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
