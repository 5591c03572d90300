/// A pipe table in GitHub's syntax, read from the lines of one CommonMark paragraph.
///
/// libcmark has no table extension, so a paragraph whose lines form a table (a header row, a delimiter row
/// with optional `:` alignment, then body rows) is recognised here and its cells are rendered through cmark.
struct PipeTable: Sendable, Hashable {
    /// How a column's cells are aligned.
    enum Alignment: Sendable, Hashable {
        case none, left, center, right
    }

    /// One row's cells; text still in Markdown, with `\|` already turned into `|`.
    struct Row: Sendable, Hashable {
        var cells: [String]
        /// Index of the row's line among the paragraph's lines.
        var lineOffset: Int
    }

    var alignments: [Alignment]
    var header: Row
    var body: [Row]

    /// Splits paragraph lines into the lines before the table and the table, or returns `nil` when no table starts.
    static func split(_ lines: [Substring]) -> (leading: [Substring], table: PipeTable)? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[index + 1]) else { continue }
            let header = cells(of: lines[index])
            guard header.count == alignments.count else { continue }
            let body = lines[(index + 2)...].enumerated().map { offset, line in
                Row(cells: fitted(cells(of: line), to: alignments.count), lineOffset: index + 2 + offset)
            }
            let table = PipeTable(alignments: alignments, header: Row(cells: header, lineOffset: index), body: body)
            return (Array(lines[..<index]), table)
        }
        return nil
    }

    /// Whether a line's bytes could be a delimiter row: `-` among only `|`, `:`, `-`, spaces and tabs. Every
    /// delimiter row passes (any other character ends up inside a cell, which must be dashes between optional colons),
    /// so a paragraph none of whose lines pass is no table, and `split` need not cut its lines out.
    static func mayBeDelimiterRow(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var hasDash = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            default: return false
            }
        }
        return hasDash
    }

    /// The table as HTML, in the layout of the GFM specification, with each cell's Markdown rendered by `inline`.
    func html(renderingInline inline: (String, _ lineOffset: Int) -> String) -> String {
        var html = "<table>\n<thead>\n<tr>\n"
        for (column, cell) in header.cells.enumerated() {
            html += "<th\(attribute(for: column))>\(inline(cell, header.lineOffset))</th>\n"
        }
        html += "</tr>\n</thead>\n"
        if !body.isEmpty {
            html += "<tbody>\n"
            for row in body {
                html += "<tr>\n"
                for (column, cell) in row.cells.enumerated() {
                    html += "<td\(attribute(for: column))>\(inline(cell, row.lineOffset))</td>\n"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>\n"
    }
}

private extension PipeTable {
    /// HTML5 has no `align` attribute, so alignment is an inline style.
    func attribute(for column: Int) -> String {
        switch alignments[column] {
        case .none: ""
        case .left: " style=\"text-align: left\""
        case .center: " style=\"text-align: center\""
        case .right: " style=\"text-align: right\""
        }
    }

    static func fitted(_ cells: [String], to count: Int) -> [String] {
        cells.count >= count ? Array(cells.prefix(count)) : cells + Array(repeating: "", count: count - cells.count)
    }

    /// The alignments of a delimiter row such as `| :--- | ---: |`, or `nil` when the line is not one.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        guard line.contains("|") || line.contains(":") else { return nil }
        var result: [Alignment] = []
        for cell in cells(of: line) {
            var text = Substring(cell)
            let left = text.first == ":"
            if left { text = text.dropFirst() }
            let right = text.last == ":"
            if right { text = text.dropLast() }
            guard !text.isEmpty, text.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }

    /// The trimmed cells of a row; outer pipes are optional and `\|` is a literal pipe.
    static func cells(of line: Substring) -> [String] {
        var text = line.trimmingWhitespace()
        if text.first == "|" { text = text.dropFirst() }
        if text.last == "|", !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character == "|" ? "|" : "\\\(character)")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(String(Substring(current).trimmingWhitespace()))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(String(Substring(current).trimmingWhitespace()))
        return cells
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
