// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lessonbuild",
    products: [
        .executable(name: "lessonbuild", targets: ["lessonbuild"]),
        .library(name: "LessonKit", targets: ["LessonKit"]),
        .library(name: "CNNKernels", targets: ["CNNKernels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // PNG reading and writing through libpng, converting pixels exactly as Pillow does (no LessonKit dependency).
        .target(name: "RasterIO", dependencies: ["CPNG"]),
        // Pure Swift, no Foundation: tensors, CNN kernels and Python-faithful printing.
        .target(name: "CNNKernels"),
        // The pipeline: parse -> expression -> evaluate -> quiz -> render -> site.
        .target(
            name: "LessonKit",
            dependencies: [
                "CNNKernels", "CCmarkGFM", "RasterIO",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "lessonbuild",
            dependencies: ["LessonKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Release-build benchmark driver for the kernels (benchmarks/kernels.sh runs it beside NumPy).
        .executableTarget(name: "kernel-bench", dependencies: ["CNNKernels"], path: "Benchmarks/KernelBench"),
        .testTarget(name: "CNNKernelsTests", dependencies: ["CNNKernels"], exclude: ["PrintOracle", "Oracle"]),
        .testTarget(
            name: "LessonKitTests",
            dependencies: ["LessonKit", "lessonbuild", "RasterIO"],
            exclude: ["Fixtures", "Snapshots", "Oracle"]
        ),
    ]
)
