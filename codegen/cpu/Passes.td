//===- Passes.td - CPU code generation passes --------------*- tablegen -*-===//

#ifndef KILN_CODEGEN_CPU_PASSES_TD
#define KILN_CODEGEN_CPU_PASSES_TD

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
    use unsigned arithmetic. The model-format attributes
    (`kiln.input`, `kiln.param`, ...) are dropped with the kiln types they
    describe.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::func::FuncDialect"
  ];
}

def KilnFoldMatmulEpilogues
    : Pass<"kiln-fold-matmul-epilogues", "::mlir::ModuleOp"> {
  let summary = "Folds element-wise epilogues of kernel matmuls into oneDNN post-ops";
  let description = [{
    Runs on tensors, after element-wise fusion and before bufferization. A
    float32 kernel matmul whose result only an element-wise generic reads,
    where that generic computes a chain of bias/residual adds, subtractions
    of or products with an input, and activations (relu, tanh, sigmoid,
    exp, log, sqrt, abs), becomes one kernel matmul writing the generic's
    result, with the chain in `kiln_cpu.post_ops`. Post-op operands have
    the output's shape, or are a scalar or a bias over the last dim: the
    broadcasts oneDNN's optimized kernels take.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def KilnFoldMatmulTransposes
    : Pass<"kiln-fold-matmul-transposes", "::mlir::ModuleOp"> {
  let summary = "Reads transposed operands of kernel matmuls through permuted maps";
  let description = [{
    Runs on tensors, before bufferization. A transpose feeding a kernel
    matmul's lhs or rhs is not materialized: the matmul
    reads the transpose's source through its indexing map composed with the
    permutation, and kiln-call-kernels passes the kernel a strided view.
  }];
}

def KilnCallKernels : Pass<"kiln-call-kernels", "::mlir::ModuleOp"> {
  let summary = "Replaces linalg ops marked with a library_call by kernel calls";
  let description = [{
    Runs on buffers. Each `linalg.generic` that the lowering marked with a
    `library_call` (a runtime kernel, runtime/Kernels.h) becomes a
    `func.call` of that name whose operands are cast to fully dynamic
    strided memrefs, so one C entry point per operand rank serves every
    shape. Kernels read operands with their dims in loop order: an operand
    that an indexing map reads permuted becomes a `memref.transpose` view.
    A kernel matmul's `kiln_cpu.post_ops` go as a trailing i64, packed
    (runtime/Kernels.h). Unmarked linalg ops are left for the loop lowering.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // KILN_CODEGEN_CPU_PASSES_TD
