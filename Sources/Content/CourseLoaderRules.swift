/// The slug rules shared by the loader and the scaffold, and where a slug is written.
enum CourseLoaderRules {
    /// Whether the slug is lower-case letters a-z, digits and single hyphens, neither first nor last.
    ///
    /// Read from the bytes: such a slug is ASCII, where every byte is a character, and any other byte fails it.
    static func isCleanSlug(_ slug: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen  // so that a hyphen first counts as a double one, and an empty slug fails
        for byte in slug.utf8 {
            let isLetterOrDigit = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)  // a-z, 0-9
            guard isLetterOrDigit || (byte == hyphen && previous != hyphen) else { return false }
            previous = byte
        }
        return previous != hyphen
    }

    /// The line of the file on which `key:` starts a line of the YAML, or `firstLine` when none does.
    static func lineOfKey(_ key: String, in yaml: String, firstLine: Int) -> Int {
        // A line feed is a character of its own (or the end of `\r\n`), so lines are found by their bytes. Only a line
        // whose bytes start with the prefix is compared as text (which a combining mark after the `:` can still fail).
        let prefix = "\(key):"
        var yaml = yaml
        let line = yaml.withUTF8 { bytes in
            var line = 0
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if bytes[start..<end].starts(with: prefix.utf8),
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).hasPrefix(prefix)
                {
                    return line
                }
                start = end + 1
                line += 1
            }
            return 0
        }
        return firstLine + line
    }
}
