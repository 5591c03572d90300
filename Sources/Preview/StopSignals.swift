import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT (Ctrl-C) and SIGTERM, caught so the preview stops cleanly instead of dying with its folder left behind.
public struct StopSignals {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    /// Starts catching both signals; until `wait()` returns, they no longer end the process.
    public init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        self.stream = stream
    }

    /// Suspends until either signal arrives and returns its number.
    ///
    /// Signals in the next second are ignored, because one Ctrl-C can arrive twice (`timeout`, a shell and its
    /// child); after that, both signals get their default behaviour back, so a second Ctrl-C ends a stuck stop.
    public func wait() async -> Int32 {
        var iterator = stream.makeAsyncIterator()
        let number = await iterator.next() ?? SIGTERM
        for source in sources { source.cancel() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(1)) {
            for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
        }
        return number
    }
}
