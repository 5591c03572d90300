import Diagnostics
import Foundation

/// Reads a text file as UTF-8, reporting invalid bytes and NUL bytes at their line and column; a leading
/// byte-order mark is dropped.
enum TextFile {
    static func read(at url: URL, path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error("the file cannot be read; check that it exists and is readable", at: SourceLocation(path: path, line: 1)))
        }
        return data.withUnsafeBytes { raw in text(of: raw.bindMemory(to: UInt8.self), path: path) }
    }

    /// The bytes as text; they are validated once, in ASCII runs and short non-ASCII stretches (`string(validating:)`),
    /// and only a file that fails is decoded step by step to find the bad byte.
    static func text(of bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<String, Diagnostic> {
        // A byte-order mark is no text: YAML readers stumble over it in the middle of a line, so it goes here.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let text = string(validating: UnsafeBufferPointer(rebasing: bytes[start...])) else {
            let bytes = Array(bytes)
            guard let offset = firstInvalidUTF8Offset(bytes) else { preconditionFailure("the two UTF-8 checks disagree on \(path)") }
            return .failure(.error("the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); save it as UTF-8",
                                   at: location(of: offset, in: bytes, path: path)))
        }
        if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            return .failure(.error("the file contains a NUL byte; remove it (the file may be binary or saved as UTF-16)",
                                   at: location(of: base.distance(to: nul.assumingMemoryBound(to: UInt8.self)), in: Array(bytes), path: path)))
        }
        return .success(text)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func location(of offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        // A line ends at `\n`, or at a `\r` that no `\n` follows (CommonMark's line endings).
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n")
            || (bytes[index] == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(path: path, line: line, column: offset - lineStart + 1)
    }
}
