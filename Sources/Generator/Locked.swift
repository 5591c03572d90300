import Foundation

/// A value shared by threads, guarded by a pthread mutex (`NSLock`).
///
/// Not `Synchronization.Mutex`: ThreadSanitizer does not see the ordering its futex gives, and reports every pair of
/// guarded accesses from two threads as a race.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
