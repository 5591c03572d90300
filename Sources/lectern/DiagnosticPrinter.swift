import Diagnostics
import Foundation

/// Prints diagnostics compiler-style on standard error.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { write(diagnostic.description + "\n") }
    }

    static func summary(_ diagnostics: [Diagnostic], verb: String) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        write("\(verb): \(errors) error(s), \(warnings) warning(s)\n")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
