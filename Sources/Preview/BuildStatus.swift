import Diagnostics
import Foundation

/// The latest build as the browser sees it, in `GET /__lectern/status` and the `diagnostics` event.
public struct BuildStatus: Sendable, Hashable, Codable {
    /// One diagnostic, ready for the overlay.
    public struct Entry: Sendable, Hashable, Codable {
        /// `error` or `warning`.
        public var severity: String
        /// `path:line:col`, or `nil` for problems of the whole course.
        public var location: String?
        /// What is wrong and how to fix it.
        public var message: String
        /// The whole compiler-style line, as the terminal prints it.
        public var text: String
    }

    /// Whether the latest build succeeded (and is what is being served).
    public var succeeded: Bool
    /// The diagnostics of the latest build: its errors when it failed, its warnings when it succeeded.
    public var diagnostics: [Entry]

    /// The status of a build with these diagnostics.
    public init(succeeded: Bool, diagnostics: [Diagnostic]) {
        self.succeeded = succeeded
        self.diagnostics = diagnostics.map {
            Entry(severity: $0.severity.rawValue, location: $0.location?.description, message: $0.message, text: $0.description)
        }
    }

    /// The status on one line of JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and booleans cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self)
    }
}
