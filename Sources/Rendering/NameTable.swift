/// Values by name, for view models: a small hash table whose hash is cheap to compute and, for the names a template
/// uses, computed once when the template is parsed.
///
/// A page's view model is made once and looked up a few hundred times; with `[String: Value]` every lookup hashed
/// its key afresh (the standard library's seeded hash costs hundreds of instructions for a short name), and that was
/// a tenth of rendering a page. Here a lookup by a template's key compares a stored hash and, when it matches, the
/// name. Names are unique: setting a name again replaces its value.
public struct NameTable: Sendable {
    public typealias Value = ViewModelValue

    fileprivate struct Entry: Sendable {
        var name: String
        var hash: UInt64
        var value: Value
    }

    /// The entries in the order they were first set.
    private var entries: [Entry] = []
    /// Open addressing with linear probing: an index into `entries`, or -1 for an empty slot. The count is a power of
    /// two at least twice the number of entries, so a probe ends soon at an empty slot.
    private var slots: [Int32] = []

    /// An empty table with room for `minimumCapacity` names before it grows.
    public init(minimumCapacity: Int = 0) {
        if minimumCapacity > 0 { rehash(slotCount: Self.slotCount(for: minimumCapacity)) }
        entries.reserveCapacity(minimumCapacity)
    }

    /// The number of names.
    public var count: Int { entries.count }

    /// The value of `name`; setting `nil` removes the name.
    public subscript(name: String) -> Value? {
        get { self[name, hash: Self.hash(name)] }
        set {
            let hash = Self.hash(name)
            let (slot, index) = find(name, hash: hash)
            if let newValue {
                if let index {
                    entries[index].value = newValue
                } else {
                    insert(Entry(name: name, hash: hash, value: newValue), at: slot)
                }
            } else if index != nil {
                let kept = entries.filter { $0.name != name }
                self = NameTable(minimumCapacity: kept.count)
                for entry in kept { self[entry.name] = entry.value }
            }
        }
    }

    /// The value of `name`, whose hash (`NameTable.hash(name)`) the caller computed before.
    subscript(name: String, hash hash: UInt64) -> Value? {
        find(name, hash: hash).index.map { entries[$0].value }
    }

    /// FNV-1a over the name's UTF-8 bytes: a few instructions per byte, and names are short.
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }
}

extension NameTable: ExpressibleByDictionaryLiteral {
    /// A table of these names and values; a name given twice keeps its last value.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(minimumCapacity: elements.count)
        for (name, value) in elements { self[name] = value }
    }
}

extension NameTable {
    /// A table of a dictionary's names and values.
    public init(_ dictionary: [String: Value]) {
        self.init(minimumCapacity: dictionary.count)
        for (name, value) in dictionary { self[name] = value }
    }
}

private extension NameTable {
    /// The slot that holds `name`, or the empty slot where it would go, and its entry's index when it is there.
    func find(_ name: String, hash: UInt64) -> (slot: Int, index: Int?) {
        guard !slots.isEmpty else { return (0, nil) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (slot, nil) }
            if entries[index].hash == hash, entries[index].name == name { return (slot, index) }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ entry: Entry, at slot: Int) {
        entries.append(entry)
        if entries.count * 2 > slots.count {
            rehash(slotCount: Self.slotCount(for: entries.count))
        } else {
            slots[slot] = Int32(entries.count - 1)
        }
    }

    /// Makes `slotCount` slots and places every entry again.
    mutating func rehash(slotCount: Int) {
        slots = Array(repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The slots for `count` names: a power of two, at least twice `count` and at least 8.
    static func slotCount(for count: Int) -> Int {
        var slots = 8
        while slots < 2 * count { slots *= 2 }
        return slots
    }
}
