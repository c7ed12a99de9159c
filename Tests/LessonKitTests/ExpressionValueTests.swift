import CNNKernels
import Testing
import TestSupport
@testable import LessonKit

/// The value model: Python objects, type descriptions, and literal typing (no printing needed).
@Suite struct ExpressionValueTests {
    @Test func pyObjectMapping() {
        let record = Value.record(typeName: "ParameterCount", fields: [.init(name: "total", value: .int(448))])
        #expect(Value.int(3).pyObject == .int(3))
        #expect(Value.double(0.5).pyObject == .float(0.5))
        #expect(Value.bool(true).pyObject == .bool(true))
        #expect(Value.string("s").pyObject == .str("s"))
        #expect(Value.tuple([.int(1)]).pyObject == .tuple([.int(1)]))
        #expect(Value.list([.double(1)]).pyObject == .list([.float(1)]))
        #expect(record.pyObject == .dict([(key: "total", value: .int(448))]))
        let t = Tensor(shape: [2], ints: [1, 2])
        #expect(Value.tensor(t).pyObject == .array(t))
    }

    @Test func typeDescriptions() {
        #expect(Value.int(1).typeDescription == "Int")
        #expect(Value.double(1).typeDescription == "Double")
        #expect(Value.bool(true).typeDescription == "Bool")
        #expect(Value.string("").typeDescription == "String")
        #expect(Value.tuple([]).typeDescription == "tuple")
        #expect(Value.list([]).typeDescription == "list")
        #expect(Value.tensor(Tensor(shape: [2, 2], doubles: [0, 0, 0, 0])).typeDescription
            == "tensor of shape (2, 2) and dtype float64")
        #expect(Value.tensor(Tensor(shape: [3], bools: [true, false, true])).typeDescription
            == "tensor of shape (3,) and dtype bool")
        #expect(Value.record(typeName: "ReceptiveFieldStep", fields: []).typeDescription == "record ReceptiveFieldStep")
    }

    @Test func arrayLiteralTyping() throws {
        #expect(try evaluateExpression("[1, 2]") == .tensor(Tensor(shape: [2], ints: [1, 2])))
        #expect(try evaluateExpression("[1, 2.0]") == .tensor(Tensor(shape: [2], doubles: [1, 2])))
        #expect(try evaluateExpression("[[true], [false]]") == .tensor(Tensor(shape: [2, 1], bools: [true, false])))
        #expect(try evaluateExpression("[true, 2]") == .tensor(Tensor(shape: [2], ints: [1, 2])))
        #expect(try evaluateExpression("[]") == .list([]))
        #expect(try evaluateExpression("[\"a\", 1]") == .list([.string("a"), .int(1)]))
        #expect(try evaluateExpression("[(1, 2)]") == .list([.tuple([.int(1), .int(2)])]))
        #expect(try evaluateExpression("[zeros(2), zeros(3)]").typeDescription == "list")
        #expect(try evaluateExpression("[zeros(2), ones(2)]").typeDescription == "tensor of shape (2, 2) and dtype float64")
    }

    @Test func scalarsFromTensors() throws {
        #expect(try evaluateExpression("[[1, 2], [3, 4]][1, 0]") == .int(3))
        #expect(try evaluateExpression("[0.5, 1.5][-1]") == .double(1.5))
        #expect(try evaluateExpression("[true, false][1]") == .bool(false))
        #expect(try evaluateExpression("[1.5, 2.5].sum()") == .double(4.0))
        #expect(try evaluateExpression("[1, 2].sum()") == .int(3))
        #expect(try evaluateExpression("[1, 2].mean()") == .double(1.5))
        #expect(try evaluateExpression("[[1, 2], [3, 4]][0]") == .tensor(Tensor(shape: [2], ints: [1, 2])))
    }
}
