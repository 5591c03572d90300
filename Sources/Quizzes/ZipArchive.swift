/// A zip file of stored (uncompressed) entries, written in the order added with a fixed timestamp
/// (1980-01-01 00:00), so the same entries always give the same bytes. Small packages do not need compression.
///
/// Each entry's data is written straight into the archive's buffer after its local header, and checksummed there;
/// the header's CRC and sizes are filled in once the data is complete. No entry is ever copied.
struct ZipArchive: ~Copyable {
    /// The local headers and data of the entries so far.
    private var bytes: ByteWriter
    /// Their central directory records.
    private var directory = ByteWriter(capacity: 1_024)
    private var entryCount = 0

    /// An empty archive whose buffer holds `capacity` bytes before it grows.
    init(capacity: Int) {
        bytes = ByteWriter(capacity: capacity)
    }

    /// Adds an entry: `write` appends its data to the writer it is given (the archive's own).
    mutating func addEntry(named name: String, writing write: (inout ByteWriter) -> Void) {
        precondition(entryCount + 1 < 0xFFFF, "a zip without ZIP64 holds fewer than 65535 entries")
        precondition(name.utf8.count < 0xFFFF, "zip entry name too long: \(name)")
        let offset = bytes.count
        bytes.append(little: UInt32(0x0403_4B50))
        let header = bytes.count
        Self.appendCommonHeader(crc: 0, size: 0, nameLength: UInt16(name.utf8.count), to: &bytes)
        bytes.append(little: UInt16(0))  // extra field length
        bytes.append(utf8: name)
        let start = bytes.count
        write(&bytes)
        let size = bytes.count - start
        precondition(size < 0xFFFF_FFFF && offset < 0xFFFF_FFFF, "zip entry too large: \(name)")
        let crc = bytes.withBytes(from: start) { CRC32.checksum($0) }
        bytes.store(little: crc, at: header + Self.crcOffset)
        bytes.store(little: UInt32(size), at: header + Self.crcOffset + 4)  // compressed size
        bytes.store(little: UInt32(size), at: header + Self.crcOffset + 8)  // uncompressed size
        directory.append(little: UInt32(0x0201_4B50))
        directory.append(little: UInt16(20))  // version made by: MS-DOS, zip 2.0
        Self.appendCommonHeader(crc: crc, size: UInt32(size), nameLength: UInt16(name.utf8.count), to: &directory)
        directory.append(little: UInt16(0))  // extra field length
        directory.append(little: UInt16(0))  // comment length
        directory.append(little: UInt16(0))  // disk number
        directory.append(little: UInt16(0))  // internal attributes
        directory.append(little: UInt32(0))  // external attributes
        directory.append(little: UInt32(offset))
        directory.append(utf8: name)
        entryCount += 1
    }

    /// The archive's bytes: the entries, then the central directory and its end record.
    consuming func finished() -> [UInt8] {
        let directoryOffset = bytes.count
        precondition(directoryOffset < 0xFFFF_FFFF, "zip too large")
        bytes.append(directory)
        bytes.append(little: UInt32(0x0605_4B50))
        bytes.append(little: UInt16(0))  // this disk
        bytes.append(little: UInt16(0))  // disk with the directory
        bytes.append(little: UInt16(entryCount))
        bytes.append(little: UInt16(entryCount))
        bytes.append(little: UInt32(directory.count))
        bytes.append(little: UInt32(directoryOffset))
        bytes.append(little: UInt16(0))  // comment length
        return bytes.bytes
    }
}

private extension ZipArchive {
    /// Where the CRC is among the fields local and central headers share; the two sizes follow it.
    static var crcOffset: Int { 10 }

    /// The fields local and central headers share, from "version needed" to "name length".
    static func appendCommonHeader(crc: UInt32, size: UInt32, nameLength: UInt16, to header: inout ByteWriter) {
        header.append(little: UInt16(20))  // version needed: 2.0
        header.append(little: UInt16(0x0800))  // flags: names are UTF-8
        header.append(little: UInt16(0))  // method: stored
        header.append(little: UInt16(0))  // time 00:00
        header.append(little: UInt16(0x0021))  // date 1980-01-01
        header.append(little: crc)
        header.append(little: size)  // compressed size
        header.append(little: size)  // uncompressed size
        header.append(little: nameLength)
    }
}
