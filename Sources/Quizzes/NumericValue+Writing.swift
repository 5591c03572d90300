extension NumericValue {
    /// `format(_:)` written at the end of `output`: a whole number's digits directly, any other as Swift prints it.
    static func append(format number: Double, to output: inout ByteWriter) {
        if number == number.rounded(), abs(number) < 1e15 {
            output.append(decimal: Int(number))
        } else {
            output.append(utf8: number.description)
        }
    }

    /// `giftText` written at the end of `output`.
    func appendGIFTText(to output: inout ByteWriter) {
        switch self {
        case .exact(let value):
            Self.append(format: value, to: &output)
            output.append(":0")
        case .approximately(let value, let tolerance):
            Self.append(format: value, to: &output)
            output.append(UInt8(ascii: ":"))
            Self.append(format: tolerance, to: &output)
        case .range(let lower, let upper):
            Self.append(format: lower, to: &output)
            output.append("..")
            Self.append(format: upper, to: &output)
        }
    }
}
