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
    private var decks: [String: (key: Key, deck: RenderedDeck)] = [:]
    private var quizzes: [String: (key: Key, parsed: (quiz: Quiz?, diagnostics: [Diagnostic]))] = [:]
    private var counters = (hits: 0, misses: 0)

    /// Creates an empty cache.
    public init() {}

    /// How many files the last builds took from the cache, and how many they rendered.
    public var statistics: (hits: Int, misses: Int) { lock.withLock { counters } }

    func deck(_ key: Key, render: () -> RenderedDeck) -> RenderedDeck {
        if let deck = lock.withLock({ () -> RenderedDeck? in
            guard let entry = decks[key.path], entry.key == key else { return nil }
            counters.hits += 1
            return entry.deck
        }) {
            return deck
        }
        let deck = render()
        lock.withLock {
            decks[key.path] = (key, deck)
            counters.misses += 1
        }
        return deck
    }

    func quiz(_ key: Key, parse: () -> (quiz: Quiz?, diagnostics: [Diagnostic])) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        if let parsed = lock.withLock({ () -> (quiz: Quiz?, diagnostics: [Diagnostic])? in
            guard let entry = quizzes[key.path], entry.key == key else { return nil }
            counters.hits += 1
            return entry.parsed
        }) {
            return parsed
        }
        let parsed = parse()
        lock.withLock {
            quizzes[key.path] = (key, parsed)
            counters.misses += 1
        }
        return parsed
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
