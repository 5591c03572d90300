import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the real `lectern serve` that `swift build` put beside the test bundle, and stops it as Ctrl-C would.
@Suite struct ServeCommandTests {
    static func executable() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("lectern"), bundle.deletingLastPathComponent().appendingPathComponent("lectern")]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build lectern first")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aStopSignalStopsTheServerRemovesItsFolderAndExitsZero(signal: Int32) async throws {
        let course = try TestCourse.small()
        defer { course.remove() }
        let temporary = course.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = ["serve", "--root", course.root.path, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let started = await Self.read(output, until: "Serving http://127.0.0.1:")
        #expect(started.contains("Built 1 modules in 1 languages"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).count == 1, "the private build folder")

        kill(process.processIdentifier, signal)
        let stopped = await Self.read(output, until: "Stopped.")
        #expect(stopped.contains("Stopped."))
        #expect(await eventually(within: 60) { !process.isRunning })
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test func aHostThatIsNotAnAddressIsAUsageError() throws {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = ["serve", "--host", "example.org"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
    }

    /// Reads the pipe on a Dispatch thread until the text appears, the pipe closes, or 60 seconds pass.
    static func read(_ pipe: Pipe, until marker: String) async -> String {
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let deadline = ContinuousClock.now + .seconds(60)
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while ContinuousClock.now < deadline, !String(decoding: bytes, as: UTF8.self).contains(marker) {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    guard poll(&ready, 1, 100) >= 0 else { break }
                    guard ready.revents != 0 else { continue }
                    let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                    guard count > 0 else { break }
                    bytes += buffer[..<count]
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
