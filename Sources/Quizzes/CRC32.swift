/// The CRC-32 checksum zip uses (polynomial 0xEDB88320).
///
/// Computed "slicing by 16": sixteen tables let each step fold sixteen bytes into the checksum, the first four (into
/// which the checksum so far is folded) read as one word, the other twelve with one load and one table look-up each.
/// That is about two and a half instructions a byte, where slicing by 8 from words took three and the classic
/// byte-at-a-time loop eight; a QTI package is checksummed whole, so this runs over every byte of it.
enum CRC32 {
    /// The checksum of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum($0) }
    }

    /// The checksum of the bytes in `buffer`, read in place.
    static func checksum(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let start = buffer.baseAddress else { return 0 }
        let bytes = UnsafeRawPointer(start)
        let count = buffer.count
        return tables.withUnsafeBufferPointer { table in
            func entry(_ slice: Int, _ value: UInt32) -> UInt32 { table[slice &* 256 &+ Int(value & 0xFF)] }
            var crc = ~UInt32(0)
            var index = 0
            while index &+ 16 <= count {
                // The checksum so far is folded into the first four bytes, read as one word; the other twelve are
                // each one load and one table look-up.
                let first = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self)) ^ crc
                func byte(_ offset: Int) -> UInt32 { table[(15 &- offset) &* 256 &+ Int(start[index &+ offset])] }
                crc = entry(15, first) ^ entry(14, first >> 8) ^ entry(13, first >> 16) ^ entry(12, first >> 24)
                    ^ byte(4) ^ byte(5) ^ byte(6) ^ byte(7) ^ byte(8) ^ byte(9) ^ byte(10) ^ byte(11)
                    ^ byte(12) ^ byte(13) ^ byte(14) ^ byte(15)
                index &+= 16
            }
            while index < count {
                crc = entry(0, crc ^ UInt32(start[index])) ^ (crc >> 8)
                index &+= 1
            }
            return ~crc
        }
    }
}

private extension CRC32 {
    /// `tables[k * 256 + b]`: the CRC of byte `b` followed by `k` zero bytes; `k == 0` is the classic table.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 16 * 256)
        for index in 0..<256 {
            tables[index] = (0..<8).reduce(UInt32(index)) { crc, _ in crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        for index in 256..<(16 * 256) {
            let previous = tables[index - 256]
            tables[index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
        }
        return tables
    }()
}
