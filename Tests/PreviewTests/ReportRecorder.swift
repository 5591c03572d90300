import Diagnostics
import Foundation
import Generator
import Synchronization
@testable import Preview

/// Collects what a session reports, for tests that wait for a build.
final class ReportRecorder: Sendable {
    private let events = Mutex<[PreviewEvent]>([])

    var report: @Sendable (PreviewEvent) -> Void {
        { event in self.events.withLock { $0.append(event) } }
    }

    /// The number of builds so far, good and failed.
    var builds: Int {
        events.withLock { $0.filter { if case .serving = $0 { false } else if case .stopped = $0 { false } else { true } }.count }
    }

    /// The report of the latest good build.
    var lastBuilt: BuildReport? {
        events.withLock { $0.reversed().lazy.compactMap { if case .built(let report, _, _) = $0 { report } else { nil } }.first }
    }

    /// The diagnostics of the latest build if it failed, else `nil`.
    var lastFailure: [Diagnostic]? {
        events.withLock { events in
            guard let last = events.last(where: { if case .serving = $0 { false } else if case .stopped = $0 { false } else { true } }),
                case .failed(let diagnostics, _, _) = last
            else { return nil }
            return diagnostics
        }
    }

    /// Whether the session reported that it stopped.
    var stopped: Bool {
        events.withLock { $0.contains { if case .stopped = $0 { true } else { false } } }
    }
}

/// Polls a condition every 20 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double, _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    repeat {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    } while ContinuousClock.now < deadline
    return try await condition()
}
