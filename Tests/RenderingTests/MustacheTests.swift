import Testing
@testable import Rendering

/// The Mustache the theme is written in: interpolation, sections, inverted sections, comments, partials,
/// delimiters and inheritance, with the standalone-line rules of the Mustache specification.
@Suite struct MustacheTests {
    /// Renders `template` with `partials` beside it; returns the output and the keys found nowhere.
    func render(_ template: String, _ data: [String: ViewModelValue] = [:], partials: [String: String] = [:]) throws -> (String, [String]) {
        var templates = ["page": try TemplateParser.parse(template, name: "page")]
        for (name, text) in partials { templates[name] = try TemplateParser.parse(text, name: name) }
        var renderer = TemplateRenderer(templates: templates, root: ViewModel(data), capacity: 0)
        renderer.render(templates["page"]!)
        return (String(decoding: renderer.output, as: UTF8.self), renderer.problems.map(\.key))
    }

    func output(_ template: String, _ data: [String: ViewModelValue] = [:], partials: [String: String] = [:]) throws -> String {
        try render(template, data, partials: partials).0
    }

    // MARK: Interpolation

    @Test func doubleMustachesEscapeTheFiveHTMLSpecialCharacters() throws {
        #expect(try output("<p title=\"{{t}}\">{{t}}</p>", ["t": "a & b < c > d \" e ' f – é"])
            == "<p title=\"a &amp; b &lt; c &gt; d &quot; e &#39; f – é\">a &amp; b &lt; c &gt; d &quot; e &#39; f – é</p>")
    }

    @Test func tripleMustachesAndAmpersandsInsertTextAsItIs() throws {
        #expect(try output("{{{html}}}|{{&html}}|{{{ html }}}", ["html": "<em>x</em> & y"]) == "<em>x</em> & y|<em>x</em> & y|<em>x</em> & y")
    }

    @Test func numbersAndFlagsAreWrittenOut() throws {
        #expect(try output("{{n}} {{yes}} {{no}}", ["n": -42, "yes": true, "no": false]) == "-42 true false")
    }

    @Test func spacesInsideTagsAreIgnored() throws {
        #expect(try output("|{{ name }}|{{# shown }}={{/ shown }}|", ["name": "x", "shown": true]) == "|x|=|")
    }

    @Test func dottedNamesLookInsideTheFirstValueThatHasTheirFirstPart() throws {
        let data: [String: ViewModelValue] = [
            "a": .model(ViewModel(["b": .model(ViewModel([:]))])),
            "b": .model(ViewModel(["c": "wrong"])),
            "t": .strings(["hello": "Hallo"]),
        ]
        let (html, missing) = try render("{{t.hello}} [{{#a}}{{b.c}}{{/a}}]", data)
        #expect(html == "Hallo []")
        #expect(missing == ["b.c"])
    }

    @Test func aKeyFoundNowhereRendersNothingAndIsRecorded() throws {
        let (html, missing) = try render("[{{nmae}}] [{{#gone}}x{{/gone}}] [{{t.missing}}]", ["t": .strings([:])])
        #expect(html == "[] [] []")
        #expect(missing == ["nmae", "gone", "t.missing"])
    }

    @Test func anInterpolationIsNeverAStandaloneLine() throws {
        #expect(try output("  {{a}}\n", ["a": "x"]) == "  x\n")
    }

    // MARK: Sections

    @Test func aListRendersItsSectionOncePerItemWithTheItemInScope() throws {
        let data: [String: ViewModelValue] = ["site": "S", "items": .list([ViewModel(["n": 1]), ViewModel(["n": 2])])]
        #expect(try output("{{#items}}({{n}} of {{site}}){{/items}}", data) == "(1 of S)(2 of S)")
    }

    @Test func nestedListsSeeEveryEnclosingItem() throws {
        let inner = ViewModelValue.list([ViewModel(["b": "x"]), ViewModel(["b": "y"])])
        let data: [String: ViewModelValue] = ["outer": .list([ViewModel(["a": "1", "inner": inner])])]
        #expect(try output("{{#outer}}{{a}}:{{#inner}}{{a}}{{b}},{{/inner}}{{/outer}}", data) == "1:1x,1y,")
    }

    @Test func falseZeroEmptyTextAndEmptyListsSkipASection() throws {
        let data: [String: ViewModelValue] = ["f": false, "zero": 0, "empty": "", "none": .list([])]
        #expect(try output("[{{#f}}1{{/f}}{{#zero}}2{{/zero}}{{#empty}}3{{/empty}}{{#none}}4{{/none}}]", data) == "[]")
    }

    @Test func aModelSectionPutsItsKeysInScopeAndTextIsTheCurrentItem() throws {
        let data: [String: ViewModelValue] = ["person": .model(ViewModel(["name": "Ada"])), "word": "hi"]
        #expect(try output("{{#person}}{{name}}{{/person}} {{#word}}{{.}}!{{/word}}", data) == "Ada hi!")
    }

    @Test func anInvertedSectionRendersWhenTheValueIsFalseOrEmpty() throws {
        let data: [String: ViewModelValue] = ["f": false, "t": true, "none": .list([])]
        #expect(try output("{{^f}}a{{/f}}{{^t}}b{{/t}}{{^none}}c{{/none}}", data) == "ac")
    }

    @Test func sectionTagsAloneOnTheirLinesTakeTheLineWithThem() throws {
        let template = "| This\n  {{#shown}}  \n|\n  {{/shown}}\n{{^shown}}\nnot\n{{/shown}}\n| end\n"
        #expect(try output(template, ["shown": true]) == "| This\n|\n| end\n")
    }

    @Test func standaloneLinesEndingInCRLFAreRemovedWhole() throws {
        #expect(try output("|\r\n{{#b}}\r\n{{/b}}\r\n|", ["b": true]) == "|\r\n|")
    }

    @Test func standaloneTagsNeedNoLineBeforeOrAfterThem() throws {
        #expect(try output("  {{#b}}\n#{{/b}}\n/", ["b": true]) == "#\n/")
        #expect(try output("#{{#b}}\n/\n  {{/b}}", ["b": true]) == "#\n/\n")
    }

    @Test func inlineSectionsKeepTheWhitespaceAroundThem() throws {
        #expect(try output(" {{#b}}YES{{/b}}\n {{#b}}\t|\t{{/b}} | \n", ["b": true]) == " YES\n \t|\t | \n")
    }

    @Test func itemsMadeOfFixedFieldsRenderLikeItemsMadeOfATable() throws {
        let items: ViewModelValue = .list([
            ViewModel(fields: ["name": "a & b", "shown": true]),
            ViewModel(fields: ["name": "c", "shown": false]),
        ])
        let (html, missing) = try render("{{#items}}[{{name}}{{#shown}}!{{/shown}}{{title}}{{nmae}}]{{/items}}", ["items": items, "title": "T"])
        #expect(html == "[a &amp; b!T][cT]")
        #expect(missing == ["nmae", "nmae"])
    }

    // MARK: Comments and delimiters

    @Test func commentsRenderNothingAndAStandaloneOneTakesItsLines() throws {
        #expect(try output("Begin.\n{{!\nA comment\non two lines\n}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try output("  12 {{! 34 }}\n") == "  12 \n")
    }

    @Test func aDelimiterTagChangesTheDelimitersForTheRestOfTheTemplate() throws {
        #expect(try output("{{=<% %>=}}(<%text%>) {{text}}\n<%={{ }}=%>\n[{{text}}]", ["text": "It worked!"])
            == "(It worked!) {{text}}\n[It worked!]")
    }

    // MARK: Partials

    @Test func aPartialRendersInTheCurrentScope() throws {
        let data: [String: ViewModelValue] = ["items": .list([ViewModel(["n": 1]), ViewModel(["n": 2])])]
        #expect(try output("{{#items}}{{> item }}{{/items}}", data, partials: ["item": "<{{n}}>"]) == "<1><2>")
    }

    @Test func aStandalonePartialIndentsEveryLineOfItsTemplateButNotItsData() throws {
        let template = "\\\n {{>partial}}\n/\n"
        let partial = "|\n{{{content}}}\n|\n"
        #expect(try output(template, ["content": "<\n->"], partials: ["partial": partial]) == "\\\n |\n <\n->\n |\n/\n")
    }

    @Test func aPartialThatIncludesItselfStopsAtTheDepthLimit() throws {
        let (_, problems) = try render("{{>loop}}", partials: ["loop": "x{{>loop}}"])
        #expect(problems == ["loop"])
    }

    // MARK: Inheritance

    @Test func aBlockRendersItsDefaultUnlessAParentTagFillsIt() throws {
        let layout = "<title>{{$title}}Default{{/title}}</title><main>{{$main}}empty{{/main}}</main>"
        #expect(try output("{{<layout}}{{$main}}Hello {{name}}{{/main}}{{/layout}}", ["name": "Ada"], partials: ["layout": layout])
            == "<title>Default</title><main>Hello Ada</main>")
    }

    @Test func textInsideAParentTagOutsideBlocksIsIgnored() throws {
        #expect(try output("{{<p}} ignored {{$a}}kept{{/a}} ignored {{/p}}", partials: ["p": "[{{$a}}{{/a}}]"]) == "[kept]")
    }

    @Test func theOutermostFillOfABlockWinsThroughManyLevels() throws {
        let partials = ["parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grand}}{{$a}}o{{/a}}{{/grand}}", "grand": "{{$a}}g{{/a}}"]
        #expect(try output("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: partials) == "c")
        #expect(try output("{{<parent}}{{/parent}}", partials: partials) == "p")
    }

    @Test func aFilledBlockIsRenderedInTheScopeWhereTheParentPutsIt() throws {
        let data: [String: ViewModelValue] = ["fruit": "apples", "nested": .model(ViewModel(["fruit": "bananas"]))]
        #expect(try output("{{<p}}{{$b}}I say {{fruit}}.{{/b}}{{/p}}", data, partials: ["p": "{{#nested}}{{$b}}You say {{fruit}}.{{/b}}{{/nested}}"])
            == "I say bananas.")
    }

    @Test func blocksFilledByAPageReachIntoPartialsOfItsLayout() throws {
        let partials = ["layout": "<body>{{>header}}{{$main}}{{/main}}</body>", "header": "<h1>{{$heading}}Site{{/heading}}</h1>"]
        #expect(try output("{{<layout}}{{$heading}}Deck{{/heading}}{{$main}}slides{{/main}}{{/layout}}", partials: partials)
            == "<body><h1>Deck</h1>slides</body>")
    }

    @Test func recursionThroughParentsEndsWhereTheBlocksSayTo() throws {
        let partials = [
            "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
            "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
        ]
        #expect(try output("{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", partials: partials) == "override override override don't recurse")
    }

    @Test func standaloneBlockAndParentTagsTakeTheirLines() throws {
        let layout = "<head>\n{{$head}}{{/head}}\n</head>\n{{$body}}\nbody\n{{/body}}\n"
        let page = "{{<layout}}\n{{$head}}\n<link>\n{{/head}}\n{{/layout}}\n"
        #expect(try output(page, partials: ["layout": layout]) == "<head>\n<link>\n\n</head>\nbody\n")
    }

    // MARK: Syntax errors

    @Test(arguments: [
        ("line\n{{#open}}\n", "`open` is opened here and never closed; add `{{/open}}`", 2, 1),
        ("{{#a}}{{#b}}{{/a}}{{/b}}", "`/a` closes `b`, opened at line 1; close the innermost open tag first", 1, 13),
        ("x {{/a}}", "`{{/a}}` closes nothing; remove it or add the tag it should close", 1, 3),
        ("é {{name", "this tag is not closed; add `}}`", 1, 3),
        ("{{two words}}", "`{{two words}}` needs one name without spaces", 1, 1),
        ("{{=<%=}}", "a delimiter tag names two delimiters separated by a space, such as `{{=<% %>=}}`", 1, 1),
    ])
    func aTemplateThatDoesNotParseSaysWhereAndWhy(template: String, message: String, line: Int, column: Int) {
        #expect(throws: TemplateSyntaxError(message: message, line: line, column: column)) {
            _ = try TemplateParser.parse(template, name: "page")
        }
    }
}
