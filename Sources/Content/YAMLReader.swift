import Diagnostics
import Yams

/// Reads a YAML text into Yams nodes and turns its problems into located diagnostics.
struct YAMLReader {
    /// The file's path for diagnostics.
    let path: String
    /// The line of the file on which the YAML text's first line stands.
    let firstLine: Int

    /// The YAML's root node, or a diagnostic saying where it is malformed.
    func compose(_ yaml: String) -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: yaml))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
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
                switch text(item, key: key) {
                case .success(let value): values.append(value)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(values)
        case .scalar(let scalar):
            return .success([scalar.string])
        default:
            return .failure(.error("`\(key)` must be a list of texts, one `- item` per line", at: location(of: node)))
        }
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

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(
                "malformed YAML: \(problem); check the indentation and quote values that contain `: ` or start with a special character",
                at: SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, _):
            return .error("duplicate key `\(duplicates.joined(separator: "`, `"))`: keep one of them", at: SourceLocation(path: path, line: firstLine))
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
