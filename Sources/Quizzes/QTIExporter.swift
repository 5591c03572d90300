/// Writes a quiz as a QTI 2.1 IMS content package: `imsmanifest.xml` and one `assessmentItem` per question.
public enum QTIExporter {
    /// The package's files, in the order they go into the zip: the manifest first, then the items.
    ///
    /// - Parameters:
    ///   - quiz: a quiz without errors.
    ///   - identifier: the manifest's identifier, e.g. the module's slug and language.
    public static func files(for quiz: Quiz, identifier: String = "quiz") -> [(path: String, text: String)] {
        let items = quiz.questions.map { (path: QTIItem.fileName(for: $0), text: QTIItem(question: $0).xml) }
        return [("imsmanifest.xml", manifest(for: quiz, identifier: identifier))] + items
    }

    /// The package as zip bytes; the same quiz always gives the same bytes.
    public static func package(_ quiz: Quiz, identifier: String = "quiz") -> [UInt8] {
        ZipArchive(entries: files(for: quiz, identifier: identifier).map { .init(name: $0.path, data: Array($0.text.utf8)) }).bytes
    }
}

private extension QTIExporter {
    static func manifest(for quiz: Quiz, identifier: String) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#,
            #"    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd""#,
            "    identifier=\"\(XMLText.escape(QTIItem.identifier(identifier)))\">",
            "  <metadata>",
            "    <schema>QTIv2.1 Package</schema>",
            "    <schemaversion>1.0.0</schemaversion>",
            "  </metadata>",
            "  <organizations/>",
            "  <resources>",
        ]
        for question in quiz.questions {
            let file = QTIItem.fileName(for: question)
            lines += [
                "    <resource identifier=\"\(QTIItem.identifier(for: question))\" type=\"imsqti_item_xmlv2p1\" href=\"\(file)\">",
                "      <file href=\"\(file)\"/>",
                "    </resource>",
            ]
        }
        lines += ["  </resources>", "</manifest>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
