/// Writes a quiz as a QTI 2.1 IMS content package: `imsmanifest.xml` and one `assessmentItem` per question.
public enum QTIExporter {
    /// The package's files as text, in the order they go into the zip: the manifest first, then the items.
    ///
    /// - Parameters:
    ///   - quiz: a quiz without errors.
    ///   - identifier: the manifest's identifier, e.g. the module's slug and language.
    public static func files(for quiz: Quiz, identifier: String = "quiz") -> [(path: String, text: String)] {
        var manifest = ByteWriter(capacity: 1_024)
        writeManifest(for: quiz, identifier: identifier, to: &manifest)
        let items = quiz.questions.map { (path: QTIItem.fileName(for: $0), text: QTIItem(question: $0).xml) }
        return [("imsmanifest.xml", manifest.text)] + items
    }

    /// The package as zip bytes; the same quiz always gives the same bytes, the files of `files(for:identifier:)`.
    ///
    /// Every file is written straight into the zip's buffer.
    public static func package(_ quiz: Quiz, identifier: String = "quiz") -> [UInt8] {
        // An item takes about 3 KB with its headers; the buffer doubles for a quiz that needs more.
        var zip = ZipArchive(capacity: 4_096 * (quiz.questions.count + 1))
        zip.addEntry(named: "imsmanifest.xml") { writeManifest(for: quiz, identifier: identifier, to: &$0) }
        for question in quiz.questions {
            zip.addEntry(named: QTIItem.fileName(for: question)) { QTIItem(question: question).write(to: &$0) }
        }
        return zip.finished()
    }
}

private extension QTIExporter {
    static func writeManifest(for quiz: Quiz, identifier: String, to xml: inout ByteWriter) {
        xml.append(#"""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"
                identifier="
            """#)
        // An identifier has nothing XML escapes: only ASCII letters, digits and `-_.`.
        QTIItem.append(identifier: identifier, to: &xml)
        xml.append("""
            ">
              <metadata>
                <schema>QTIv2.1 Package</schema>
                <schemaversion>1.0.0</schemaversion>
              </metadata>
              <organizations/>
              <resources>\n
            """)
        for question in quiz.questions {
            xml.append("    <resource identifier=\"")
            QTIItem.appendIdentifier(for: question, to: &xml)
            xml.append("\" type=\"imsqti_item_xmlv2p1\" href=\"")
            QTIItem.appendIdentifier(for: question, to: &xml)
            xml.append(".xml\">\n      <file href=\"")
            QTIItem.appendIdentifier(for: question, to: &xml)
            xml.append(".xml\"/>\n    </resource>\n")
        }
        xml.append("  </resources>\n</manifest>\n")
    }
}
