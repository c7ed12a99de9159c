// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lessonbuild",
    products: [
        .executable(name: "lessonbuild", targets: ["lessonbuild"]),
        .executable(name: "lessonbuild-serve", targets: ["lessonbuild-serve"]),
        .library(name: "LessonKit", targets: ["LessonKit"]),
        .library(name: "CNNKernels", targets: ["CNNKernels"]),
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
        // Pure Swift, no Foundation: tensors, CNN kernels and Python-faithful printing.
        .target(name: "CNNKernels"),
        // The pipeline: parse -> expression -> evaluate -> quiz -> render -> site.
        .target(
            name: "LessonKit",
            dependencies: [
                "CNNKernels", "CCmarkGFM",
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
        .executableTarget(name: "kernel-bench", dependencies: ["CNNKernels"], path: "Benchmarks/KernelBench"),
        .testTarget(name: "CNNKernelsTests", dependencies: ["CNNKernels"], exclude: ["PrintOracle", "Oracle"]),
        .testTarget(
            name: "LessonKitTests",
            dependencies: ["LessonKit", "LessonServe", "lessonbuild"],
            exclude: ["Fixtures", "Snapshots", "Oracle"]
        ),
    ]
)
