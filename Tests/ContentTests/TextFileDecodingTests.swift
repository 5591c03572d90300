import Testing
@testable import Content

/// Reading a file's text in ASCII runs and non-ASCII stretches gives what the standard library gives for all its bytes.
@Suite struct TextFileDecodingTests {
    /// Pieces of UTF-8, valid and not, that the generated buffers are made of.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("title: x\n".utf8), Array("\u{201C}".utf8), Array("é".utf8), Array("e\u{301}".utf8),
        Array("\u{1F600}".utf8), Array("\u{85}".utf8), Array("\u{FEFF}".utf8),
        [0x80], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x00],
    ]

    @Test func aBufferWithOneCharacterAtAnyOffsetReadsAsTheStandardLibraryReadsIt() {
        for character in [Array("é".utf8), Array("\u{1F600}".utf8), [0xFF], [0xC3]] {
            for length in 0...80 {
                for offset in 0...length {
                    var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
                    bytes.insert(contentsOf: character, at: offset)
                    #expect(readings(of: bytes).pieces == readings(of: bytes).whole, "\(character) at \(offset) of \(length)")
                }
            }
        }
    }

    @Test func generatedBuffersReadAsTheStandardLibraryReadsThem() {
        var generator = SplitMix(seed: 20_260_101)
        var valid = 0
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.next(below: 40) {
                // Mostly valid pieces, so that many buffers are valid text with a few non-ASCII characters.
                let index = generator.next(below: 100) < 90 ? generator.next(below: 8) : generator.next(below: Self.pieces.count)
                bytes += Array(repeating: UInt8(ascii: "z"), count: generator.next(below: 3) == 0 ? generator.next(below: 40) : 0)
                bytes += Self.pieces[index]
            }
            let (pieces, whole) = readings(of: bytes)
            #expect(pieces == whole, "\(bytes)")
            if whole != nil { valid += 1 }
        }
        #expect(valid > 200 && valid < 1_800, "the generated buffers are a mix of valid and invalid text")
    }

    @Test func theFirstNonASCIIByteIsFoundFromAnyOffset() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<300 {
            // Mostly ASCII, with a non-ASCII byte now and then, at any alignment.
            let bytes = (0..<generator.next(below: 100)).map { _ in
                UInt8(generator.next(below: 100) < 97 ? 0x61 : 0x80 + generator.next(below: 0x80))
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { $0 >= 0x80 } ?? bytes.count
                    #expect(TextFile.firstNonASCIIOffset(in: buffer, from: start) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    /// The UTF-8 of the text read in pieces and of the text the standard library reads (bytes, not `==`, which
    /// compares canonically equivalent texts as equal).
    func readings(of bytes: [UInt8]) -> (pieces: [UInt8]?, whole: [UInt8]?) {
        bytes.withUnsafeBufferPointer { buffer in
            (TextFile.string(validating: buffer).map { Array($0.utf8) }, String(validating: buffer, as: UTF8.self).map { Array($0.utf8) })
        }
    }
}
