import Foundation
import Quizzes

/// The fixtures folder next to this file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A fixture's text.
func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
}

/// The diagnostics of a quiz source as `CODE@line`, sorted by line.
func diagnose(_ source: String, language: String = "en") -> [String] {
    Quiz.parse(source: source, path: "quiz.\(language).md", language: language).diagnostics.map { diagnostic in
        "\(diagnostic.code ?? "-")@\(diagnostic.location?.line ?? 0)"
    }
}

/// The one message of a quiz source's diagnostics with this code.
func message(_ code: String, in source: String, language: String = "en") -> String? {
    Quiz.parse(source: source, path: "quiz.\(language).md", language: language).diagnostics.first { $0.code == code }?.message
}

/// Parses a source that must be free of diagnostics.
func parse(_ source: String, language: String = "en") -> Quiz? {
    let (quiz, diagnostics) = Quiz.parse(source: source, path: "quiz.\(language).md", language: language)
    return diagnostics.isEmpty ? quiz : nil
}

/// The full path of an executable on `PATH`, or `nil` when it is not installed.
func executable(named name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program and returns its exit status and standard output plus error.
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Every string of at most `length` pieces from `alphabet`, in order: an exhaustive set of small tricky inputs.
func strings(of alphabet: [String], upTo length: Int) -> [String] {
    var all = [""]
    var last = [""]
    for _ in 0..<length {
        last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
        all += last
    }
    return all
}
