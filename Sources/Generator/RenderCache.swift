import Content
import Foundation
import Markdown
import Quizzes
import Synchronization

/// Rendered slides and parsed quizzes of earlier builds, keyed on the content they came from (never on timestamps).
///
/// `lectern serve` keeps one across rebuilds, so an edit re-reads every file but parses and renders only the files
/// whose bytes changed (and all of them when something they depend on changed: the modules' slugs and files, or the
/// options).
public final class RenderCache: Sendable {
    struct Key: Hashable, Sendable {
        /// The file's path, the digest of its bytes, and the digest of everything else its rendering depends on.
        var path: String
        var content: UInt64
        var context: UInt64
    }

    private let decks = Mutex<[Key: RenderedDeck]>([:])
    private let quizzes = Mutex<[Key: (quiz: Quiz?, diagnostics: [Diagnostic])]>([:])
    private let counters = Mutex<(hits: Int, misses: Int)>((0, 0))

    /// Creates an empty cache.
    public init() {}

    /// How many files the last builds took from the cache, and how many they rendered.
    public var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }

    func deck(_ key: Key, render: () -> RenderedDeck) -> RenderedDeck {
        if let deck = decks.withLock({ $0[key] }) {
            counters.withLock { $0.hits += 1 }
            return deck
        }
        let deck = render()
        decks.withLock { $0[key] = deck }
        counters.withLock { $0.misses += 1 }
        return deck
    }

    func quiz(_ key: Key, parse: () -> (quiz: Quiz?, diagnostics: [Diagnostic])) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        if let parsed = quizzes.withLock({ $0[key] }) {
            counters.withLock { $0.hits += 1 }
            return parsed
        }
        let parsed = parse()
        quizzes.withLock { $0[key] = parsed }
        counters.withLock { $0.misses += 1 }
        return parsed
    }

    /// Forgets entries no longer used, so a long session does not grow without end.
    func keep(decks deckKeys: Set<Key>, quizzes quizKeys: Set<Key>) {
        decks.withLock { $0 = $0.filter { deckKeys.contains($0.key) } }
        quizzes.withLock { $0 = $0.filter { quizKeys.contains($0.key) } }
    }
}

import Diagnostics
