import Foundation
import Testing
@testable import Generator

/// Each folder of `Tests/Fixtures/` is a broken or hostile course with the outcome its build must have:
/// `expected.txt` holds the diagnostics exactly as printed, or `clean` for a build without any.
@Suite struct FixtureTests {
    @Test("A fixture builds with exactly its expected diagnostics", .timeLimit(.minutes(1)), arguments: Workspace.fixtureNames)
    func fixtureBuildsWithItsExpectedDiagnostics(name: String) throws {
        let workspace = try Workspace(fixture: name)
        defer { workspace.remove() }
        let expected = try Self.expectation(of: name)
        let result = workspace.build()
        if ProcessInfo.processInfo.environment["LECTERN_RECORD_FIXTURES"] == "1" {
            let text = result.lines.isEmpty ? "clean\n" : result.lines.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: Workspace.fixtures.appendingPathComponent("\(name)/expected.txt"))
        }
        #expect(result.lines == expected)
        let hasErrors = expected.contains { $0.contains(": error: ") || $0.hasPrefix("error: ") }
        #expect(result.succeeded == !hasErrors)
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("index.html").path) == !hasErrors)
    }

    @Test("A failed build leaves the previous output byte for byte, and a build writes only its output",
          .timeLimit(.minutes(1)), arguments: Workspace.fixtureNames)
    func buildTouchesNothingButItsOutput(name: String) throws {
        let workspace = try Workspace(fixture: name)
        defer { workspace.remove() }
        try workspace.buildPreviousSite()
        let previous = Workspace.snapshot(of: workspace.output)
        let around = workspace.everythingButTheOutput()
        let result = workspace.build()
        #expect(workspace.everythingButTheOutput() == around)
        if result.succeeded {
            #expect(workspace.output("index.html") != nil)
        } else {
            #expect(Workspace.snapshot(of: workspace.output) == previous)
        }
    }

    @Test func thereAreAtLeastFortyFixtures() {
        #expect(Workspace.fixtureNames.count >= 40)
    }

    /// The lines of `expected.txt`; `clean` means none.
    static func expectation(of name: String) throws -> [String] {
        let text = try String(contentsOf: Workspace.fixtures.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return lines == ["clean"] ? [] : lines
    }
}
