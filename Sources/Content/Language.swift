/// A language of the course, named by its code (`nl`, `en`).
public struct Language: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The BCP 47 code as written in `site.yaml` and in file names.
    public let code: String

    /// Creates a language from its code.
    public init(_ code: String) { self.code = code }

    /// The code.
    public var description: String { code }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }

    /// Whether a string is a plausible language code: 2 or 3 lower-case letters, optionally `-` and a region.
    static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

/// A value per language, such as the site title.
public struct Localized<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The values by language.
    public var values: [Language: Value]

    /// Creates the localized value.
    public init(_ values: [Language: Value]) { self.values = values }

    /// The value in a language.
    public subscript(language: Language) -> Value? { values[language] }
}
