/// Why the preview could not start: the address is taken, or the private build folder cannot be made.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do about it.
    public var description: String

    /// An error with a message that says how to fix it.
    public init(_ description: String) {
        self.description = description
    }
}
