//===- KilnElementwiseOps.td - Element-wise ops ------------*- tablegen -*-===//
//
/// Unary and binary element-wise ops, comparisons, where, clamp and cast.
/// Binary ops broadcast like NumPy and promote dtypes like
/// torch.result_type; the rule each op follows is named in its class. The
/// vector-Jacobian products are in ElementwiseGradients.cpp; comparisons
/// carry no gradient.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_ELEMENTWISE_OPS_TD
#define KILN_ELEMENTWISE_OPS_TD

include "ir/KilnBase.td"

/// `rule` names a kiln::UnaryRule: how the result dtype follows the input's.
class Kiln_UnaryOp<string mnemonic, string rule, string torchName,
                   list<Trait> traits = []>
    : Kiln_InferredOp<mnemonic, traits # [Kiln_Pointwise]> {
  let summary = "Element-wise " # torchName;
  let arguments = (ins Kiln_Tensor:$input);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::kiln::inferUnaryElementwise(loc, getOperationName(),
          adaptor.getInput().getType(), ::kiln::UnaryRule::}] # rule # [{, types);
    }
  }];
}

/// `rule` names a kiln::BinaryRule: how the result dtype follows the operands'.
class Kiln_BinaryOp<string mnemonic, string rule, string torchName,
                    list<Trait> traits = []>
    : Kiln_InferredOp<mnemonic, traits # [Kiln_Pointwise]> {
  let summary = "Element-wise " # torchName # " with broadcasting";
  let arguments = (ins Kiln_Tensor:$lhs, Kiln_Tensor:$rhs);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::kiln::inferBinaryElementwise(loc, getOperationName(),
          adaptor.getLhs().getType(), adaptor.getRhs().getType(),
          ::kiln::BinaryRule::}] # rule # [{, types);
    }
  }];
}

//===----------------------------------------------------------------------===//
// Unary
//===----------------------------------------------------------------------===//

def Kiln_NegOp : Kiln_UnaryOp<"neg", "Numeric", "torch.neg", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_AbsOp : Kiln_UnaryOp<"abs", "Numeric", "torch.abs", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_ReluOp : Kiln_UnaryOp<"relu", "Numeric", "torch.relu", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_ExpOp : Kiln_UnaryOp<"exp", "ToFloat", "torch.exp", [Kiln_Differentiable]>;
def Kiln_LogOp : Kiln_UnaryOp<"log", "ToFloat", "torch.log", [Kiln_Differentiable]>;
def Kiln_SqrtOp : Kiln_UnaryOp<"sqrt", "ToFloat", "torch.sqrt", [Kiln_Differentiable]>;
def Kiln_RsqrtOp : Kiln_UnaryOp<"rsqrt", "ToFloat", "torch.rsqrt", [Kiln_Differentiable]>;
def Kiln_SigmoidOp : Kiln_UnaryOp<"sigmoid", "ToFloat", "torch.sigmoid", [Kiln_Differentiable]>;
def Kiln_TanhOp : Kiln_UnaryOp<"tanh", "ToFloat", "torch.tanh", [Kiln_Differentiable]>;

def Kiln_ClampOp : Kiln_InferredOp<"clamp", [Kiln_Pointwise, Kiln_Differentiable]> {
  let summary = "Element-wise torch.clamp to [min, max]";
  let description = [{
    Either bound may be omitted, not both. As in PyTorch, when `min > max`
    every element becomes `max`. Bounds of an integer tensor are integral, so
    the result keeps the input's dtype.
    ```mlir
    %y = kiln.clamp %x min 0.0 max 6.0 : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, OptionalAttr<F64Attr>:$min,
                       OptionalAttr<F64Attr>:$max);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input (`min` $min^)? (`max` $max^)? attr-dict `:` functional-type(operands, results)";
}

def Kiln_CastOp : Kiln_Op<"cast", [Pure, Kiln_Pointwise, Kiln_Differentiable]> {
  let summary = "Converts the element type (Tensor.to(dtype))";
  let description = [{
    Follows PyTorch's conversions: float to integer truncates toward zero, any
    non-zero value becomes `true` in `i1`.
    ```mlir
    %y = kiln.cast %x : tensor<3xf32> to tensor<3xi64>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Binary
//===----------------------------------------------------------------------===//

def Kiln_AddOp : Kiln_BinaryOp<"add", "Promote", "torch.add", [Commutative, Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_SubOp : Kiln_BinaryOp<"sub", "Subtract", "torch.sub", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_MulOp : Kiln_BinaryOp<"mul", "Promote", "torch.mul", [Commutative, Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_DivOp : Kiln_BinaryOp<"div", "PromoteToFloat", "true division (torch.div)", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_PowOp : Kiln_BinaryOp<"pow", "NumericResult", "torch.pow", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_MaximumOp : Kiln_BinaryOp<"maximum", "Promote", "torch.maximum", [Commutative, Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_MinimumOp : Kiln_BinaryOp<"minimum", "Promote", "torch.minimum", [Commutative, Kiln_Differentiable]> { let hasFolder = 1; }

def Kiln_EqOp : Kiln_BinaryOp<"eq", "Compare", "torch.eq (==)", [Commutative, Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_NeOp : Kiln_BinaryOp<"ne", "Compare", "torch.ne (!=)", [Commutative, Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_LtOp : Kiln_BinaryOp<"lt", "Compare", "torch.lt (<)", [Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_LeOp : Kiln_BinaryOp<"le", "Compare", "torch.le (<=)", [Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_GtOp : Kiln_BinaryOp<"gt", "Compare", "torch.gt (>)", [Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_GeOp : Kiln_BinaryOp<"ge", "Compare", "torch.ge (>=)", [Kiln_NonDifferentiable]> { let hasFolder = 1; }

def Kiln_WhereOp : Kiln_InferredOp<"where", [Kiln_Pointwise, Kiln_Differentiable]> {
  let summary = "Selects from two tensors by a boolean condition (torch.where)";
  let description = [{
    All three operands broadcast together; the values promote like a binary op.
    ```mlir
    %y = kiln.where %c, %a, %b : (tensor<4xi1>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Kiln_BoolTensor:$condition, Kiln_Tensor:$lhs, Kiln_Tensor:$rhs);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$condition `,` $lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

#endif // KILN_ELEMENTWISE_OPS_TD
