import FlyingSocks

/// A response body that never ends on its own: a `retry:` line, then each event as it comes, for `text/event-stream`.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    /// How long the browser waits before reconnecting after the server went away.
    static let retryMilliseconds = 1000

    let events: AsyncStream<ReloadEvent>

    func makeAsyncIterator() -> Iterator {
        Iterator(pending: ArraySlice("retry: \(Self.retryMilliseconds)\n\n".utf8), events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pending: ArraySlice<UInt8>
        var events: AsyncStream<ReloadEvent>.Iterator

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// The rest of the current event, or the next one once it comes; `nil` when the stream has finished.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = ArraySlice(event.serverSentEvent.utf8)
            }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
