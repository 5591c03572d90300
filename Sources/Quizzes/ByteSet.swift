/// A set of byte values, for finding the few bytes of a text that need escaping: a 256-entry table makes testing
/// a byte one load and compare, where a `switch` or bit mask cost a dozen instructions per byte of every text.
struct ByteSet: Sendable {
    private let members: [Bool]

    /// The set of these bytes.
    init(_ bytes: some Sequence<UInt8>) {
        var members = [Bool](repeating: false, count: 256)
        for byte in bytes { members[Int(byte)] = true }
        self.members = members
    }

    /// The index of the first byte of `bytes` at or after `start` that is in the set, or `bytes.count`.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        members.withUnsafeBufferPointer { members in
            var index = start
            // Four bytes a step: the loop's own count and branch are paid once for four tests.
            while index &+ 4 <= bytes.count {
                if members[Int(bytes[index])] { return index }
                if members[Int(bytes[index &+ 1])] { return index &+ 1 }
                if members[Int(bytes[index &+ 2])] { return index &+ 2 }
                if members[Int(bytes[index &+ 3])] { return index &+ 3 }
                index &+= 4
            }
            while index < bytes.count {
                if members[Int(bytes[index])] { return index }
                index &+= 1
            }
            return bytes.count
        }
    }
}
