import Content
import Foundation
import Markdown
import Quizzes

/// Rendered slides and parsed quizzes of earlier builds, keyed on the content they came from (never on timestamps).
///
/// `lectern serve` keeps one across rebuilds, so a whole rebuild (after a change to the theme, say) re-reads every file
/// but parses and renders only the files whose bytes changed (and all of them when something they depend on changed:
/// the modules' slugs and files, or the options). It keeps one version per file: the latest.
public final class RenderCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        /// The file's path, the digest of its bytes, and the digest of everything else its rendering depends on.
        var path: String
        var content: UInt64
        var context: UInt64
    }

    // Guarded by `lock` (a pthread mutex, which ThreadSanitizer understands; it reported races through
    // Synchronization.Mutex here that it could not see were ordered).
    private let lock = NSLock()
    private var decks: [String: (key: Key, value: RenderedDeck)] = [:]
    private var quizzes: [String: (key: Key, value: (quiz: Quiz?, diagnostics: [Diagnostic]))] = [:]
    private var counters = (hits: 0, misses: 0)

    /// Creates an empty cache.
    public init() {}

    /// How many files the last builds took from the cache, and how many they rendered.
    public var statistics: (hits: Int, misses: Int) { lock.withLock { counters } }

    func deck(_ key: Key, render: () -> RenderedDeck) -> RenderedDeck {
        cached(key, in: \.decks, make: render)
    }

    func quiz(_ key: Key, parse: () -> (quiz: Quiz?, diagnostics: [Diagnostic])) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        cached(key, in: \.quizzes, make: parse)
    }

    /// The entry of `table` for `key`, or what `make` makes (outside the lock: files render in parallel), kept.
    private func cached<Value>(_ key: Key, in table: ReferenceWritableKeyPath<RenderCache, [String: (key: Key, value: Value)]>, make: () -> Value) -> Value {
        if let value = lock.withLock({ () -> Value? in
            guard let entry = self[keyPath: table][key.path], entry.key == key else { return nil }
            counters.hits += 1
            return entry.value
        }) {
            return value
        }
        let value = make()
        lock.withLock {
            self[keyPath: table][key.path] = (key, value)
            counters.misses += 1
        }
        return value
    }

    /// Forgets entries no longer used, so a long session does not grow without end.
    func keep(decks deckKeys: Set<Key>, quizzes quizKeys: Set<Key>) {
        lock.withLock {
            decks = decks.filter { deckKeys.contains($0.value.key) }
            quizzes = quizzes.filter { quizKeys.contains($0.value.key) }
        }
    }
}

import Diagnostics
