extension String {
    /// The text with every occurrence of `target` replaced, by a plain scan of the UTF-8 bytes.
    ///
    /// Foundation's `replacingOccurrences` goes through NSString on Linux and was the build's hottest spot.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        var text = self
        text.makeContiguousUTF8()
        let result: [UInt8]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var result: [UInt8] = []
            var index = 0
            var copied = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    if result.isEmpty { result.reserveCapacity(bytes.count + 64) }
                    result.append(contentsOf: bytes[copied..<index])
                    result.append(contentsOf: replacement.utf8)
                    index += needle.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return [] }
            result.append(contentsOf: bytes[copied...])
            return result
        }
        guard let result, !result.isEmpty else { return text }
        return String(decoding: result, as: UTF8.self)
    }
}
