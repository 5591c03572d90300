extension NumericValue {
    /// `format(_:)` written at the end of `output`: a whole number's digits directly, any other as Swift prints it.
    static func append(format number: Double, to output: inout ByteWriter) {
        if number == number.rounded(), abs(number) < 1e15 {
            output.append(decimal: Int(number))
        } else {
            output.append(utf8: number.description)
        }
    }
}
