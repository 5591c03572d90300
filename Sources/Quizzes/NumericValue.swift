/// An accepted (or expected wrong) number: `= 5`, `= 536.9 ± 0.05` or `= 1..3`.
public enum NumericValue: Sendable, Hashable {
    /// Exactly this number.
    case exact(Double)
    /// Any number at most `tolerance` away from `value`.
    case approximately(Double, tolerance: Double)
    /// Any number from `lower` to `upper`, both included.
    case range(Double, Double)

    /// Whether a learner's number matches.
    ///
    /// A tolerance gets a slack of a billionth of the value, so `536.95` matches `536.9 ± 0.05` although the
    /// binary difference is a hair over 0.05; `quiz.js` computes exactly the same expression.
    public func matches(_ number: Double) -> Bool {
        switch self {
        case .exact(let value):
            number == value
        case .approximately(let value, let tolerance):
            abs(number - value) <= tolerance + 1e-9 * max(1, abs(value))
        case .range(let lower, let upper):
            lower <= number && number <= upper
        }
    }

    /// The value as GIFT writes it: `5:0`, `536.9:0.05`, `1..3`.
    var giftText: String {
        switch self {
        case .exact(let value): "\(Self.format(value)):0"
        case .approximately(let value, let tolerance): "\(Self.format(value)):\(Self.format(tolerance))"
        case .range(let lower, let upper): "\(Self.format(lower))..\(Self.format(upper))"
        }
    }

    /// The value as an author reads it: `5`, `536.9 ± 0.05`, `1..3`.
    public var displayText: String {
        switch self {
        case .exact(let value): Self.format(value)
        case .approximately(let value, let tolerance): "\(Self.format(value)) ± \(Self.format(tolerance))"
        case .range(let lower, let upper): "\(Self.format(lower))..\(Self.format(upper))"
        }
    }

    /// A number without a needless `.0`: `5`, `536.9`.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
