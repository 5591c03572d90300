/// A problem found in an author's input, located at a file, line and column.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        case warning
        case error
    }

    /// Whether this stops the build.
    public var severity: Severity
    /// Where the problem is; `nil` for problems of the whole course.
    public var location: SourceLocation?
    /// A short code such as `E021` for diagnostics that have one.
    public var code: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, code: String? = nil) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }

    /// An error at a location.
    public static func error(_ message: String, at location: SourceLocation?, code: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, code: code)
    }

    /// A warning at a location.
    public static func warning(_ message: String, at location: SourceLocation?, code: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, code: code)
    }

    /// The compiler-style line: `path:line:col: error: CODE message`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let prefix = code.map { "\($0) " } ?? ""
        return "\(place)\(severity.rawValue): \(prefix)\(message)"
    }
}
