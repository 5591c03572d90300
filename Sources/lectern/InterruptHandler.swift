import Dispatch
import Foundation
import Generator

/// Turns SIGINT and SIGTERM into a request to stop the build at a safe point, instead of dying mid-write.
enum InterruptHandler {
    /// Exit status after an interruption (128 + SIGINT, as shells report it).
    static let exitStatus: Int32 = 130

    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; call once, before the build starts.
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in [SIGINT, SIGTERM] {
            // A process started by Foundation may inherit these signals blocked; unblock them first.
            sigaddset(&set, signalNumber)
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { BuildInterruption.request() }
            source.resume()
            sources.append(source)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
