//===- Passes.td - The shared kiln-to-linalg lowering ------*- tablegen -*-===//

#ifndef KILN_CODEGEN_LINALG_PASSES_TD
#define KILN_CODEGEN_LINALG_PASSES_TD

include "mlir/Pass/PassBase.td"

def KilnLowerToLinalg : Pass<"kiln-lower-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lowers core kiln ops to linalg, tensor, arith and math on tensors";
  let description = [{
    Runs after `kiln-decompose`: every remaining kiln op becomes upstream ops
    on tensors with value semantics, ready for bufferization. Element-wise
    ops become `linalg.generic`s whose indexing maps implement broadcasting;
    matmul in all its forms is one contraction; reductions use reduction
    iterators; inverse and det are an LU factorization in `scf.for` loops.
    PyTorch's unsigned `ui8` becomes signless `i8` and the ops that touch it
    use unsigned arithmetic. Matmul and convolution generics say which
    contraction they compute (`kiln_linalg.contraction`, codegen/linalg/
    Contractions.h), so that a target's kernel selection can run them as
    library calls. The model-format attributes
    (`kiln.input`, `kiln.param`, ...) are dropped with the kiln types they
    describe.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::func::FuncDialect"
  ];
}

#endif // KILN_CODEGEN_LINALG_PASSES_TD
