import ArgumentParser
import Dispatch
import Foundation
import Generator
import Preview

extension Lectern {
    /// `lectern serve`: builds into a private folder, serves it on localhost, rebuilds and reloads on every change.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Preview the site: build it, serve it on localhost, rebuild and reload the browser on every change.")

        @OptionGroup var course: CourseOptions

        @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
        var port: UInt16 = 8080

        @Option(name: .long, help: ArgumentHelp("The IP address to listen on; 0.0.0.0 lets other machines connect.", valueName: "ip"))
        var host = "127.0.0.1"

        func validate() throws {
            guard ListenAddress(host: host, port: port) != nil else {
                throw ValidationError("--host must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0, or localhost")
            }
        }

        func run() throws {
            let session = PreviewSession(options: course.buildOptions(), address: ListenAddress(host: host, port: port)!, report: ServePrinter.print)
            // `Lectern` is a synchronous root command, so this command waits for its async work here.
            let done = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do throws(PreviewError) { try await session.serveUntilStopped() } catch { failure.error = error }
                done.signal()
            }
            done.wait()
            if let error = failure.error {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

/// Carries the session's error from its task to the waiting command; the semaphore orders the write before the read.
private final class FailureBox: @unchecked Sendable {
    var error: PreviewError?
}

/// Prints what a preview session reports: builds like `lectern build`, diagnostics compiler-style.
private enum ServePrinter {
    static func print(_ event: PreviewEvent) {
        switch event {
        case .built(let report, let duration, let changes):
            DiagnosticPrinter.print(report.warnings)
            line(changes.isEmpty
                ? "Built \(report.modules) modules in \(report.languages) languages: \(report.pages) pages in \(milliseconds(duration)) ms"
                : "Rebuilt in \(milliseconds(duration)) ms\(describe(changes))\(describe(report.scope))")
        case .failed(let diagnostics, _, let changes):
            DiagnosticPrinter.print(diagnostics)
            DiagnosticPrinter.summary(diagnostics, verb: "build failed\(describe(changes))")
            line("Still serving the last good build; the browser shows the errors until they are fixed.")
        case .serving(let url):
            line("Serving \(url.absoluteString) (watching Content/ and Templates/; press Ctrl-C to stop)")
        case .stopped:
            line("Stopped.")
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int((duration / .milliseconds(1)).rounded())
    }

    /// `; 5 pages rendered, 3 files written` (incremental), or `; whole site built, 3006 pages` (every page).
    private static func describe(_ scope: RebuildScope?) -> String {
        guard let scope else { return "" }
        return scope.isIncremental
            ? "; \(scope.rendered) \(scope.rendered == 1 ? "page" : "pages") rendered, \(scope.written) \(scope.written == 1 ? "file" : "files") written"
            : "; whole site built"
    }

    private static func describe(_ changes: [String]) -> String {
        changes.isEmpty ? "" : changes.count == 1 ? " after a change to \(changes[0])" : " after changes to \(changes.count) files"
    }

    /// Writes at once: `print` is block-buffered when standard output is a pipe, and this process runs for hours.
    private static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
