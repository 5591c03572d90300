/// Text being written as UTF-8 bytes: the exports build their files with tens of thousands of small appends a
/// build, and an append here is a capacity check and a copy, where `[UInt8]`'s generic `append(contentsOf:)` paid
/// some ninety instructions (uniqueness check, sequence path) and `String`'s `+` an allocation per piece.
///
/// The writer owns its memory alone (it cannot be copied), so nothing is shared or copied on write.
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    private(set) var count = 0

    /// An empty writer with room for `capacity` bytes before it grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, copied whole into an array (`Array(_:)` of a buffer copies them one by one).
    var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let start = buffer.baseAddress { start.initialize(from: base, count: count) }
            initialized = count
        }
    }

    /// The bytes written, as text.
    var text: String { withBytes(from: 0) { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes written from `start` on, in place.
    func withBytes<Result>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(start >= 0 && start <= count, "reading from outside the bytes written")
        return body(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// Appends the bytes in `bytes`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let end = count + bytes.count
        if end > capacity { grow(toHold: end) }
        (base + count).initialize(from: source, count: bytes.count)
        count = end
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: byte)
        count += 1
    }

    /// Appends a literal's UTF-8 bytes, copied from the binary.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends a string's UTF-8 bytes, read in place.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends the bytes another writer has written.
    mutating func append(_ other: borrowing ByteWriter) {
        other.withBytes(from: 0) { append($0) }
    }

    /// Appends `value` in decimal digits, with a `-` when it is negative, as `String(value)` writes it.
    mutating func append(decimal value: Int) {
        if value >= 0, value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        var digitCount = 1
        var rest = value.magnitude / 10
        while rest != 0 {
            digitCount += 1
            rest /= 10
        }
        let end = count + digitCount
        if end > capacity { grow(toHold: end) }
        // The digits are written from the last.
        var magnitude = value.magnitude
        for position in (count..<end).reversed() {
            (base + position).initialize(to: UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        }
        count = end
    }

    /// Appends `value` least significant byte first, as zip headers store numbers.
    mutating func append<Value: FixedWidthInteger>(little value: Value) {
        let size = MemoryLayout<Value>.size
        if count + size > capacity { grow(toHold: count + size) }
        UnsafeMutableRawPointer(base + count).storeBytes(of: value.littleEndian, as: Value.self)
        count += size
    }

    /// Overwrites the bytes at `offset` with `value`, least significant byte first.
    mutating func store<Value: FixedWidthInteger>(little value: Value, at offset: Int) {
        precondition(offset >= 0 && offset + MemoryLayout<Value>.size <= count, "storing outside the bytes written")
        UnsafeMutableRawPointer(base + offset).storeBytes(of: value.littleEndian, as: Value.self)
    }

    /// Forgets the last `byteCount` bytes written.
    mutating func removeLast(_ byteCount: Int) {
        precondition(byteCount >= 0 && byteCount <= count, "removing more bytes than were written")
        count -= byteCount
    }
}

private extension ByteWriter {
    /// Moves the bytes to a buffer of at least `minimum` bytes, doubling the capacity at least, so that a run of
    /// appends costs one copy of the bytes on average.
    mutating func grow(toHold minimum: Int) {
        let capacity = max(minimum, 2 * self.capacity)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.moveInitialize(from: self.base, count: count)
        self.base.deallocate()
        self.base = base
        self.capacity = capacity
    }
}
