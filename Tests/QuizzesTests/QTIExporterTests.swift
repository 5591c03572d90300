import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Quizzes

/// The QTI 2.1 export: a content package zip with a manifest and one well-formed item per question.
@Suite struct QTIExporterTests {
    func example() throws -> Quiz {
        try #require(Quiz.parse(source: try fixture("quiz.en.md"), path: "quiz.en.md", language: "en").quiz)
    }

    func item(_ id: String) throws -> XMLDocument {
        let file = try #require(QTIExporter.files(for: try example()).first { $0.path == "q-\(id).xml" })
        return try XMLDocument(xmlString: file.text)
    }

    func values(_ document: XMLDocument, _ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    @Test func thePackageHoldsTheManifestFirstThenOneItemPerQuestion() throws {
        #expect(QTIExporter.files(for: try example()).map(\.path) == [
            "imsmanifest.xml", "q-https-port.xml", "q-devops-goals.xml", "q-devops-job-title.xml", "q-docker-rm.xml",
            "q-bytes-to-mb.xml",
        ])
    }

    @Test func everyFileIsWellFormedXML() throws {
        for file in QTIExporter.files(for: try example()) {
            #expect(throws: Never.self, "\(file.path)") { try XMLDocument(xmlString: file.text) }
        }
    }

    @Test func theManifestListsEveryItemAsAQTIResource() throws {
        let manifest = try XMLDocument(xmlString: try #require(QTIExporter.files(for: try example()).first).text)
        #expect(try values(manifest, "//*[local-name()='resource']/@href") == [
            "q-https-port.xml", "q-devops-goals.xml", "q-devops-job-title.xml", "q-docker-rm.xml", "q-bytes-to-mb.xml",
        ])
        #expect(Set(try values(manifest, "//*[local-name()='resource']/@type")) == ["imsqti_item_xmlv2p1"])
    }

    @Test func singleChoiceIsAChoiceInteractionWithOneChoice() throws {
        let item = try item("https-port")
        #expect(try values(item, "//*[local-name()='choiceInteraction']/@maxChoices") == ["1"])
        #expect(try values(item, "//*[local-name()='simpleChoice']") == ["80", "443", "22"])
        #expect(try values(item, "//*[local-name()='correctResponse']/*") == ["option-2"])
    }

    @Test func multipleChoiceMapsMoodlesWeightsWithMapResponse() throws {
        let item = try item("devops-goals")
        #expect(try values(item, "//*[local-name()='choiceInteraction']/@maxChoices") == ["0"])
        #expect(try values(item, "//*[local-name()='mapEntry']/@mappedValue") == ["0.5", "0.5", "-1.0"])
        #expect(try values(item, "//*[local-name()='mapping']/@lowerBound") == ["0"])
        #expect(try item.nodes(forXPath: "//*[local-name()='mapResponse']").count == 1)
    }

    @Test func typedAnswersAreTextEntryInteractions() throws {
        for id in ["docker-rm", "bytes-to-mb"] {
            #expect(try item(id).nodes(forXPath: "//*[local-name()='textEntryInteraction']").count == 1)
        }
        #expect(try values(try item("docker-rm"), "//*[local-name()='stringMatch']/@caseSensitive") == ["false", "false"])
        #expect(try values(try item("bytes-to-mb"), "//*[local-name()='equal']/@tolerance") == ["0.05 0.05"])
    }

    @Test func feedbackAndExplanationAreModalFeedback() throws {
        #expect(try values(try item("https-port"), "//*[local-name()='modalFeedback']/@identifier") == ["option-1", "option-3", "explanation"])
    }

    @Test func specialCharactersAreEscaped() throws {
        let quiz = try #require(parse("# T\n\n## Is a < b & \"c\"?\n<!-- id: q -->\n\n- = a<b\n\n> Why.\n"))
        let item = try XMLDocument(xmlString: QTIExporter.files(for: quiz)[1].text)
        #expect(try values(item, "/*/@title") == ["Is a < b & \"c\"?"])
        #expect(try values(item, "//*[local-name()='correctResponse']/*") == ["a<b"])
    }

    @Test func anIdStartingWithADigitGetsAValidIdentifier() {
        #expect(QTIItem.identifier("3-tier") == "q-3-tier")
        #expect(QTIItem.identifier("quiz") == "quiz")
    }

    @Test func theSameQuizGivesTheSameZipBytes() throws {
        #expect(QTIExporter.package(try example()) == QTIExporter.package(try example()))
    }

    @Test func theZipHoldsExactlyTheFilesAsStoredEntries() throws {
        let quiz = try example()
        let files = QTIExporter.files(for: quiz, identifier: "intro-en")
        let entries = try readZip(QTIExporter.package(quiz, identifier: "intro-en"))
        #expect(entries == files.map { ReadEntry(name: $0.path, data: Array($0.text.utf8)) })
    }

    @Test func theCRCIsZipsCRC32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func theCRCTakesSixteenBytesAtATimeWithTheSameResultAtAnyLength() {
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum((0..<1_000).map { UInt8($0 % 251) }) == 0x7217_46A6)
    }

    @Test(.enabled(if: executable(named: "unzip") != nil, "needs unzip"))
    func theZipPassesUnzipsTestWithItsEntriesInOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-qti-\(ProcessInfo.processInfo.processIdentifier).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(QTIExporter.package(try example())).write(to: url)
        let unzip = try #require(executable(named: "unzip"))
        let test = try run(unzip, ["-t", url.path])
        #expect(test.status == 0)
        #expect(test.output.contains("No errors detected"))
        let list = try run(unzip, ["-Z1", url.path])
        #expect(list.output == "imsmanifest.xml\nq-https-port.xml\nq-devops-goals.xml\nq-devops-job-title.xml\nq-docker-rm.xml\nq-bytes-to-mb.xml\n")
        let manifest = try run(unzip, ["-p", url.path, "imsmanifest.xml"])
        #expect(manifest.output == QTIExporter.files(for: try example())[0].text)
    }
}
