import Testing
@testable import Quizzes

/// One entry of a zip as read back from its bytes.
struct ReadEntry: Equatable {
    var name: String
    var data: [UInt8]
}

/// Reads a zip of stored entries the way an unzipper does: the end record, the central directory, and each local
/// header it points to; every field the two headers share must agree and each CRC must match the data.
func readZip(_ bytes: [UInt8]) throws -> [ReadEntry] {
    struct Malformed: Error { var reason: String }
    func number(_ offset: Int, _ size: Int) throws -> Int {
        guard offset >= 0, offset + size <= bytes.count else { throw Malformed(reason: "field at \(offset) past the end") }
        return (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
    let end = bytes.count - 22
    guard try number(end, 4) == 0x0605_4B50, try number(end + 20, 2) == 0 else { throw Malformed(reason: "no end record") }
    let count = try number(end + 10, 2)
    guard try number(end + 8, 2) == count else { throw Malformed(reason: "entry counts differ") }
    var record = try number(end + 16, 4)
    guard record + (try number(end + 12, 4)) == end else { throw Malformed(reason: "directory does not end at the end record") }
    var entries: [ReadEntry] = []
    for _ in 0..<count {
        guard try number(record, 4) == 0x0201_4B50 else { throw Malformed(reason: "no directory record at \(record)") }
        let nameLength = try number(record + 28, 2)
        let local = try number(record + 42, 4)
        guard try number(local, 4) == 0x0403_4B50 else { throw Malformed(reason: "no local header at \(local)") }
        guard bytes[(record + 6)..<(record + 30)] == bytes[(local + 4)..<(local + 28)] else {
            throw Malformed(reason: "headers at \(record) and \(local) differ")
        }
        guard try number(local + 8, 2) == 0, try number(local + 28, 2) == 0 else { throw Malformed(reason: "compressed or extra field") }
        let size = try number(local + 18, 4)
        guard try number(local + 22, 4) == size else { throw Malformed(reason: "sizes differ at \(local)") }
        let dataStart = local + 30 + nameLength
        guard bytes[(record + 46)..<(record + 46 + nameLength)] == bytes[(local + 30)..<dataStart] else {
            throw Malformed(reason: "names differ at \(local)")
        }
        let data = Array(bytes[dataStart..<(dataStart + size)])
        guard try number(local + 14, 4) == Int(CRC32.checksum(data)) else { throw Malformed(reason: "bad CRC at \(local)") }
        entries.append(ReadEntry(name: String(decoding: bytes[(local + 30)..<dataStart], as: UTF8.self), data: data))
        record += 46 + nameLength
    }
    return entries
}

/// The zip is written in place: each entry's data goes into the archive's buffer and its header is completed after.
@Suite struct ZipArchiveTests {
    func archive(_ entries: [ReadEntry]) -> [UInt8] {
        var zip = ZipArchive(capacity: 0)
        for entry in entries { zip.addEntry(named: entry.name) { writer in entry.data.withUnsafeBufferPointer { writer.append($0) } } }
        return zip.finished()
    }

    @Test func entriesReadBackInOrderWithTheirNamesDataAndCRCs() throws {
        let entries = [
            ReadEntry(name: "imsmanifest.xml", data: Array("<manifest/>\n".utf8)),
            ReadEntry(name: "caf\u{e9}.xml", data: (0..<1_000).map { UInt8(truncatingIfNeeded: $0 * 7) }),
            ReadEntry(name: "empty", data: []),
        ]
        #expect(try readZip(archive(entries)) == entries)
    }

    @Test func anArchiveWithoutEntriesIsJustTheEndRecord() throws {
        let bytes = archive([])
        #expect(bytes.count == 22)
        #expect(try readZip(bytes) == [])
    }

    @Test func aSmallCapacityOnlyMeansTheBufferGrows() throws {
        let entries = (0..<20).map { ReadEntry(name: "file-\($0)", data: Array(String(repeating: "x\($0)", count: 300).utf8)) }
        #expect(try readZip(archive(entries)) == entries)
    }
}
