/// The values a template renders: texts, flags, nested view models and lists of them, all precomputed.
public struct ViewModel: Sendable {
    private enum Storage: Sendable {
        case table(NameTable)
        case fields(KeyValuePairs<String, ViewModelValue>)
    }

    private let storage: Storage

    /// Creates a view model from typed values.
    public init(_ values: NameTable) {
        storage = .table(values)
    }

    /// Creates a view model from typed values.
    public init(_ values: [String: ViewModelValue]) {
        storage = .table(NameTable(values))
    }

    /// Creates a view model of a few fixed keys, such as one item of a list, without hashing them: a page makes
    /// thousands of these, and looking a key up among a handful is quicker by comparing than by hashing.
    /// The keys must differ.
    public init(fields: KeyValuePairs<String, ViewModelValue>) {
        storage = .fields(fields)
    }

    /// The value of `key`, if the view model has it; `hash` is `NameTable.hash(key)`.
    subscript(key: String, hash hash: UInt64) -> ViewModelValue? {
        switch storage {
        case .table(let values): return values[key, hash: hash]
        case .fields(let fields):
            for field in fields where field.key == key { return field.value }
            return nil
        }
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
    /// The interface texts of a language (each one `.text`), looked up as `{{t.key}}`.
    case strings(NameTable)
}

extension ViewModelValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}
