import Dispatch

/// Runs synchronous work, such as a whole site build, on a Dispatch thread, so it never occupies one of the few
/// threads that Swift concurrency (and so the HTTP server) runs on.
enum BlockingWork {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
