/// A zip file of stored (uncompressed) entries, written in the order given with a fixed timestamp
/// (1980-01-01 00:00), so the same entries always give the same bytes. Small packages do not need compression.
struct ZipArchive {
    /// One file of the archive.
    struct Entry {
        var name: String
        var data: [UInt8]
    }

    var entries: [Entry]

    /// The archive's bytes: local headers and data, then the central directory and its end record.
    var bytes: [UInt8] {
        precondition(entries.count < 0xFFFF, "a zip without ZIP64 holds fewer than 65535 entries")
        var output: [UInt8] = []
        var directory: [UInt8] = []
        let names = entries.reduce(0) { $0 + $1.name.utf8.count }
        output.reserveCapacity(entries.reduce(0) { $0 + $1.data.count } + 30 * entries.count + 46 * entries.count + 2 * names + 22)
        directory.reserveCapacity(46 * entries.count + names)
        for entry in entries {
            let name = Array(entry.name.utf8)
            precondition(entry.data.count < 0xFFFF_FFFF && name.count < 0xFFFF, "zip entry too large: \(entry.name)")
            let offset = UInt32(output.count)
            let common = Self.commonHeader(crc: CRC32.checksum(entry.data), size: UInt32(entry.data.count), nameLength: UInt16(name.count))
            output.append(little: UInt32(0x0403_4B50))
            output += common
            output.append(little: UInt16(0))  // extra field length
            output += name
            output += entry.data
            directory.append(little: UInt32(0x0201_4B50))
            directory.append(little: UInt16(20))  // version made by: MS-DOS, zip 2.0
            directory += common
            directory.append(little: UInt16(0))  // extra field length
            directory.append(little: UInt16(0))  // comment length
            directory.append(little: UInt16(0))  // disk number
            directory.append(little: UInt16(0))  // internal attributes
            directory.append(little: UInt32(0))  // external attributes
            directory.append(little: offset)
            directory += name
        }
        let directoryOffset = UInt32(output.count)
        output += directory
        output.append(little: UInt32(0x0605_4B50))
        output.append(little: UInt16(0))  // this disk
        output.append(little: UInt16(0))  // disk with the directory
        output.append(little: UInt16(entries.count))
        output.append(little: UInt16(entries.count))
        output.append(little: UInt32(directory.count))
        output.append(little: directoryOffset)
        output.append(little: UInt16(0))  // comment length
        return output
    }

    /// The fields local and central headers share, from "version needed" to "name length".
    private static func commonHeader(crc: UInt32, size: UInt32, nameLength: UInt16) -> [UInt8] {
        var header: [UInt8] = []
        header.reserveCapacity(26)
        header.append(little: UInt16(20))  // version needed: 2.0
        header.append(little: UInt16(0x0800))  // flags: names are UTF-8
        header.append(little: UInt16(0))  // method: stored
        header.append(little: UInt16(0))  // time 00:00
        header.append(little: UInt16(0x0021))  // date 1980-01-01
        header.append(little: crc)
        header.append(little: size)  // compressed size
        header.append(little: size)  // uncompressed size
        header.append(little: nameLength)
        return header
    }
}

extension [UInt8] {
    mutating func append<Value: FixedWidthInteger>(little value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
