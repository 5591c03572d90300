import Testing
@testable import Rendering

/// The view models' table of values by name behaves as a dictionary: the tests compare it with one.
@Suite struct NameTableTests {
    func text(_ value: ViewModelValue?) -> String? {
        guard case .text(let text)? = value else { return nil }
        return text
    }

    @Test func setsReplacesAndRemovesLikeADictionary() {
        // Short names (stored inline in a String), long ones, non-ASCII ones and the empty name.
        let names = (0..<300).map { index -> String in
            switch index % 4 {
            case 0: "k\(index)"
            case 1: "a-rather-long-view-model-key-number-\(index)"
            case 2: "sleutel-é-\(index)"
            default: index == 3 ? "" : "x\(index)y"
            }
        }
        var table = NameTable()
        var dictionary: [String: String] = [:]
        var countsDiffer = 0
        for step in 0..<5_000 {
            // Steps through the names in a scrambled order that visits each many times; every tenth step removes.
            let name = names[(step * 7_919) % names.count]
            if step % 10 == 9 {
                table[name] = nil
                dictionary[name] = nil
            } else {
                table[name] = .text("\(step)")
                dictionary[name] = "\(step)"
            }
            if table.count != dictionary.count { countsDiffer += 1 }
        }
        #expect(countsDiffer == 0)
        for name in names + ["absent", "k", "k00"] {
            #expect(text(table[name]) == dictionary[name], "\(name)")
            #expect(text(table[name, hash: NameTable.hash(name)]) == dictionary[name], "\(name)")
        }
    }

    @Test func aLiteralKeepsTheLastValueOfANameGivenTwice() {
        let table: NameTable = ["a": "1", "a": "2"]
        #expect(table.count == 1)
        #expect(text(table["a"]) == "2")
    }

    @Test func growsPastItsCapacity() {
        var table = NameTable(minimumCapacity: 2)
        for index in 0..<1_000 { table["n\(index)"] = .number(index) }
        #expect(table.count == 1_000)
        for index in 0..<1_000 {
            guard case .number(let number)? = table["n\(index)"] else {
                Issue.record("n\(index) is missing")
                continue
            }
            #expect(number == index)
        }
    }

    @Test func aTemplateKeyCarriesTheHashOfEachPart() {
        let key = TemplateKey("t.deck_next")
        #expect(key.parts == ["t", "deck_next"])
        #expect(key.hashes == [NameTable.hash("t"), NameTable.hash("deck_next")])
        #expect(NameTable.hash("t") != NameTable.hash("deck_next"))
    }
}
