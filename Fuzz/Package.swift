// swift-tools-version: 5.4
// 5.4, not later: from 5.5 on SwiftPM renames an executable's entry point (`FuzzLesson_main`, for
// testable executables) and links `main` to it, but here `main` is libFuzzer's.
import Foundation
import PackageDescription

// Coverage-guided fuzzing of LessonKit with libFuzzer, kept out of the main package so that its
// build and CI are not affected. Build and run with `scripts/fuzz.sh` (release, -sanitize=fuzzer,address).
//
// A path dependency's identity is the last component of its path, which is the checkout's folder
// name (`lessonbuild`, `main`, a worktree's name), so it is read from this file's location.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let lessonKit: Target.Dependency = .product(name: "LessonKit", package: parent)

let package = Package(
    name: "lessonbuild-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // One Markdown lesson through parse + evaluate + render.
        .executableTarget(name: "FuzzLesson", dependencies: [lessonKit]),
        // One `{eval}` block through the expression lexer, parser and interpreter.
        .executableTarget(name: "FuzzExpression", dependencies: [lessonKit]),
    ]
)
