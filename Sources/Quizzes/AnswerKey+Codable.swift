import Foundation

// The JSON shape (what quiz.js reads):
//   {"kind":"single"|"multiple"|"truefalse","correct":[false,true,false]}
//   {"kind":"short","accepted":[{"text":"ssh"}],"wrong":[{"text":"telnet"},{"any":true}]}
//   {"kind":"numeric","accepted":[{"value":5},{"value":536.9,"tolerance":0.05},{"min":1,"max":3}],"wrong":[{"any":true}]}
extension AnswerKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, correct, accepted, wrong
    }

    /// Reads a key from the JSON shape above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "single": self = .singleChoice(correct: try container.decode([Bool].self, forKey: .correct))
        case "multiple": self = .multipleChoice(correct: try container.decode([Bool].self, forKey: .correct))
        case "truefalse": self = .trueFalse(correct: try container.decode([Bool].self, forKey: .correct))
        case "short":
            self = .shortAnswer(
                accepted: try container.decode([TypedKey].self, forKey: .accepted).compactMap(\.text),
                wrong: try container.decodeIfPresent([TypedKey].self, forKey: .wrong)?.map(\.text) ?? [])
        case "numeric":
            self = .numeric(
                accepted: try container.decode([TypedKey].self, forKey: .accepted).compactMap(\.number),
                wrong: try container.decodeIfPresent([TypedKey].self, forKey: .wrong)?.map(\.number) ?? [])
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind \(kind)")
        }
    }

    /// Writes the key in the JSON shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .singleChoice(let correct), .multipleChoice(let correct), .trueFalse(let correct):
            try container.encode(name, forKey: .kind)
            try container.encode(correct, forKey: .correct)
        case .shortAnswer(let accepted, let wrong):
            try container.encode(name, forKey: .kind)
            try container.encode(accepted.map { TypedKey(text: $0) }, forKey: .accepted)
            try container.encode(wrong.map { $0.map { TypedKey(text: $0) } ?? TypedKey(any: true) }, forKey: .wrong)
        case .numeric(let accepted, let wrong):
            try container.encode(name, forKey: .kind)
            try container.encode(accepted.map { TypedKey(number: $0) }, forKey: .accepted)
            try container.encode(wrong.map { $0.map { TypedKey(number: $0) } ?? TypedKey(any: true) }, forKey: .wrong)
        }
    }

    /// The kind as the JSON and the page's `data-kind` spell it.
    public var name: String {
        switch self {
        case .singleChoice: "single"
        case .multipleChoice: "multiple"
        case .trueFalse: "truefalse"
        case .shortAnswer: "short"
        case .numeric: "numeric"
        }
    }

}

/// One typed answer in the JSON: `{"text":…}`, `{"value":…[,"tolerance":…]}`, `{"min":…,"max":…}` or `{"any":true}`.
private struct TypedKey: Codable {
    var text: String?
    var value: Double?
    var tolerance: Double?
    var min: Double?
    var max: Double?
    var any: Bool?

    init(text: String? = nil, any: Bool? = nil) {
        self.text = text
        self.any = any
    }

    init(number: NumericValue) {
        switch number {
        case .exact(let value): self.value = value
        case .approximately(let value, let tolerance): (self.value, self.tolerance) = (value, tolerance)
        case .range(let lower, let upper): (min, max) = (lower, upper)
        }
    }

    var number: NumericValue? {
        if let value, let tolerance { return .approximately(value, tolerance: tolerance) }
        if let value { return .exact(value) }
        if let min, let max { return .range(min, max) }
        return nil
    }
}
