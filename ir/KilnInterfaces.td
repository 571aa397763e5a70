//===- KilnInterfaces.td - Op interfaces of the kiln dialect -*- tablegen -*-===//
//
/// The interfaces through which passes ask an op about itself. Autodiff asks
/// each op for its vector-Jacobian product (VJP), written next to the op.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_INTERFACES_TD
#define KILN_INTERFACES_TD

include "mlir/IR/OpBase.td"

def Kiln_DifferentiableOpInterface : OpInterface<"DifferentiableOpInterface"> {
  let cppNamespace = "::kiln";
  let description = [{
    An op whose floating-point operands receive gradients. Given the gradient
    of the loss with respect to the op's first result (any other result, as
    topk's indices, is an integer and takes none), `buildVJP` emits
    kiln ops at the builder's insertion point that compute the gradient with
    respect to each operand: the vector-Jacobian product of the op, as
    PyTorch's derivatives.yaml defines it.

    It returns one value per operand, in operand order, whose type equals the
    operand's type exactly (a broadcast operand's gradient is summed back to
    its shape, a promoted operand's gradient is cast back to its dtype), or a
    null value for an operand that takes no gradient (an index, a condition,
    an integer tensor). The autodiff pass only uses the gradients of operands
    that depend on the differentiated arguments; the others are dead code.
  }];
  let methods = [
    InterfaceMethod<
      "Emits the gradients of the operands given the result's gradient.",
      "::llvm::SmallVector<::mlir::Value>", "buildVJP",
      (ins "::mlir::OpBuilder &":$builder, "::mlir::Value":$resultGrad)>,
  ];
}

#endif // KILN_INTERFACES_TD
