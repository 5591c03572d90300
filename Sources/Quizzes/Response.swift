/// What a learner answered to one question.
public enum Response: Sendable, Hashable {
    /// The indexes (from 0) of the chosen options, for choice questions.
    case choices([Int])
    /// The typed text, for short-answer and numeric questions.
    case text(String)
}

// JSON: {"choices": [0, 2]} or {"text": "443"}.
extension Response: Codable {
    private enum CodingKeys: String, CodingKey {
        case choices, text
    }

    /// Reads `{"choices": […]}` or `{"text": …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else {
            self = .choices(try container.decode([Int].self, forKey: .choices))
        }
    }

    /// Writes `{"choices": […]}` or `{"text": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .choices(let indexes): try container.encode(indexes, forKey: .choices)
        case .text(let text): try container.encode(text, forKey: .text)
        }
    }
}
