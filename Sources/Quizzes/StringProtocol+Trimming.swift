extension StringProtocol {
    /// The text without leading and trailing characters made of scalars from `set` (so `"\r\n"` counts).
    func trimming(_ set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        func isTrimmed(_ character: Character) -> Bool { character.unicodeScalars.allSatisfy(scalars.contains) }
        var text = Substring(self)
        while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        return String(text)
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmed: String { trimming(" \t\r\n") }
}

extension String {
    /// The text with every line break replaced.
    func replacingNewlines(with replacement: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: replacement)
    }
}
