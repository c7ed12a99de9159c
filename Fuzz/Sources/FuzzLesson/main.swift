import LessonKit

/// libFuzzer's entry point: one input is one lesson file (bytes that are not UTF-8 are repaired,
/// as a reader of the file would see them). Parse, evaluate and render it; any trap, sanitizer
/// report or hang past libFuzzer's `-timeout` is a finding. Author errors are expected, and must
/// come with a location inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let diagnostics = DiagnosticEngine()
    if let lesson = LessonPipeline.evaluate(path: "fuzz.md", source: source, diagnostics: diagnostics) {
        precondition(!PageRenderer.render(lesson).isEmpty, "a lesson that evaluates renders a page")
    } else {
        precondition(diagnostics.hasErrors, "a lesson that does not evaluate has an error")
    }
    // Lines ended by LF, CRLF or a lone CR (the most any reading of the file can count).
    var lines = 1, previous: UInt8 = 0
    for byte in source.utf8 {
        if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) { lines += 1 }
        previous = byte
    }
    for diagnostic in diagnostics.diagnostics where diagnostic.path == "fuzz.md" {
        let location = diagnostic.location
        precondition(location.line >= 1 && location.line <= lines && location.column >= 1,
                     "diagnostic outside the \(lines)-line input: \(diagnostic)")
    }
    return 0
}
