// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lectern", targets: ["lectern"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The C library, found through pkg-config; `make` installs Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // cmark's allocator for the documents Lectern parses: one bump arena per thread (Sources/CmarkArena).
        .target(name: "CmarkArena", dependencies: ["CCmark"]),
        .target(name: "Diagnostics"),
        .target(name: "Markdown", dependencies: ["CCmark", "CmarkArena", "Diagnostics"]),
        .target(name: "Quizzes", dependencies: ["Markdown", "Diagnostics"]),
        .target(
            name: "Content",
            dependencies: ["Markdown", "Diagnostics", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Rendering",
            dependencies: ["Content", "Diagnostics"]
        ),
        .target(name: "Generator", dependencies: ["Content", "Rendering", "Markdown", "Quizzes", "Diagnostics"]),
        .target(
            name: "Preview",
            dependencies: [
                "Generator", "Content", "Diagnostics",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "lectern",
            dependencies: ["Generator", "Preview", "Diagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // In release builds jemalloc replaces glibc's malloc: a build makes millions of small allocations on every
            // core, and glibc's malloc spent a sixth of the build's time on them (docs/performance.md). Debug builds,
            // which the sanitizers use, keep glibc's: AddressSanitizer must own malloc. `make` installs jemalloc.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        // The benchmark's floor: libcmark alone, one HTML file per Markdown file (see docs/performance.md).
        .executableTarget(name: "CmarkFloor", dependencies: ["CCmark"]),
        // libFuzzer targets: Tests/Fixtures/fuzz/run.sh builds them with -sanitize=fuzzer (docs/reliability.md).
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", "Content", "Diagnostics"]),
        .executableTarget(name: "FuzzSlides", dependencies: ["FuzzSupport", "Markdown", "Diagnostics"]),
        .executableTarget(name: "FuzzTables", dependencies: ["FuzzSupport", "Markdown"]),
        .executableTarget(name: "FuzzQuiz", dependencies: ["FuzzSupport", "Quizzes", "Markdown", "Diagnostics"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CmarkArena"]),
        .testTarget(name: "QuizzesTests", dependencies: ["Quizzes"], exclude: ["Fixtures"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator"], exclude: ["Sites"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
        .testTarget(name: "LecternTests", dependencies: ["Generator"]),
        .testTarget(name: "BrowserTests", dependencies: ["Generator"], exclude: ["Sites"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["Generator", "Content", "Markdown", "Quizzes", "Diagnostics", "FuzzSupport"]),
    ]
)
