import Mustache

/// The values a template renders: texts, flags, nested view models and lists of them, all precomputed.
public struct ViewModel: @unchecked Sendable {
    // `Any` because Mustache looks values up dynamically; only String, Bool, Int, ViewModel,
    // [ViewModel] and StringTable are ever stored (see the initialisers).
    let values: [String: Any]

    /// Creates a view model from typed values.
    public init(_ values: [String: ViewModelValue]) {
        self.values = values.mapValues(\.mustacheValue)
    }
}

/// One value of a view model.
public enum ViewModelValue: Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case model(ViewModel)
    case list([ViewModel])
    case strings([String: String])

    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .model(let model): model.values
        case .list(let models): models.map(\.values)
        case .strings(let strings): StringTable(strings: strings)
        }
    }
}

extension ViewModelValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}

/// The interface texts of one language, looked up as `{{t.key}}`; a missing key is recorded, not rendered empty.
struct StringTable: MustacheParent {
    let strings: [String: String]
    func child(named name: String) -> Any? {
        if let text = strings[name] { return text }
        MissingKeys.current?.record("t.\(name)")
        return nil
    }
}

/// The keys a rendering looked up and found nowhere.
final class MissingKeys: @unchecked Sendable {
    // Each rendering runs on one thread from start to end; the task-local below makes the recorder
    // reachable from `StringTable` lookups without storing it in every value.
    @TaskLocal static var current: MissingKeys?
    private(set) var keys: Set<String> = []
    func record(_ key: String) { keys.insert(key) }
}

/// The root of the context stack: Mustache asks it last, so a key it lacks was found nowhere.
struct RecordingValues: MustacheParent {
    let values: [String: Any]
    let recorder: MissingKeys
    let prefix: String

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        recorder.record(prefix + name)
        return nil
    }
}
