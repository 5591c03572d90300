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
        var candidate = base
        var count = used[base, default: 0]
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
}
