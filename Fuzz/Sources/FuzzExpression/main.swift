import LessonKit

/// libFuzzer's entry point: one input is the body of one `{eval}` block, run statement by statement
/// by a fresh interpreter with the standard limits; then the same text as one expression. Errors
/// are expected; a trap, a sanitizer report or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let locate: Locator = { SourceLocation(line: 1, column: $0 + 1) }
    let interpreter = Interpreter()
    _ = interpreter.run(block: source, locate: locate)
    _ = try? Interpreter().evaluate(source, locate: locate)
    return 0
}
