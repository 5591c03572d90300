import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The course built for a subpath, served by a real HTTP server on 127.0.0.1, every link followed.
@Suite struct PublishingTests {
    static let baseURL = "https://org.github.io/devops-course/"

    @Test(.timeLimit(.minutes(1)))
    func everyInternalLinkAndAssetResolvesUnderASubpath() async throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let served = root.appendingPathComponent("served")
        let build = try CommandLineTests.lectern(["build", "--root", root.path, "--base-url", Self.baseURL, "--output", served.appendingPathComponent("devops-course").path])
        #expect(build.status == 0, "\(build.stderr)")
        let server = try StaticServer(folder: served)
        defer { server.stop() }
        try await server.waitUntilReady()
        let start = URL(string: "http://127.0.0.1:\(server.port)/devops-course/")!
        let crawl = try await Crawler.crawl(from: start)
        #expect(crawl.broken == [], "links that do not resolve")
        #expect(crawl.rootAbsolute == [], "root-absolute links break under a subpath")
        let pages = FileManager.default.enumerator(atPath: served.path)?.allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix("index.html") }
        #expect(crawl.pages == pages?.count, "every page is reachable by following links from the root")
        #expect(crawl.assets.contains { $0.hasSuffix("/assets/lectern.css") })
    }

    @Test func canonicalAndAlternateURLsAreAbsoluteUnderTheBaseURL() throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try CommandLineTests.lectern(["build", "--root", root.path, "--base-url", Self.baseURL])
        let page = try String(contentsOf: root.appendingPathComponent("Public/en/why-devops/index.html"), encoding: .utf8)
        #expect(page.contains("<link rel=\"canonical\" href=\"\(Self.baseURL)en/why-devops/\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"nl\" href=\"\(Self.baseURL)nl/waarom-devops/\">"))
        let sitemap = try String(contentsOf: root.appendingPathComponent("Public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>\(Self.baseURL)en/why-devops/</loc>"))
    }

    @Test(arguments: [".github/workflows/pages.yml", ".gitlab-ci.yml"])
    func theCIWorkflowsParseAndPublishAfterTesting(file: String) throws {
        let path = CommandLineTests.repository.appendingPathComponent(file).path
        let script = """
            import json, sys, yaml
            print(json.dumps(yaml.safe_load(open(sys.argv[1]))))
            """
        let run = try Shell.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(run.status == 0, "\(run.output)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("make test"))
        if file.hasPrefix(".github") {
            #expect(text.contains("actions/upload-pages-artifact"))
            #expect(text.contains("actions/deploy-pages"))
            let lint = try Shell.run("/usr/bin/env", ["actionlint", path])
            #expect(lint.status == 0, "actionlint: \(lint.output)")
        } else {
            #expect(text.contains("pages:") && text.contains("- public"))
        }
    }
}

/// Runs a program and collects its output.
enum Shell {
    struct Run {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// Python's http.server on a free loopback port: an independent static host, like the ones the site is published to.
final class StaticServer: Sendable {
    let port: Int
    private let process: Process

    init(folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let port = Int.random(in: 20_000...40_000)
        process.arguments = ["python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", folder.path, String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.port = port
    }

    /// Polls the server for up to ten seconds.
    func waitUntilReady() async throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/")!)
        request.timeoutInterval = 1
        for _ in 0..<100 {
            if let (_, response) = try? await URLSession.shared.data(for: request), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the static server did not start on port \(port)"])
    }

    /// SIGKILL: a process started by Foundation on Linux inherits a blocked SIGTERM, so `terminate()` may not stop it.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Follows every `href` and `src` of the site's pages, breadth first, within a path prefix.
enum Crawler {
    struct Result {
        var pages = 0
        var assets: Set<String> = []
        var broken: [String] = []
        var rootAbsolute: [String] = []
    }

    static func crawl(from start: URL) async throws -> Result {
        let prefix = start.absoluteString
        var result = Result()
        var queue = [start]
        var seen: Set<String> = [start.absoluteString]
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        while let url = queue.first, seen.count < 2_000 {
            queue.removeFirst()
            let (data, response) = try await URLSession.shared.data(from: url)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                result.broken.append(url.path)
                continue
            }
            guard response.mimeType == "text/html" else {
                result.assets.insert(url.path)
                continue
            }
            result.pages += 1
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = (html as NSString).substring(with: match.range(at: 1)).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("/") { result.rootAbsolute.append("\(url.path): \(link)") }
                guard !link.contains("://"), !link.hasPrefix("mailto:"), !link.hasPrefix("#"),
                    var target = URL(string: link, relativeTo: url)?.absoluteURL
                else { continue }
                target = URL(string: target.absoluteString.components(separatedBy: "#")[0].components(separatedBy: "?")[0]) ?? target
                guard target.absoluteString.hasPrefix(prefix) else {
                    result.broken.append("\(url.path) leaves \(prefix): \(link)")
                    continue
                }
                if seen.insert(target.absoluteString).inserted { queue.append(target) }
            }
        }
        return result
    }
}
