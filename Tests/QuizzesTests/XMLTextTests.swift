import Testing
@testable import Quizzes

/// XML escaping for QTI works on bytes: the characters it drops or escapes are single scalars.
@Suite struct XMLTextTests {
    @Test func markupCharactersAreEscapedAndForbiddenControlsDropped() {
        #expect(XMLText.escape("a & b < c > \"d\"\u{1}\t\u{FFFE}\u{FFFF}e") == "a &amp; b &lt; c &gt; &quot;d&quot;\te")
    }

    @Test func aFragmentKeepsItsMarkupAndNonASCIIText() {
        #expect(XMLText.fragment("<p>caf\u{e9} \u{FFFD}\u{EFFF}\u{1F600}</p>\u{0}\r\n") == "<p>caf\u{e9} \u{FFFD}\u{EFFF}\u{1F600}</p>\r\n")
    }

    @Test func identifiersKeepASCIILettersDigitsAndPunctuationOnly() {
        #expect(QTIItem.identifier("q-caf\u{e9}_1.x:y") == "q-caf-_1.x-y")
        #expect(QTIItem.identifier("1abc") == "q-1abc")
        #expect(QTIItem.identifier("_a") == "_a")
        #expect(QTIItem.identifier("\u{e9}") == "q--")
    }

    /// The definition, scalar by scalar: markup escaped (in text), and the controls XML 1.0 forbids, U+FFFE and
    /// U+FFFF dropped.
    func definition(_ text: String, escapingMarkup: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&" where escapingMarkup: result += "&amp;"
            case "<" where escapingMarkup: result += "&lt;"
            case ">" where escapingMarkup: result += "&gt;"
            case "\"" where escapingMarkup: result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Markup, allowed and forbidden controls, the scalars around U+FFFE/U+FFFF that share their first byte 0xEF,
    /// other non-ASCII text, and the spaces and combining mark that trimming must handle.
    static let alphabet = [
        "a", "&", "<", ">", "\"", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}",
        "\u{FFFD}", "\u{FEFF}", "\u{F000}", "\u{EFFF}", "\u{e9}", "\u{1F600}", " ", "\u{301}",
    ]

    @Test func escapingOnBytesMatchesTheScalarDefinitionForEveryShortText() {
        for text in strings(of: Self.alphabet, upTo: 3) {
            #expect(XMLText.escape(text) == definition(text, escapingMarkup: true), "\(Array(text.unicodeScalars))")
            #expect(XMLText.fragment(text) == definition(text, escapingMarkup: false), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aTrimmedFragmentIsTheFragmentOfTheTrimmedText() {
        for text in strings(of: Self.alphabet, upTo: 3) + ["  a\u{301} ", "\r\n<p>x</p>\r\n", " \u{301}a", "a\u{301}\n"] {
            var writer = ByteWriter(capacity: 0)
            XMLText.append(trimmedFragment: text, to: &writer)
            #expect(writer.text == XMLText.fragment(text.trimmed), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func identifiersMatchTheScalarDefinitionForEveryShortText() {
        func definition(_ text: String) -> String {
            let kept = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": scalar
                default: "-"
                }
            }))
            return kept.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true ? kept : "q-" + kept
        }
        for text in strings(of: ["a", "Z", "0", "-", "_", ".", ":", " ", "\u{e9}", "\u{1F600}", "\u{301}"], upTo: 3) {
            #expect(QTIItem.identifier(text) == definition(text), "\(Array(text.unicodeScalars))")
        }
    }
}

