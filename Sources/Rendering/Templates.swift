import Diagnostics
import Foundation

/// The theme's Mustache templates, read and parsed once from `Templates/`, partials and layouts included.
///
/// Rendering is Lectern's own (see docs/templates.md for what it supports): a page's view model is typed, so keys
/// are looked up without reflection, and a key the view model lacks is an error at its place in the template.
public struct Templates: Sendable {
    private let templates: [String: [TemplateNode]]

    /// Reads every `.mustache` file below `folder`; a file named `layouts/base.mustache` is the template `layouts/base`.
    public static func load(from folder: URL, displayRoot: String) -> (Templates?, [Diagnostic]) {
        var templates: [String: [TemplateNode]] = [:]
        var diagnostics: [Diagnostic] = []
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        let displayPath = { (name: String) in displayRoot == "." ? "Templates/\(name).mustache" : "\(displayRoot)/Templates/\(name).mustache" }
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.append(.error("the template cannot be read as UTF-8 text", at: SourceLocation(path: displayPath(name), line: 1)))
                continue
            }
            do {
                templates[name] = try TemplateParser.parse(text, name: name)
            } catch {
                diagnostics.append(.error(
                    "the template does not parse: \(error.message)",
                    at: SourceLocation(path: displayPath(name), line: error.line, column: error.column)))
            }
        }
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            for (included, position) in Self.inclusions(in: nodes) where templates[included] == nil {
                diagnostics.append(.error(
                    "there is no template `\(included)` (Templates/\(included).mustache) to include; check the name",
                    at: SourceLocation(path: displayPath(name), line: position.line, column: position.column)))
            }
        }
        return (diagnostics.containsErrors ? nil : Templates(templates: templates), diagnostics)
    }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Renders a page; a key the template uses but the view model lacks is an error naming the template and key.
    public func render(_ name: String, _ model: ViewModel) throws(TemplateError) -> String {
        String(decoding: try renderUTF8(name, model), as: UTF8.self)
    }

    /// Renders a page as the UTF-8 bytes of its file, ready to write without decoding them into a `String` first.
    /// - Parameter capacity: the bytes to reserve, an estimate of the page's size (a page past it is copied as it grows).
    public func renderUTF8(_ name: String, _ model: ViewModel, capacity: Int = 32_768) throws(TemplateError) -> [UInt8] {
        guard let nodes = templates[name] else {
            throw TemplateError(template: name, message: "the template `\(name).mustache` does not exist in Templates/")
        }
        var renderer = TemplateRenderer(templates: templates, root: model, capacity: capacity)
        renderer.render(nodes)
        if let error = TemplateError(problems: renderer.problems, page: name) { throw error }
        return renderer.output
    }

    /// Every partial and parent a template names, with where.
    private static func inclusions(in nodes: [TemplateNode]) -> [(String, TemplatePosition)] {
        nodes.flatMap { node -> [(String, TemplatePosition)] in
            switch node {
            case .text, .value: []
            case .section(_, let children, _, _), .block(_, let children): inclusions(in: children)
            case .partial(let name, _, let position): [(name, position)]
            case .parent(let name, let blocks, _, let position):
                [(name, position)] + blocks.sorted { $0.key < $1.key }.flatMap { inclusions(in: $0.value) }
            }
        }
    }
}

/// A template used a key its view model lacks, or does not exist.
public struct TemplateError: Error, Sendable, Hashable {
    /// The name of the template where the problem is, such as `module` or `header`.
    public var template: String
    /// What is wrong and how to fix it.
    public var message: String
    /// The line and column in that template, when known.
    public var line: Int
    public var column: Int?

    /// An error in `template` at a line (1 when unknown).
    public init(template: String, message: String, line: Int = 1, column: Int? = nil) {
        self.template = template
        self.message = message
        self.line = line
        self.column = column
    }

    /// One error for everything that went wrong rendering a page, placed at the first problem.
    init?(problems: [TemplateProblem], page: String) {
        guard let first = problems.min(by: { $0.position < $1.position }) else { return nil }
        let missing = Set(problems.filter { $0.kind == .missingKey }.map(\.key)).sorted()
        var parts: [String] = []
        if !missing.isEmpty {
            let keys = missing.map { "`\($0)`" }.joined(separator: ", ")
            parts.append("the template `\(page)` (or a partial or layout it uses) uses \(keys), which its view model does not have; check the spelling against docs/templates.md")
        }
        for problem in Set(problems.filter { $0.kind != .missingKey }).sorted(by: { $0.position < $1.position }) {
            switch problem.kind {
            case .notText: parts.append("`\(problem.key)` is a list or a group of values, not text; use `{{#\(problem.key)}}…{{/\(problem.key)}}`")
            case .missingTemplate: parts.append("there is no template `\(problem.key)` to include")
            case .tooDeep: parts.append("templates include each other more than \(TemplateRenderer.maximumDepth) deep at `\(problem.key)`; a template includes itself")
            case .missingKey: break
            }
        }
        self.init(template: first.position.template, message: parts.joined(separator: "; "), line: first.position.line, column: first.position.column)
    }
}
