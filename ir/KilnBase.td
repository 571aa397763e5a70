//===- KilnBase.td - Base classes shared by every kiln op ---*- tablegen -*-===//
//
/// Op classes that every op family builds on: plain ops, ops whose result type
/// is inferred from operands and attributes, and the composite ops that the
/// `kiln-decompose` pass rewrites into the core.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_BASE_TD
#define KILN_BASE_TD

include "ir/KilnDialect.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "ir/KilnInterfaces.td"

class Kiln_Op<string mnemonic, list<Trait> traits = []>
    : Op<Kiln_Dialect, mnemonic, traits>;

/// Runs the op's result-type inference as part of verification, so a shape
/// error is reported once, by the inference that knows both shapes, before the
/// generic "inferred type mismatch" check of InferTypeOpInterface.
def Kiln_VerifyInferredType : NativeOpTrait<"VerifyInferredType"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// Marks an op that `kiln-decompose` rewrites into core ops; passes after
/// decomposition may assume none remain.
def Kiln_Composite : NativeOpTrait<"Composite"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// Marks an op whose results carry no gradient by definition (creation ops,
/// random draws, comparisons, argmax/argmin): autodiff stops there rather than
/// reporting a missing vector-Jacobian product. Every other op that autodiff
/// meets on the path from the parameters to the loss must implement
/// DifferentiableOpInterface.
def Kiln_NonDifferentiable : NativeOpTrait<"NonDifferentiable"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// Marks an op that holds other ops to structure the graph for code
/// generation (a fusion region). It appears only after autodiff, so it is
/// none of differentiable, non-differentiable or composite.
def Kiln_Structural : NativeOpTrait<"Structural"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// Fusion classes (`kiln-fuse`). A pointwise op computes each result element
/// from the operands' elements at the same index, under broadcasting.
def Kiln_Pointwise : NativeOpTrait<"Pointwise"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// Reduces its input over some dimensions.
def Kiln_Reducing : NativeOpTrait<"Reducing"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// A matrix product: backends run it as a library kernel.
def Kiln_Contraction : NativeOpTrait<"Contraction"> {
  let cppNamespace = "::kiln::OpTrait";
}

/// An op that implements its vector-Jacobian product in C++ (`buildVJP`).
def Kiln_Differentiable : DeclareOpInterfaceMethods<Kiln_DifferentiableOpInterface>;

/// A side-effect-free op whose result type follows from its operands and
/// attributes; the C++ side defines `inferReturnTypes`.
class Kiln_InferredOp<string mnemonic, list<Trait> traits = []>
    : Kiln_Op<mnemonic, traits # [Pure, InferTypeOpAdaptor, Kiln_VerifyInferredType]>;

#endif // KILN_BASE_TD
