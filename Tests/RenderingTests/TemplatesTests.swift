import Foundation
import Testing
@testable import Rendering

@Suite struct TemplatesTests {
    func templates(_ files: [String: String]) throws -> (Templates?, [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let (templates, diagnostics) = Templates.load(from: folder, displayRoot: ".")
        return (templates, diagnostics.map(\.description))
    }

    @Test func aPageInheritsTheLayoutAndUsesPartials() throws {
        let (templates, _) = try self.templates([
            "layout.mustache": "<html>{{$main}}default{{/main}}{{>footer}}</html>",
            "footer.mustache": "<footer>{{t.made}}</footer>",
            "page.mustache": "{{<layout}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout}}",
        ])
        let html = try #require(templates).render("page", ViewModel(["title": "A & B", "t": .strings(["made": "Lectern"])]))
        #expect(html == "<html><h1>A &amp; B</h1><footer>Lectern</footer></html>")
    }

    @Test func aPageRendersToTheUTF8BytesOfItsText() throws {
        let (templates, _) = try self.templates(["page.mustache": "<h1>{{title}}</h1>{{{html}}}"])
        let model = ViewModel(["title": "Één & twee", "html": "<p>ü</p>"])
        let bytes = try #require(templates).renderUTF8("page", model, capacity: 4)
        #expect(bytes == Array("<h1>Één &amp; twee</h1><p>ü</p>".utf8))
        #expect(try #require(templates).render("page", model) == String(decoding: bytes, as: UTF8.self))
    }

    @Test func aKeyTheViewModelLacksIsAnError() throws {
        let (templates, _) = try self.templates(["page.mustache": "{{#items}}{{nmae}}{{/items}}{{title}}{{t.missing}}"])
        #expect(throws: TemplateError(template: "page", message: "the template `page` (or a partial or layout it uses) uses `nmae`, `t.missing`, which its view model does not have; check the spelling against docs/templates.md", line: 1, column: 11)) {
            try #require(templates).render("page", ViewModel(["title": "x", "items": .list([ViewModel(["name": "a"])]), "t": .strings([:])]))
        }
    }

    @Test func aKeyMissingInAPartialIsPlacedInThePartial() throws {
        let (templates, _) = try self.templates([
            "page.mustache": "<body>\n{{>footer}}\n</body>",
            "footer.mustache": "<footer>\n  {{t.made}} {{yaer}}\n</footer>",
        ])
        #expect(throws: TemplateError(template: "footer", message: "the template `page` (or a partial or layout it uses) uses `yaer`, which its view model does not have; check the spelling against docs/templates.md", line: 2, column: 14)) {
            try #require(templates).render("page", ViewModel(["t": .strings(["made": "Lectern"])]))
        }
    }

    @Test func aListUsedAsTextIsAnError() throws {
        let (templates, _) = try self.templates(["page.mustache": "{{items}}"])
        #expect(throws: TemplateError(template: "page", message: "`items` is a list or a group of values, not text; use `{{#items}}…{{/items}}`", line: 1, column: 1)) {
            try #require(templates).render("page", ViewModel(["items": .list([])]))
        }
    }

    @Test func aPartialOrLayoutThatDoesNotExistIsAnErrorWhereItIsNamed() throws {
        let (templates, diagnostics) = try self.templates(["page.mustache": "{{<layuot}}{{/layuot}}\n{{>header}}", "header.mustache": ""])
        #expect(templates == nil)
        #expect(diagnostics == ["Templates/page.mustache:1:1: error: there is no template `layuot` (Templates/layuot.mustache) to include; check the name"])
    }

    @Test func aFalseFlagIsAKeyThatExists() throws {
        let (templates, _) = try self.templates(["page.mustache": "{{#shown}}yes{{/shown}}{{^shown}}no{{/shown}}"])
        #expect(try #require(templates).render("page", ViewModel(["shown": false])) == "no")
    }

    @Test func aTemplateThatDoesNotParseIsAnErrorAtItsLine() throws {
        let (templates, diagnostics) = try self.templates(["page.mustache": "line\n{{#open}}\n"])
        #expect(templates == nil)
        #expect(diagnostics.first?.hasPrefix("Templates/page.mustache:") == true)
    }
}
