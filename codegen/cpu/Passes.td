//===- Passes.td - CPU code generation passes --------------*- tablegen -*-===//

#ifndef KILN_CODEGEN_CPU_PASSES_TD
#define KILN_CODEGEN_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def KilnSelectCpuKernels
    : Pass<"kiln-select-cpu-kernels", "::mlir::ModuleOp"> {
  let summary = "Marks the contractions the CPU runtime has kernels for";
  let description = [{
    Runs after `kiln-lower-to-linalg`, which marks each matmul and
    convolution generic with the contraction it computes
    (`kiln_linalg.contraction`, and a convolution's strides, dilations and
    groups in `kiln_linalg.conv_geometry`). A float32 matmul of operands of
    rank at most 4 gets the `library_call` of its oneDNN matmul kernel, a
    float32 convolution that of its oneDNN convolution kernel with its
    geometry in `kiln_cpu.kernel_args` (runtime/cpu/Kernels.h); the
    `kiln_linalg.` attributes are removed from every generic, so the others
    stay plain generics for the loop lowering. `kiln-call-kernels` turns the
    marked generics into calls after bufferization.
  }];
}

def KilnFusionKernels : Pass<"kiln-fusion-kernels", "::mlir::ModuleOp"> {
  let summary = "Turns each kiln.fusion region of linalg ops into one kernel";
  let description = [{
    Runs on linalg on tensors, after `kiln-lower-to-linalg`, and dissolves
    every `kiln.fusion` region. Inside a region, element-wise producers fuse
    into their consumers (including reductions), so a chain becomes one
    `linalg.generic`. Then each op the region yields is tiled along its
    outermost parallel dimension into an `scf.forall` whose tiles hold about
    `tile-elements` iterations, and the region's other ops (reductions such
    as a softmax's max and sum) are computed per tile inside the same loop,
    where the tile is still in cache. Iteration spaces below
    `parallel-elements` stay one serial loop nest: threads would cost more
    than they save. Library calls (the matrix products) and the
    element-wise op that reads one (their epilogue, folded into the
    library call later) are never tiled or fused into.
  }];
  let options = [
    Option<"tileElements", "tile-elements", "int64_t", /*default=*/"16384",
           "Iterations per parallel tile (64 KiB of float32 per operand)">,
    Option<"parallelElements", "parallel-elements", "int64_t",
           /*default=*/"65536",
           "Smallest iteration space that runs across threads">
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def KilnApproximateMath : Pass<"kiln-approximate-math", "::mlir::ModuleOp"> {
  let summary = "Replaces float32 transcendental functions by polynomials";
  let description = [{
    exp, tanh and erf on float32 become MLIR's polynomial approximations
    (a few ulp), made of arithmetic that LLVM vectorizes, instead of libm
    calls that keep a loop scalar. float64 and the logarithms keep libm
    (the approximations of log miss -inf at zero, which PyTorch's clamped
    losses rely on).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect"];
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
    `library_call` (a runtime kernel, runtime/cpu/Kernels.h) becomes a
    `func.call` of that name whose operands are cast to fully dynamic
    strided memrefs, so one C entry point per operand rank serves every
    shape. Kernels read operands with their dims in loop order: an operand
    that an indexing map reads permuted becomes a `memref.transpose` view.
    A kernel matmul's `kiln_cpu.post_ops` go as a trailing i64, packed
    (runtime/cpu/Kernels.h). Unmarked linalg ops are left for the loop lowering.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect"];
}

def KilnPlanMemory : Pass<"kiln-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Packs a function's intermediate buffers into one static arena";
  let description = [{
    Runs on buffers, after results became out-parameters and before the
    deallocation pipeline. Each statically shaped `memref.alloc` at the top
    level of a function whose aliases stay inside the function lives from
    its allocation to the last top-level op that uses it or a view of it
    (a use inside a loop counts as the whole loop). The buffers are placed
    greedily by size, the largest first, at the lowest 64-byte-aligned
    offset where they overlap no buffer live at the same time, and become
    `memref.view`s of one uninitialized `memref.global` per function: no
    allocation happens per call, and calls of one function must not
    overlap. Allocations inside loops, with dynamic sizes or that escape
    stay on the heap. The function gets a `kiln.memory_plan` dictionary:
    its kernel count (top-level loop nests, calls and copies), the buffers
    in the arena and on the heap, the arena's size, the peak of live bytes
    and the sum of the arena buffers' sizes.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // KILN_CODEGEN_CPU_PASSES_TD
