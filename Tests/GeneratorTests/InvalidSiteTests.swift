import Foundation
import Testing
@testable import Generator

/// Each folder under `Sites/invalid/` is a broken course; `expected.txt` holds the exact diagnostics a build prints.
@Suite struct InvalidSiteTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: TestSite.fixtures.appendingPathComponent("invalid").path))?.sorted() ?? []

    @Test("An invalid course fails with exactly its expected diagnostics and writes nothing", arguments: cases)
    func invalidCourseFailsWithItsDiagnostics(name: String) throws {
        let site = try TestSite("invalid/\(name)")
        defer { site.remove() }
        var options = site.options
        options.strict = name.hasSuffix("-strict")
        let expected = try String(contentsOf: TestSite.fixtures.appendingPathComponent("invalid/\(name)/expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(site.build(options) == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func everyInvalidFixtureHasAnExpectation() {
        #expect(Self.cases.count >= 14)
    }
}
