import Foundation

extension Array where Element == Diagnostic {
    /// The diagnostics as one JSON document for tools and CI annotations:
    /// `{"errors": n, "warnings": n, "diagnostics": [{"severity", "code", "message", "file", "line", "column"}]}`.
    public func jsonReport() -> String {
        let entries = map {
            DiagnosticReport.Entry(
                severity: $0.severity, code: $0.code, message: $0.message, file: $0.location?.path, line: $0.location?.line,
                column: $0.location?.column)
        }
        let errors = filter { $0.severity == .error }.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(DiagnosticReport(errors: errors, warnings: count - errors, diagnostics: entries)) else {
            preconditionFailure("diagnostics always encode")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The shape of `lectern check --format json`.
private struct DiagnosticReport: Encodable {
    struct Entry: Encodable {
        var severity: Diagnostic.Severity
        var code: String?
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    var errors: Int
    var warnings: Int
    var diagnostics: [Entry]
}
