/// A link or image destination as written in the Markdown, with where it stands.
public struct LinkReference: Sendable, Hashable {
    /// Whether the destination is a link or an image.
    public enum Kind: Sendable, Hashable {
        case link
        case image
    }

    /// Link or image.
    public var kind: Kind
    /// The destination exactly as cmark read it.
    public var destination: String
    /// The line of the destination in the source file.
    public var line: Int
    /// The column of the destination in the source file.
    public var column: Int

    /// Creates a reference.
    public init(kind: Kind, destination: String, line: Int, column: Int) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
    }
}

/// What becomes of a link destination.
public enum LinkResolution: Sendable, Hashable {
    /// Leave it as written.
    case keep
    /// Write this URL instead.
    case replace(String)
    /// The destination is wrong; the message says how to fix it.
    case failure(String)
}
