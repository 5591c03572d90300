/// Recognises URLs that would run code in the reader's browser.
enum URLSafety {
    private static let dangerous: Set<String> = ["javascript", "vbscript", "file", "data"]
    private static let longestScheme = dangerous.map(\.utf8.count).max() ?? 0
    private static let safeImageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// The scheme of a script-capable URL, or `nil` when the URL is safe to link.
    static func unsafeScheme(of url: String, isImage: Bool) -> String? {
        // Browsers ignore ASCII whitespace and control characters inside a scheme.
        switch asciiScheme(of: url) {
        case .none: return nil
        case .scheme(let scheme) where !dangerous.contains(scheme): return nil
        case .scheme(let scheme) where !isImage: return scheme
        case .scheme, .undecided: break
        }
        guard let squeezed = squeezedPrefix(of: url) else { return nil }
        guard let colon = squeezed.firstIndex(of: ":") else { return nil }
        let scheme = String(squeezed[..<colon])
        guard dangerous.contains(scheme) else { return nil }
        if isImage, safeImageData.contains(where: { squeezed.hasPrefix($0) }) { return nil }
        return scheme
    }
}

private enum SchemeReading {
    case none
    case scheme(String)
    case undecided
}

private extension URLSafety {
    /// The lower-cased scheme read from the bytes of the first 32 scalars above U+0020, when those up to the colon,
    /// and the one after it, are ASCII (so the colon is a character of its own); else `undecided`.
    ///
    /// A scheme longer than any dangerous one is cut short, which keeps it a small string that needs no allocation.
    static func asciiScheme(of url: String) -> SchemeReading {
        // A URL's bytes are read in place (a native string's always can be); building the scheme byte by byte into
        // a `String` cost more than the rest of resolving a link.
        url.utf8.withContiguousStorageIfAvailable(asciiScheme(of:)) ?? asciiScheme(of: Array(url.utf8))
    }

    static func asciiScheme<Bytes: Collection<UInt8>>(of bytes: Bytes) -> SchemeReading {
        var scheme: [UInt8] = []
        scheme.reserveCapacity(longestScheme + 1)
        var kept = 0
        var colonSeen = false
        for byte in bytes where byte > 0x20 {
            guard byte < 0x80 else { return .undecided }
            if colonSeen { break }
            kept += 1
            if byte == UInt8(ascii: ":") {
                colonSeen = true
            } else if scheme.count <= longestScheme {
                scheme.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
            }
            if kept == 32 { break }
        }
        return colonSeen ? .scheme(String(decoding: scheme, as: UTF8.self)) : .none
    }

    /// The first 32 scalars above U+0020, lower-cased, or `nil` without building it when they hold no colon (so no
    /// scheme), as for most links.
    static func squeezedPrefix(of url: String) -> String? {
        let kept = url.unicodeScalars.lazy.filter { $0.value > 0x20 }.prefix(32)
        guard kept.contains(":") else { return nil }
        return String(String.UnicodeScalarView(kept)).lowercased()
    }
}

extension CmarkNode {
    /// Empties the destination of every link and image below this node whose URL could run code, without recursion.
    func removeScriptURLs() {
        forEachDescendant { node, entering in
            guard entering, node.kind == .link || node.kind == .image,
                URLSafety.unsafeScheme(of: node.url ?? "", isImage: node.kind == .image) != nil
            else { return }
            node.url = ""
        }
    }
}
