import Testing
@testable import Quizzes

/// CRC-32 sliced sixteen bytes at a time gives the checksum of the classic one-byte-at-a-time definition.
@Suite struct CRC32Tests {
    /// The definition: one table lookup per byte.
    func bytewise(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var table: [UInt32] = []
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            table.append(crc)
        }
        var crc = ~UInt32(0)
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    /// Bytes that look random but are the same on every run (a linear congruential generator's high bytes).
    func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func theCheckValueOf123456789IsCBF43926() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(bytewise(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func everyLengthUpToThreeStepsAndBeyondMatchesTheBytewiseDefinition() {
        let bytes = noise(count: 4_099, seed: 1)
        for count in Array(0...50) + [255, 256, 257, 1_023, 1_024, 4_096, 4_099] {
            #expect(CRC32.checksum(Array(bytes[..<count])) == bytewise(bytes[..<count]), "length \(count)")
        }
    }

    @Test func bytesReadInPlaceAtAnyAlignmentMatchTheBytewiseDefinition() {
        let bytes = noise(count: 200, seed: 2)
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<17 {
                for end in stride(from: start, through: bytes.count, by: 7) {
                    let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    #expect(CRC32.checksum(slice) == bytewise(bytes[start..<end]), "bytes \(start)..<\(end)")
                }
            }
        }
    }

    @Test func allOnesAndAllZerosMatchTheBytewiseDefinition() {
        for byte: UInt8 in [0x00, 0xFF] {
            let bytes = [UInt8](repeating: byte, count: 100)
            #expect(CRC32.checksum(bytes) == bytewise(bytes))
        }
    }
}
