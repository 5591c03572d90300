import Diagnostics
import Foundation
import Generator

/// What a preview session tells the terminal.
public enum PreviewEvent: Sendable {
    /// A build succeeded; `changes` lists the files that caused it, empty for the first build.
    case built(BuildReport, duration: Duration, changes: [String])
    /// A build failed and the last good site is still served; `changes` as for `built`.
    case failed([Diagnostic], duration: Duration, changes: [String])
    /// The server is answering at this URL.
    case serving(URL)
    /// The server has stopped and the private build folder is gone.
    case stopped
}
