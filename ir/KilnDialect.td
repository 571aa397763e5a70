//===- KilnDialect.td - The kiln dialect, its types and attributes -*- tablegen -*-===//
//
/// The `kiln` dialect declares models as graphs of tensor ops with PyTorch's
/// names and semantics. Tensors are builtin ranked tensors with static shapes;
/// the dialect adds one type, the random generator state, and one enum, the
/// loss reduction.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECT_TD
#define KILN_DIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/CommonTypeConstraints.td"

def Kiln_Dialect : Dialect {
  let name = "kiln";
  let cppNamespace = "::kiln";
  let summary = "Tensor ops with PyTorch semantics over static shapes";
  let description = [{
    Ops are named after their PyTorch counterparts and follow PyTorch's
    semantics: NumPy-style broadcasting, PyTorch's type promotion, negative
    dimension indices counted from the end. Every shape is static and every
    op infers and verifies its result type.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Kiln_GeneratorType : TypeDef<Kiln_Dialect, "Generator"> {
  let mnemonic = "generator";
  let summary = "State of a PyTorch-compatible CPU random generator";
  let description = [{
    A value of this type is the state of a Mersenne-Twister generator as
    PyTorch's CPU generator keeps it. `kiln.manual_seed` creates one and every
    random op consumes one and returns the advanced state, so the order of
    draws is explicit data flow, exactly as consecutive calls on one
    `torch.Generator`.
  }];
}

/// The element types Kiln supports, named as PyTorch names them:
/// float32, float64, int64, int32, uint8, bool.
def Kiln_ElementType : AnyTypeOf<[F32, F64, I64, I32, I16, I8, UI64, UI32, UI16, UI8, I1]>;
def Kiln_FloatElementType : AnyTypeOf<[F32, F64]>;
def Kiln_IndexElementType : AnyTypeOf<[I64, I32]>;

def Kiln_Tensor : StaticShapeTensorOf<[F32, F64, I64, I32, I16, I8, UI64, UI32, UI16, UI8, I1]>;
def Kiln_FloatTensor : StaticShapeTensorOf<[F32, F64]>;
def Kiln_IndexTensor : StaticShapeTensorOf<[I64, I32]>;
/// torch.gather and the class losses take int64 indices only.
def Kiln_LongTensor : StaticShapeTensorOf<[I64]>;
def Kiln_BoolTensor : StaticShapeTensorOf<[I1]>;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

/// A signed 64-bit integer: dimensions (negative ones count from the end),
/// slice bounds, class indices, seeds. Upstream's I64Attr returns uint64_t.
def Kiln_IntAttr : TypedSignlessIntegerAttrBase<I64, "int64_t",
                                                "64-bit signed integer attribute"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

def Kiln_Reduction : I32EnumAttr<"Reduction", "how a loss reduces over the batch", [
    I32EnumAttrCase<"none", 0>,
    I32EnumAttrCase<"mean", 1>,
    I32EnumAttrCase<"sum", 2>
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::kiln";
}

def Kiln_ReductionAttr : EnumAttr<Kiln_Dialect, Kiln_Reduction, "reduction"> {
  let assemblyFormat = "`<` $value `>`";
}

/// What a fusion region is built around (see `kiln-fuse`): it decides how a
/// backend generates the region's kernel.
def Kiln_FusionKind : I32EnumAttr<"FusionKind", "what a fusion region is built around", [
    I32EnumAttrCase<"pointwise", 0>,
    I32EnumAttrCase<"reduction", 1>,
    I32EnumAttrCase<"contraction", 2>
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::kiln";
}

def Kiln_FusionKindAttr : EnumAttr<Kiln_Dialect, Kiln_FusionKind, "fusion_kind"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // KILN_DIALECT_TD
