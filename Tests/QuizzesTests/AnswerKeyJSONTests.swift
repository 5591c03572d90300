import Foundation
import Testing
@testable import Quizzes

/// `AnswerKey.json` is written by hand; these pin it to what `JSONEncoder` makes of the `Codable` shape.
@Suite struct AnswerKeyJSONTests {
    /// The reference: the key's `Codable` form through `JSONEncoder`, as `json` was first written.
    static func encoderJSON(_ key: AnswerKey) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(key), as: UTF8.self)
    }

    static let everyASCIIScalar = String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) }))

    /// Made afresh for each use: a stored static array of these enums is reported by LeakSanitizer, which cannot
    /// follow the payload pointers Swift packs into multi-payload enums.
    static var keys: [AnswerKey] {
        [
            .singleChoice(correct: [false, true, false]), .multipleChoice(correct: [true, true, false]),
            .trueFalse(correct: [true, false]), .singleChoice(correct: []),
            .shortAnswer(accepted: ["ssh"], wrong: ["telnet", nil]), .shortAnswer(accepted: [], wrong: []),
            .shortAnswer(accepted: [everyASCIIScalar], wrong: [nil]),
            .shortAnswer(accepted: ["é ü ñ", "a/b </script>", "\u{2028}\u{2029}\u{FEFF}", "<\u{338} #️⃣ 👩‍💻", "\r\n", "\\\"", ""], wrong: ["\u{7F}\u{85}"]),
            .numeric(accepted: [.exact(5)], wrong: []),
            .numeric(accepted: [.approximately(536.9, tolerance: 0.05), .range(1, 3)], wrong: [.exact(80), nil]),
            .numeric(accepted: [.exact(-0.0), .exact(1e15), .exact(1e16), .exact(1e-7), .exact(2.5e-5), .exact(1.0 / 3)], wrong: []),
            .numeric(accepted: [.range(-1.5, 123456789012345680), .approximately(-3, tolerance: 0)], wrong: [nil, .exact(0.1)]),
            .numeric(accepted: [.exact(.greatestFiniteMagnitude), .exact(.leastNonzeroMagnitude), .exact(-.greatestFiniteMagnitude)], wrong: []),
        ]
    }

    @Test(arguments: 0..<keys.count)
    func theJSONIsWhatJSONEncoderWrites(_ index: Int) throws {
        let key = Self.keys[index]
        #expect(key.json == (try Self.encoderJSON(key)))
    }

    @Test func everyControlCharacterIsEscapedAsJSONEncoderEscapesIt() throws {
        for scalar in (0..<0x20).map({ Unicode.Scalar(UInt8($0)) }) {
            let key = AnswerKey.shortAnswer(accepted: ["a\(scalar)b"], wrong: [])
            #expect(key.json == (try Self.encoderJSON(key)))
        }
    }
}
