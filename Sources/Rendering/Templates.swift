import Diagnostics
import Foundation
import Mustache

/// The theme's Mustache templates, read once from `Templates/`, partials and layouts included.
public struct Templates: Sendable {
    private let library: MustacheLibrary

    /// Reads every `.mustache` file below `folder`; a file named `layouts/base.mustache` is the template `layouts/base`.
    public static func load(from folder: URL, displayRoot: String) -> (Templates?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        for name in names {
            let relative = "Templates/\(name)"
            let path = displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error("the template cannot be read as UTF-8 text", at: SourceLocation(path: path, line: 1)))
                continue
            }
            do {
                try library.register(MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "the template does not parse: \(error.error); check that every `{{#section}}` has its `{{/section}}`",
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("the template does not parse: \(error)", at: SourceLocation(path: path, line: 1)))
            }
        }
        return (diagnostics.containsErrors ? nil : Templates(library: library), diagnostics)
    }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a page; a key the template uses but the view model lacks is an error naming the template and key.
    public func render(_ name: String, _ model: ViewModel) throws(TemplateError) -> String {
        let recorder = MissingKeys()
        let root = RecordingValues(values: model.values, recorder: recorder, prefix: "")
        let rendered = MissingKeys.$current.withValue(recorder) { library.render(root, withTemplate: name) }
        guard let html = rendered else {
            throw TemplateError(template: name, message: "the template `\(name).mustache` does not exist in Templates/")
        }
        let missing = recorder.keys
        if !missing.isEmpty {
            let keys = missing.sorted().map { "`\($0)`" }.joined(separator: ", ")
            throw TemplateError(template: name, message: "the template `\(name)` (or a partial or layout it uses) uses \(keys), which its view model does not have; check the spelling against docs/templates.md")
        }
        return html
    }
}

/// A template used a key its view model lacks, or does not exist.
public struct TemplateError: Error, Sendable, Hashable {
    /// The template's name, such as `module`.
    public var template: String
    /// What is wrong and how to fix it.
    public var message: String
}
