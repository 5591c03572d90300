import Testing
@testable import Quizzes

/// The byte writer appends exactly the bytes it is given, growing as needed, and numbers as `String` writes them.
@Suite struct ByteWriterTests {
    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 12_345, 1_000_000_007, -1, -9, -10, -12_345, Int.max, Int.min])
    func decimalsAreWrittenAsStringWritesThem(_ value: Int) {
        var writer = ByteWriter(capacity: 0)
        writer.append(decimal: value)
        #expect(writer.text == String(value))
    }

    @Test func literalsBytesAndStringsAreAppendedAsUTF8() {
        var writer = ByteWriter(capacity: 0)
        writer.append(UInt8(ascii: "a"))
        writer.append("<p>")
        writer.append("\n")
        writer.append(utf8: "caf\u{e9} \u{1F600}")
        #expect(writer.text == "a<p>\ncaf\u{e9} \u{1F600}")
        #expect(writer.count == 15)
    }

    @Test func appendsPastTheCapacityKeepEveryByteInOrder() {
        var writer = ByteWriter(capacity: 1)
        var expected: [UInt8] = []
        for length in 0..<300 {
            let piece = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
            piece.withUnsafeBufferPointer { writer.append($0) }
            writer.append(UInt8(truncatingIfNeeded: length))
            expected += piece + [UInt8(truncatingIfNeeded: length)]
        }
        #expect(writer.bytes == expected)
    }

    @Test func littleEndianNumbersAreAppendedAndStoredLeastSignificantByteFirst() {
        var writer = ByteWriter(capacity: 0)
        writer.append(little: UInt16(0x0201))
        writer.append(little: UInt32(0))
        writer.store(little: UInt32(0x0605_0403), at: 2)
        #expect(writer.bytes == [1, 2, 3, 4, 5, 6])
    }

    @Test func anotherWritersBytesAndRemovalsAreTakenAsWritten() {
        var writer = ByteWriter(capacity: 0)
        var other = ByteWriter(capacity: 0)
        other.append("abc")
        writer.append("x")
        writer.append(other)
        writer.removeLast(1)
        #expect(writer.text == "xab")
        #expect(writer.withBytes(from: 1) { Array($0) } == Array("ab".utf8))
    }

    @Test(arguments: [0.0, -0.0, 5, -5, 536.9, 0.05, 1e15, 1e16, -2.5, 999_999_999_999_999, 0.1 + 0.2])
    func numbersAreFormattedAsNumericValueFormatsThem(_ number: Double) {
        var writer = ByteWriter(capacity: 0)
        NumericValue.append(format: number, to: &writer)
        #expect(writer.text == NumericValue.format(number))
    }

    @Test(arguments: [NumericValue.exact(5), .exact(-0.5), .approximately(536.9, tolerance: 0.05), .range(1, 3), .range(-2.5, 1e20)])
    func giftNumbersAreWrittenAsGiftTextWritesThem(_ value: NumericValue) {
        var writer = ByteWriter(capacity: 0)
        value.appendGIFTText(to: &writer)
        #expect(writer.text == value.giftText)
    }
}
