import Foundation

/// The page count and first page size of a PDF: from poppler's `pdfinfo` when installed (`make test` installs
/// poppler-utils), else by counting the `/Type /Page` objects and reading the first `/MediaBox`.
struct PDFInfo: Equatable, CustomStringConvertible {
    static let pdfinfo = "/usr/bin/pdfinfo"

    var pages: Int
    /// Width and height of the first page in points.
    var width: Double
    var height: Double

    var description: String { "\(pages) pages of \(width) × \(height) pt" }

    init(_ pdf: Data) throws {
        guard pdf.starts(with: Data("%PDF-".utf8)) else { throw WebDriverError("not a PDF: \(pdf.prefix(20))") }
        if FileManager.default.isExecutableFile(atPath: Self.pdfinfo) {
            self = try Self.withPdfinfo(pdf)
        } else {
            self = try Self.byScanning(pdf)
        }
    }

    private init(pages: Int, width: Double, height: Double) {
        self.pages = pages
        self.width = width
        self.height = height
    }

    static func withPdfinfo(_ pdf: Data) throws -> PDFInfo {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: pdfinfo)
        process.arguments = [file.path]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "Pages:           5" and "Page size:       841.92 x 474 pts"
        func field(_ name: String) -> String? {
            output.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        guard process.terminationStatus == 0, let pages = field("Pages").flatMap({ Int($0) }),
              let size = field("Page size")?.split(separator: " "), size.count >= 3,
              let width = Double(size[0]), let height = Double(size[2]) else {
            throw WebDriverError("pdfinfo failed (status \(process.terminationStatus)): \(output)")
        }
        return PDFInfo(pages: pages, width: width, height: height)
    }

    /// Chromium (Skia) writes every page dictionary uncompressed, so a text scan finds them.
    static func byScanning(_ pdf: Data) throws -> PDFInfo {
        let text = String(decoding: pdf, as: Unicode.ASCII.self)
        let pages = text.matches(of: /\/Type\s*\/Page(?![a-zA-Z])/).count
        guard let box = text.firstMatch(of: /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/),
              let x0 = Double(box.1), let y0 = Double(box.2), let x1 = Double(box.3), let y1 = Double(box.4) else {
            throw WebDriverError("no /MediaBox in the PDF")
        }
        return PDFInfo(pages: pages, width: x1 - x0, height: y1 - y0)
    }
}
