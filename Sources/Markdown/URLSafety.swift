/// Recognises URLs that would run code in the reader's browser.
enum URLSafety {
    private static let dangerous: Set<String> = ["javascript", "vbscript", "file", "data"]
    private static let safeImageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// The scheme of a script-capable URL, or `nil` when the URL is safe to link.
    static func unsafeScheme(of url: String, isImage: Bool) -> String? {
        // Browsers ignore ASCII whitespace and control characters inside a scheme.
        guard let squeezed = squeezedPrefix(of: url) else { return nil }
        guard let colon = squeezed.firstIndex(of: ":") else { return nil }
        let scheme = String(squeezed[..<colon])
        guard dangerous.contains(scheme) else { return nil }
        if isImage, safeImageData.contains(where: { squeezed.hasPrefix($0) }) { return nil }
        return scheme
    }
}

private extension URLSafety {
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
