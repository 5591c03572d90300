import Foundation

/// Hands out unique, stable `id`s for headings, in the style of GitHub and Hugo (`why-devops`, `why-devops-1`).
struct HeadingIDs {
    private var used: [String: Int] = [:]
    /// The ids handed out so far.
    private(set) var issued: Set<String> = []

    /// Reserves an id that something else on the page uses already.
    mutating func reserve(_ id: String) { used[id] = used[id] ?? 0 }

    /// A unique id for a heading with this text.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        // Most headings' slugs are new: one lookup that also claims the slug, instead of the loop's four.
        guard let previous = used.updateValue(0, forKey: base) else {
            issued.insert(base)
            return base
        }
        used[base] = previous
        var candidate = base
        var count = previous
        while used[candidate] != nil {
            count += 1
            candidate = "\(base)-\(count)"
        }
        used[base] = count
        used[candidate] = 0
        issued.insert(candidate)
        return candidate
    }

    /// Lower case ASCII letters and digits, words joined by hyphens; `section` when nothing is left.
    static func slug(_ text: String) -> String {
        asciiSlug(text) ?? foldedSlug(text)
    }

    /// The slug of any text: accents and case folded away by Foundation, then anything but ASCII letters and digits a separator.
    static func foldedSlug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The slug of an ASCII text, read from its bytes: folding changes only the case of ASCII, and its alphanumerics
    /// are `0-9`, `A-Z` and `a-z`. `nil` for any other text.
    static func asciiSlug(_ text: String) -> String? {
        let slug = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                    if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    slug.append(lower)
                } else {
                    pendingHyphen = true
                }
            }
            return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
        }
        return slug ?? nil
    }
}
