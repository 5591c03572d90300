extension Array where Element == Diagnostic {
    /// The diagnostics in a stable order: by file, line and column, course-wide ones first.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (nil, nil): return lhs.message < rhs.message
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? lhs.message < rhs.message : l < r
            }
        }
    }

    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The same diagnostics with every warning turned into an error (`--strict`).
    public func promotingWarnings() -> [Diagnostic] {
        map { var copy = $0; copy.severity = .error; return copy }
    }
}
