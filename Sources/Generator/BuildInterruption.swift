import Synchronization

/// A request to stop a build (SIGINT or SIGTERM), honoured between steps and between files, never inside the swap
/// of the output folder: an interrupted build leaves the previous output as it was and no temporary folder behind.
public enum BuildInterruption {
    private static let requested = Atomic<Bool>(false)

    /// Asks the running build to stop at its next check; safe to call from any thread.
    public static func request() { requested.store(true, ordering: .sequentiallyConsistent) }

    /// Whether a stop was asked for.
    public static var isRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }

    /// Throws when a stop was asked for.
    static func check() throws(Interrupted) {
        if isRequested { throw Interrupted() }
    }

    /// The error a build throws when it stops early.
    public struct Interrupted: Error, Sendable {}
}
