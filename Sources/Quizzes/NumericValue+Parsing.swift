import Foundation

extension NumericValue {
    /// Why an author's number could not be read.
    enum ParseError: Error, Equatable {
        case decimalComma
        case descendingRange
        case negativeTolerance
        case malformed
        /// Beyond what a `Double` holds: it would become infinity, which the page's JSON cannot carry.
        case tooLarge
    }

    /// Whether an answer's text is meant as a number: it starts with a digit (after an optional sign or point)
    /// and holds nothing but digits, signs, points, commas, `±` and spaces. `2FA` is text; `1.2.3` is a number
    /// gone wrong.
    static func looksNumeric(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first(where: { !"+-.".unicodeScalars.contains($0) }), first.isDigit else { return false }
        return scalars.allSatisfy { $0.isDigit || "+-.,± ".unicodeScalars.contains($0) }
    }

    /// Reads `5`, `-0.5`, `536.9 ± 0.05`, `536.9 +- 0.05` or `1..3` (a decimal point, never a comma).
    static func parse(_ text: String) -> Result<NumericValue, ParseError> {
        if isPlainDecimal(text), let value = decimal(Substring(text)) {
            return value.isFinite ? .success(.exact(value)) : .failure(.tooLarge)
        }
        return parseInGeneral(text)
    }

    /// `parse` for any text: ranges, tolerances and the errors.
    static func parseInGeneral(_ text: String) -> Result<NumericValue, ParseError> {
        let text = String(text.filter { $0 != " " })
        if text.contains(",") { return .failure(.decimalComma) }
        let search = Search(text)
        let numbers = search.replacingRanges().split { !$0.isASCIIDigit && $0 != "." }
        if numbers.contains(where: { decimal($0)?.isFinite == false }) {
            return .failure(.tooLarge)
        }
        if let range = search.range(of: "..") {
            guard let lower = number(text[..<range.lowerBound]), let upper = number(text[range.upperBound...]) else {
                return .failure(.malformed)
            }
            return lower <= upper ? .success(.range(lower, upper)) : .failure(.descendingRange)
        }
        for separator in ["±", "+-"] {
            guard let range = search.range(of: separator) else { continue }
            guard let value = number(text[..<range.lowerBound]) else { return .failure(.malformed) }
            let toleranceText = text[range.upperBound...]
            if toleranceText.hasPrefix("-"), number(toleranceText.dropFirst()) != nil { return .failure(.negativeTolerance) }
            guard let tolerance = number(toleranceText), !toleranceText.hasPrefix("+") else { return .failure(.malformed) }
            return .success(.approximately(value, tolerance: tolerance))
        }
        return number(Substring(text)).map { .success(.exact($0)) } ?? .failure(.malformed)
    }

    /// Foundation's search in an answer, or the same search in its bytes when the answer holds only ASCII and `±`:
    /// there every character is one scalar, so a match of bytes is a match of characters (and Foundation's search
    /// costs more than the rest of reading the number).
    private struct Search {
        let text: String
        let bytes: [UInt8]?

        init(_ text: String) {
            self.text = text
            bytes = text.unicodeScalars.allSatisfy({ $0.isASCII || $0 == "±" }) ? Array(text.utf8) : nil
        }

        /// The first range of `needle`.
        func range(of needle: String) -> Range<String.Index>? {
            guard let bytes else { return text.range(of: needle) }
            let target = Array(needle.utf8)
            guard let offset = Self.firstOffset(of: target, in: bytes, from: 0) else { return nil }
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return start..<text.utf8.index(start, offsetBy: target.count)
        }

        /// The text with every `..` (left to right, not overlapping) made a space.
        func replacingRanges() -> String {
            guard let bytes else { return text.replacingOccurrences(of: "..", with: " ") }
            let dots = Array("..".utf8)
            var result: [UInt8] = []
            var copied = 0
            while let found = Self.firstOffset(of: dots, in: bytes, from: copied) {
                result += bytes[copied..<found]
                result.append(UInt8(ascii: " "))
                copied = found + dots.count
            }
            result += bytes[copied...]
            return String(decoding: result, as: UTF8.self)
        }

        static func firstOffset(of target: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
            guard start + target.count <= bytes.count else { return nil }
            return (start...(bytes.count - target.count)).first { bytes[$0..<($0 + target.count)].elementsEqual(target) }
        }
    }

    /// Whether the text is only an optional sign, digits and at most one point, in ASCII: most answers, which `parse`
    /// reads without its searches for ranges and tolerances (the same reading as theirs, at a fraction of the cost).
    static func isPlainDecimal(_ text: String) -> Bool {
        var points = 0
        var digits = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "+") where offset == 0, UInt8(ascii: "-") where offset == 0: break
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// A plain decimal number: optional sign, digits, optional point and digits; `nil` when too large for a `Double`.
    static func number(_ text: Substring) -> Double? {
        decimal(text).flatMap { $0.isFinite ? $0 : nil }
    }

    /// `number` without the bound: 400 digits read as infinity.
    static func decimal(_ text: Substring) -> Double? {
        var digits = text
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.contains(where: { !$0.isEmpty })
        else { return nil }
        return Double(String(text.first == "+" ? text.dropFirst() : text))
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
