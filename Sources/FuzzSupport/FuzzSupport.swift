// Shared by the libFuzzer targets (Tests/Fixtures/fuzz/run.sh builds them with -DFUZZING; docs/reliability.md).
import Foundation

/// The first `href`/`src` value that a browser would run as script, or `nil`; linear in the size of `html`.
/// Attribute values are read as a browser does: entities decoded, white space and control characters dropped from
/// the scheme. Used by the fuzz targets and by the reliability tests' scan of every built file.
public func scriptURL(in html: String) -> String? {
    let bytes = Array(html.utf8)
    for attribute in ["href=\"", "src=\""].map({ Array($0.utf8) }) {
        var index = 0
        while let start = firstIndex(of: attribute, in: bytes, from: index) {
            let valueStart = start + attribute.count
            let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            index = valueEnd
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            if isScript(value) { return value }
        }
    }
    return nil
}

/// Whether a browser would run an attribute value as script (`javascript:`, `vbscript:`, `file:`, `data:` other
/// than an image).
public func isScript(_ value: String) -> Bool {
    var decoded = value
    for (entity, character) in [("&amp;", "&"), ("&#x27;", "'"), ("&#58;", ":"), ("&colon;", ":"), ("&quot;", "\"")] {
        decoded = decoded.replacingOccurrences(of: entity, with: character)
    }
    let scheme = String(decoded.unicodeScalars.filter { $0.value > 0x20 }.prefix(32)).lowercased()
    let safeImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { scheme.hasPrefix($0) }
    return ["javascript:", "vbscript:", "file:", "data:"].contains { scheme.hasPrefix($0) } && !safeImage
}

private func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count - start >= pattern.count else { return nil }
    for index in start...(bytes.count - pattern.count) where bytes[index] == pattern[0] {
        if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
    }
    return nil
}

#if FUZZING
// SwiftPM renames an executable's `main` (to `<Module>_main`), so libFuzzer's own `main` cannot be used: start its
// driver from here instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
#endif

/// Runs a fuzz target: under libFuzzer when built with `-DFUZZING`, else on each file named on the command line.
public func runFuzzTarget(_ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
    #if FUZZING
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv, test))
    #else
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
        _ = [UInt8](data + [0]).withUnsafeBufferPointer { test($0.baseAddress!, data.count) }
        print("ok \(path)")
    }
    exit(0)
    #endif
}
