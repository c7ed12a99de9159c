// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lessonbuild",
    products: [
        .executable(name: "lessonbuild", targets: ["lessonbuild"]),
        .executable(name: "lessonbuild-serve", targets: ["lessonbuild-serve"]),
        .library(name: "LessonKit", targets: ["LessonKit"]),
        .library(name: "CNNKernels", targets: ["CNNKernels"]),
        .library(name: "PythonPrinting", targets: ["PythonPrinting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // CPU feature test and the one AVX-512 instruction the NumPy-identical math needs.
        .target(name: "CX86Features"),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // PNG reading and writing through libpng, converting pixels exactly as Pillow does (no LessonKit dependency).
        .target(name: "RasterIO", dependencies: ["CPNG"]),
        // Pure Swift, no Foundation: tensors and CNN kernels.
        .target(name: "CNNKernels", dependencies: ["CX86Features"]),
        // Pure Swift, no Foundation: values printed exactly as Python and NumPy 2 print them.
        .target(name: "PythonPrinting", dependencies: ["CNNKernels"]),
        // The pipeline: parse -> expression -> evaluate -> quiz -> render -> site.
        .target(
            name: "LessonKit",
            dependencies: [
                "CNNKernels", "PythonPrinting", "CCmarkGFM", "RasterIO",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The live preview (`lessonbuild serve`): HTTP through FlyingFox, inotify file watching.
        .target(
            name: "LessonServe",
            dependencies: ["LessonKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "lessonbuild",
            dependencies: ["LessonKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The server process `lessonbuild serve` hands over to. A binary of its own because FlyingFox
        // links FoundationNetworking (libcurl and ~30 libraries): in `lessonbuild` itself, loading
        // them added ~50 ms to every build.
        .executableTarget(name: "lessonbuild-serve", dependencies: ["LessonServe"]),
        // Release-build benchmark driver for the kernels (benchmarks/kernels.sh runs it beside NumPy).
        .executableTarget(name: "kernel-bench", dependencies: ["CNNKernels"], path: "benchmarks/KernelBench"),
        // Release-build benchmark of the NumPy-identical exp/log/tanh against libm (benchmarks/math.sh).
        .executableTarget(name: "math-bench", dependencies: ["CNNKernels"], path: "benchmarks/MathBench"),
        // What every test target shares: paths, the seeded generator, the oracle tools and whether
        // this machine has them, snapshots.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CNNKernelsTests", dependencies: ["CNNKernels", "TestSupport"], exclude: ["Oracle"]),
        .testTarget(name: "PythonPrintingTests", dependencies: ["PythonPrinting", "TestSupport"], exclude: ["PrintOracle"]),
        .testTarget(
            name: "LessonKitTests",
            dependencies: ["LessonKit", "LessonServe", "lessonbuild", "RasterIO", "TestSupport"],
            exclude: ["Fixtures", "Snapshots", "Oracle"]
        ),
    ]
)
