import Diagnostics
import Yams

/// Reads a YAML text into Yams nodes and turns its problems into located diagnostics.
struct YAMLReader {
    /// The file's path for diagnostics.
    let path: String
    /// The line of the file on which the YAML text's first line stands.
    let firstLine: Int

    /// The most aliases (`*name`) a YAML text may use. Yams hashes every mapping key with its aliases expanded, so
    /// aliases of aliases used as a key take exponential time (a few hundred bytes hang a build); with at most 32
    /// aliases that is at worst about 2^16 nodes. Front matter and `site.yaml` need none.
    static let maximumAliases = 32

    /// Yams's default encoding, asked once: its getter reads the whole process environment on every call, which
    /// costs more than parsing a front matter.
    private static let parsesUTF16 = Parser.Encoding.default == .utf16

    /// The one tag Lectern's reading depends on: `bool` (`Node.bool` refuses a scalar tagged `str`). Yams's default
    /// resolver also tries int, float, merge, null, timestamp and value patterns, each a regular expression run on
    /// every scalar and again on every key for its duplicate check: most of the time of reading a front matter.
    /// Nothing reads those tags (`Node.int` reads the text whatever its tag, and composing merges no `<<` keys); the
    /// one difference is that keys written once plain and once quoted (`1:` and `"1":`) count as the same key.
    private static let resolver = Resolver.basic.appending(.bool)

    /// The YAML's root node, or a diagnostic saying where it is malformed.
    func compose(_ yaml: String) -> Result<Node?, Diagnostic> {
        if let line = Self.lineOfAlias(number: Self.maximumAliases + 1, in: yaml) {
            return .failure(.error(
                "more than \(Self.maximumAliases) YAML aliases (`*name`): write the values out instead of referring to anchors (`&name`)",
                at: SourceLocation(path: path, line: firstLine + line - 1)))
        }
        do {
            let encoding: Parser.Encoding = Self.parsesUTF16 ? .utf16 : .utf8
            return .success(try Yams.compose(yaml: yaml, Self.resolver, .default, encoding))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: yaml))
        } catch {
            return .failure(.error("the YAML could not be read: \(error)", at: SourceLocation(path: path, line: firstLine)))
        }
    }

    /// Where a node stands in the file.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    /// The text of a scalar, or a diagnostic that names the key and the expected type.
    func text(_ node: Node, key: String) -> Result<String, Diagnostic> {
        guard case .scalar(let scalar) = node else {
            return .failure(.error("`\(key)` must be text, not a \(Self.kindName(node)); write `\(key): your text`", at: location(of: node)))
        }
        return .success(scalar.string)
    }

    /// A list of texts; a single text is accepted as a list of one.
    func texts(_ node: Node, key: String) -> Result<[String], Diagnostic> {
        switch node {
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    return .failure(.error(
                        "every item of `\(key)` must be text, not a \(Self.kindName(item)); write `- your text`, and quote an item that contains `: `, such as `- \"Goal: text\"`",
                        at: location(of: item)))
                }
                values.append(scalar.string)
            }
            return .success(values)
        case .scalar(let scalar):
            return .success([scalar.string])
        default:
            return .failure(.error("`\(key)` must be a list of texts, one `- item` per line", at: location(of: node)))
        }
    }

    /// The line (from 1) of the `number`th place where an alias may stand, or `nil` when there are fewer: a `*` that
    /// starts a value, after indentation, `[`, `{`, `,` or one of `- `, `? `, `: `. Quotes, comments and block scalars
    /// are not told apart, so this counts generously, never too few.
    static func lineOfAlias(number: Int, in yaml: String) -> Int? {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var count = 0
        var line = 1
        var lastMark = newline  // the last byte on this line that is not a space or tab; a line break at its start
        var previous: UInt8 = 0
        for byte in yaml.utf8 {
            defer { previous = byte }
            if byte == newline || byte == carriageReturn {
                if byte == carriageReturn || previous != carriageReturn { line += 1 }
                lastMark = newline
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
            if byte == UInt8(ascii: "*") {
                let afterBlank = previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")
                let startsValue = [newline, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(lastMark)
                    || (afterBlank && [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(lastMark))
                if startsValue {
                    count += 1
                    if count == number { return line }
                }
            }
            lastMark = byte
        }
        return nil
    }

    /// A human word for a node's kind.
    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "mapping (`key: value` lines)"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    private func diagnostic(for error: YamlError, in yaml: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // libyaml stops at 1,000 levels and says so in terms of its C API.
            if problem.hasPrefix("Maximum nesting level") {
                return .error(
                    "the YAML is nested more than 1,000 levels deep: write flat `key: value` lines",
                    at: SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column))
            }
            return .error(
                "malformed YAML: \(problem); check the indentation and quote values that contain `: ` or start with a special character",
                at: SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, _):
            // Yams names the keys but not where they repeat: the line of the second `key:` is the one to remove.
            let lines = yaml.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            let repeated = duplicates.sorted().first.flatMap { key in
                lines.indices.filter { lines[$0].drop { $0 == " " }.hasPrefix("\(key):") }.dropFirst().first
            }
            return .error(
                "duplicate key `\(duplicates.sorted().joined(separator: "`, `"))`: keep one of them",
                at: SourceLocation(path: path, line: firstLine + (repeated ?? 0)))
        default:
            return .error("malformed YAML: \(error)", at: SourceLocation(path: path, line: firstLine))
        }
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
    return best
}

/// Levenshtein distance between two short words.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
