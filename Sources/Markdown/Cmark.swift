// The only file that imports the C library: cmark's types stay behind the small internal API below.
import CCmark
import CmarkArena

/// Options for parsing and rendering with cmark.
struct CmarkOptions: Sendable, Hashable {
    /// Pass raw HTML through instead of cmark's safe default (`<!-- raw HTML omitted -->`).
    var allowsRawHTML = false

    var rawValue: Int32 {
        // No CMARK_OPT_SMART: it would turn `--rm` into an en dash.
        allowsRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }
}

/// Parses CommonMark text and hands the document node to `body`; the C tree is freed when `body` returns.
///
/// Prefer this to holding a `CmarkDocument`: Swift may release an object right after its last use,
/// so a node must never outlive the call that keeps its document alive.
func withCmarkDocument<Result>(parsing text: String, options: CmarkOptions, _ body: (CmarkNode) throws -> Result) rethrows -> Result {
    let document = CmarkDocument(parsing: text, options: options)
    return try withExtendedLifetime(document) { try body(document.root) }
}

/// A parsed cmark document; owns the C tree and frees it when released. Use through `withCmarkDocument`.
///
/// cmark allocates everything for the document (nodes, rendered HTML, iterators) from this thread's arena
/// (Sources/CmarkArena), which is reused once the thread's last open document is freed: a document is used and
/// freed on the thread that parsed it, which `withCmarkDocument` guarantees.
final class CmarkDocument {
    let root: CmarkNode
    private let pointer: OpaquePointer

    /// Parses CommonMark text.
    init(parsing text: String, options: CmarkOptions) {
        guard let parser = cmark_parser_new_with_mem(options.rawValue, cmark_arena_open()) else {
            preconditionFailure("cmark_parser_new_with_mem failed (out of memory)")
        }
        defer { cmark_parser_free(parser) }
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let parsed = cmark_parser_finish(parser) else { preconditionFailure("cmark_parser_finish failed (out of memory)") }
        pointer = parsed
        root = CmarkNode(pointer: pointer)
    }

    deinit {
        cmark_node_free(pointer)
        cmark_arena_close()
    }
}

/// The kinds of node this project distinguishes.
enum CmarkNodeKind: Sendable, Hashable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
    case unknown
}

/// A borrowed view of one node; valid only while its `CmarkDocument` lives.
struct CmarkNode {
    fileprivate let pointer: OpaquePointer

    var kind: CmarkNodeKind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .unknown
        }
    }

    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }

    /// The direct children, in order.
    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    /// Whether this is an item of a tight list, whose paragraphs cmark renders without `<p>`.
    var isItemOfTightList: Bool { kind == .item && parent.map { $0.kind == .list && $0.isTightList } ?? false }
    var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }
    var fenceInfo: String? { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue ?? "") }
    }

    var title: String? { cmark_node_get_title(pointer).map { String(cString: $0) } }

    /// Every node below this one (itself included), in document order, without recursion.
    func forEachDescendant(_ body: (CmarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            body(CmarkNode(pointer: node), event == CMARK_EVENT_ENTER)
        }
    }

    /// The text below the node without markup (text and code literals, breaks as spaces), found without recursion.
    var plainText: String {
        var text = ""
        forEachDescendant { child, entering in
            guard entering else { return }
            switch child.kind {
            case .text, .code: text += child.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    /// The node and its children rendered as HTML.
    func html(options: CmarkOptions) -> String {
        // The text is in the document's arena, which frees it with the document.
        guard let rendered = cmark_render_html(pointer, options.rawValue) else { return "" }
        return String(cString: rendered)
    }

    /// Sibling blocks rendered as HTML with one cmark call; the text is what rendering each of them on its own and
    /// joining the results gives, since every block cmark renders ends its HTML with a line break (or has none).
    ///
    /// The blocks are moved under a temporary document node for the call, then put back where they were.
    static func html(ofBlocks blocks: [CmarkNode], options: CmarkOptions) -> String {
        guard blocks.count > 1 else { return blocks.first?.html(options: options) ?? "" }
        // The scratch node comes from the arena too, so that the HTML rendered through it does.
        guard let scratch = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, cmark_arena_open()) else {
            preconditionFailure("cmark_node_new_with_mem failed (out of memory)")
        }
        defer {
            cmark_node_free(scratch)
            cmark_arena_close()
        }
        let places = blocks.map { (parent: cmark_node_parent($0.pointer), next: cmark_node_next($0.pointer)) }
        precondition(places.allSatisfy { $0.parent != nil }, "html(ofBlocks:) renders blocks of a tree, not unlinked ones")
        for block in blocks { _ = cmark_node_append_child(scratch, block.pointer) }
        let html = CmarkNode(pointer: scratch).html(options: options)
        // Last block first: the sibling each one goes back in front of is then in its place already.
        for (block, place) in zip(blocks, places).reversed() {
            if let next = place.next {
                _ = cmark_node_insert_before(next, block.pointer)
            } else if let parent = place.parent {
                _ = cmark_node_append_child(parent, block.pointer)
            }
        }
        return html
    }
}
