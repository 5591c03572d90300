/// The values a template renders: texts, flags, nested view models and lists of them, all precomputed.
public struct ViewModel: Sendable {
    let values: [String: ViewModelValue]

    /// Creates a view model from typed values.
    public init(_ values: [String: ViewModelValue]) {
        self.values = values
    }
}

/// One value of a view model.
public enum ViewModelValue: Sendable {
    /// Text, escaped by `{{key}}`, inserted as it is by `{{{key}}}`.
    case text(String)
    /// A condition for `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
    case flag(Bool)
    /// A number, written in decimal.
    case number(Int)
    /// A nested view model: `{{#key}}` makes its keys visible, `{{key.field}}` names one.
    case model(ViewModel)
    /// Items `{{#key}}…{{/key}}` renders once each.
    case list([ViewModel])
    /// The interface texts of a language, looked up as `{{t.key}}`.
    case strings([String: String])
}

extension ViewModelValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}
