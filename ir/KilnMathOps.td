//===- KilnMathOps.td - Math functions and activations -----*- tablegen -*-===//
//
/// Element-wise math functions (trigonometric, hyperbolic, erf, rounding),
/// activations, predicates, logical and bitwise ops, with PyTorch's
/// semantics, which the ONNX operators of the same names share (the
/// description says where an ONNX attribute maps onto an op's attribute).
/// They reuse the element-wise classes and rules of KilnElementwiseOps.td.
/// The vector-Jacobian products are in MathGradients.cpp; the composites
/// decompose in passes/DecomposeMath.cpp, so their gradients come through
/// their decompositions. Rounding, predicates, logical and bitwise ops carry
/// no gradient (PyTorch's rounding gradients are zero everywhere).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_MATH_OPS_TD
#define KILN_MATH_OPS_TD

include "ir/KilnElementwiseOps.td"

/// A unary op with attributes (`attrs`), written in the attribute dictionary
/// and omitted there when they have their default.
class Kiln_UnaryAttrOp<string mnemonic, string rule, string torchName,
                       dag attrs, list<Trait> traits = []>
    : Kiln_UnaryOp<mnemonic, rule, torchName, traits> {
  let arguments = !con((ins Kiln_Tensor:$input), attrs);
}

//===----------------------------------------------------------------------===//
// Trigonometric, hyperbolic and error functions: integers and bools become
// float32.
//===----------------------------------------------------------------------===//

def Kiln_SinOp : Kiln_UnaryOp<"sin", "ToFloat", "torch.sin", [Kiln_Differentiable]>;
def Kiln_CosOp : Kiln_UnaryOp<"cos", "ToFloat", "torch.cos", [Kiln_Differentiable]>;
def Kiln_TanOp : Kiln_UnaryOp<"tan", "ToFloat", "torch.tan", [Kiln_Differentiable]>;
def Kiln_AsinOp : Kiln_UnaryOp<"asin", "ToFloat", "torch.asin", [Kiln_Differentiable]>;
def Kiln_AcosOp : Kiln_UnaryOp<"acos", "ToFloat", "torch.acos", [Kiln_Differentiable]>;
def Kiln_AtanOp : Kiln_UnaryOp<"atan", "ToFloat", "torch.atan", [Kiln_Differentiable]>;
def Kiln_SinhOp : Kiln_UnaryOp<"sinh", "ToFloat", "torch.sinh", [Kiln_Differentiable]>;
def Kiln_CoshOp : Kiln_UnaryOp<"cosh", "ToFloat", "torch.cosh", [Kiln_Differentiable]>;
def Kiln_AsinhOp : Kiln_UnaryOp<"asinh", "ToFloat", "torch.asinh", [Kiln_Differentiable]>;
def Kiln_AcoshOp : Kiln_UnaryOp<"acosh", "ToFloat", "torch.acosh", [Kiln_Differentiable]>;
def Kiln_AtanhOp : Kiln_UnaryOp<"atanh", "ToFloat", "torch.atanh", [Kiln_Differentiable]>;
def Kiln_ErfOp : Kiln_UnaryOp<"erf", "ToFloat", "torch.erf", [Kiln_Differentiable]>;
def Kiln_ReciprocalOp : Kiln_UnaryOp<"reciprocal", "ToFloat", "torch.reciprocal (1 / x)", [Kiln_Differentiable]>;

//===----------------------------------------------------------------------===//
// Rounding and sign: integers keep their dtype (the identity, or the sign).
//===----------------------------------------------------------------------===//

def Kiln_FloorOp : Kiln_UnaryOp<"floor", "Numeric", "torch.floor", [Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_CeilOp : Kiln_UnaryOp<"ceil", "Numeric", "torch.ceil", [Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_RoundOp : Kiln_UnaryOp<"round", "Numeric", "torch.round", [Kiln_NonDifferentiable]> {
  let description = [{
    Rounds halfway cases to the nearest even integer, as torch.round and ONNX
    Round do: 0.5 and -0.5 become 0, 1.5 and 2.5 become 2.
  }];
}
def Kiln_SignOp : Kiln_UnaryOp<"sign", "Same", "torch.sign", [Kiln_NonDifferentiable]> {
  let description = [{
    -1, 0 or 1 in the input's dtype: `(0 < x) - (x < 0)` as PyTorch's kernel
    computes it, so the sign of 0, -0 and NaN is 0. A bool stays itself.
  }];
}

//===----------------------------------------------------------------------===//
// Activations: float tensors only, except softsign (integers become float32).
//===----------------------------------------------------------------------===//

def Kiln_SoftplusOp : Kiln_UnaryAttrOp<"softplus", "FloatOnly",
    "torch.nn.functional.softplus",
    (ins DefaultValuedAttr<F64Attr, "1.0">:$beta,
         DefaultValuedAttr<F64Attr, "20.0">:$threshold),
    [Kiln_Differentiable]> {
  let description = [{
    `log(1 + exp(beta * x)) / beta`, or `x` where `beta * x > threshold`, so
    large inputs never overflow. ONNX Softplus is `beta = 1` with the default
    threshold (the two differ by less than `exp(-20)` relative above it).
    ```mlir
    %y = kiln.softplus %x {beta = 2.000000e+00 : f64} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
}

def Kiln_GeluOp : Kiln_UnaryAttrOp<"gelu", "FloatOnly",
    "torch.nn.functional.gelu",
    (ins DefaultValuedStrAttr<StrAttr, "none">:$approximate),
    [Kiln_Differentiable]> {
  let description = [{
    `x * Phi(x)` with the normal CDF `Phi(x) = (1 + erf(x / sqrt(2))) / 2`,
    or with `approximate = "tanh"`,
    `x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3)))` (ONNX Gelu's
    attribute of the same name and values).
    ```mlir
    %y = kiln.gelu %x {approximate = "tanh"} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let hasVerifier = 1;
}

def Kiln_EluOp : Kiln_UnaryAttrOp<"elu", "FloatOnly", "torch.nn.functional.elu",
    (ins DefaultValuedAttr<F64Attr, "1.0">:$alpha), [Kiln_Differentiable]> {
  let description = [{
    `x` where `x > 0`, else `alpha * (exp(x) - 1)` (computed as expm1).
  }];
}

def Kiln_SeluOp : Kiln_UnaryAttrOp<"selu", "FloatOnly", "torch.nn.functional.selu",
    (ins DefaultValuedAttr<F64Attr, "1.6732632423543772">:$alpha,
         DefaultValuedAttr<F64Attr, "1.0507009873554805">:$gamma),
    [Kiln_Composite]> {
  let description = [{
    `gamma * elu(x, alpha)`. The defaults are PyTorch's constants (and ONNX
    Selu's attributes of the same names); torch.selu has no parameters.
  }];
}

def Kiln_CeluOp : Kiln_UnaryAttrOp<"celu", "FloatOnly", "torch.nn.functional.celu",
    (ins DefaultValuedAttr<F64Attr, "1.0">:$alpha), [Kiln_Composite]> {
  let description = [{
    `x` where `x > 0`, else `alpha * (exp(x / alpha) - 1)`. `alpha` must not
    be 0.
  }];
  let hasVerifier = 1;
}

def Kiln_LeakyReluOp : Kiln_UnaryAttrOp<"leaky_relu", "FloatOnly",
    "torch.nn.functional.leaky_relu",
    (ins DefaultValuedAttr<F64Attr, "0.01">:$negative_slope), [Kiln_Composite]> {
  let description = [{
    `x` where `x > 0`, else `negative_slope * x` (ONNX LeakyRelu's `alpha`).
  }];
}

def Kiln_HardsigmoidOp : Kiln_UnaryAttrOp<"hardsigmoid", "FloatOnly",
    "hard sigmoid (torch.nn.functional.hardsigmoid, ONNX HardSigmoid)",
    (ins F64Attr:$alpha, F64Attr:$beta), [Kiln_Composite]> {
  let description = [{
    `max(0, min(1, alpha * x + beta))`. Both attributes are required: PyTorch's
    hardsigmoid is `alpha = 1/6, beta = 0.5`, ONNX HardSigmoid defaults to
    `alpha = 0.2, beta = 0.5`.
    ```mlir
    %y = kiln.hardsigmoid %x {alpha = 2.000000e-01 : f64, beta = 5.000000e-01 : f64} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
}

def Kiln_HardswishOp : Kiln_UnaryOp<"hardswish", "FloatOnly",
    "torch.nn.functional.hardswish", [Kiln_Composite]> {
  let description = [{
    `x * min(max(x + 3, 0), 6) / 6`, as PyTorch computes it (ONNX HardSwish
    is the same function).
  }];
}

def Kiln_SoftsignOp : Kiln_UnaryOp<"softsign", "ToFloat",
    "torch.nn.functional.softsign", [Kiln_Composite]> {
  let description = [{
    `x / (1 + |x|)`; integers and bools give float32, as in PyTorch.
  }];
}

def Kiln_ThresholdedReluOp : Kiln_UnaryAttrOp<"thresholded_relu", "FloatOnly",
    "thresholded ReLU (ONNX ThresholdedRelu, torch.nn.functional.threshold(x, alpha, 0))",
    (ins DefaultValuedAttr<F64Attr, "1.0">:$alpha), [Kiln_Composite]> {
  let description = [{
    `x` where `x > alpha`, else 0; NaN stays NaN as in PyTorch (ONNX's
    formula would give 0).
  }];
}

def Kiln_ShrinkOp : Kiln_UnaryAttrOp<"shrink", "FloatOnly",
    "shrinkage (ONNX Shrink; torch's hardshrink and softshrink)",
    (ins DefaultValuedAttr<F64Attr, "0.0">:$bias,
         DefaultValuedAttr<F64Attr, "0.5">:$lambd), [Kiln_Composite]> {
  let description = [{
    `x + bias` where `x < -lambd`, `x - bias` where `x > lambd`, else 0, so
    NaN gives 0 (ONNX's formula and PyTorch's softshrink; torch's hardshrink
    keeps NaN).
    torch.nn.functional.hardshrink(x, l) is `bias = 0, lambd = l` and
    softshrink(x, l) is `bias = lambd = l`.
  }];
}

def Kiln_PreluOp : Kiln_InferredOp<"prelu", [Kiln_Pointwise, Kiln_Composite]> {
  let summary = "Parametric ReLU with a broadcast slope (ONNX PRelu)";
  let description = [{
    `x` where `x > 0`, else `slope * x`. `slope` has `x`'s dtype and
    broadcasts to `x`'s shape (ONNX's unidirectional broadcasting); the
    result has `x`'s shape. torch.nn.functional.prelu's per-channel weight
    `[C]` on an `[N, C, ...]` input is the slope `[C, 1, ...]`.
    ```mlir
    %y = kiln.prelu %x, %s : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_Tensor:$slope);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `,` $slope attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Predicates and logical ops: any dtype, a bool result (non-zero is true).
//===----------------------------------------------------------------------===//

def Kiln_IsnanOp : Kiln_UnaryOp<"isnan", "Predicate", "torch.isnan", [Kiln_NonDifferentiable]>;
def Kiln_IsinfOp : Kiln_UnaryAttrOp<"isinf", "Predicate",
    "torch.isinf (ONNX IsInf)",
    (ins DefaultValuedAttr<BoolAttr, "true">:$detect_positive,
         DefaultValuedAttr<BoolAttr, "true">:$detect_negative),
    [Kiln_NonDifferentiable]> {
  let description = [{
    Whether each element is an infinity; `detect_positive = false` or
    `detect_negative = false` (ONNX IsInf's attributes) leave out +inf or
    -inf. Integers and bools are never infinite.
    ```mlir
    %y = kiln.isinf %x {detect_negative = false} : (tensor<4xf32>) -> tensor<4xi1>
    ```
  }];
}
def Kiln_LogicalNotOp : Kiln_UnaryOp<"logical_not", "Predicate", "torch.logical_not", [Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_LogicalAndOp : Kiln_BinaryOp<"logical_and", "Compare", "torch.logical_and", [Commutative, Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_LogicalOrOp : Kiln_BinaryOp<"logical_or", "Compare", "torch.logical_or", [Commutative, Kiln_NonDifferentiable]> { let hasFolder = 1; }
def Kiln_LogicalXorOp : Kiln_BinaryOp<"logical_xor", "Compare", "torch.logical_xor", [Commutative, Kiln_NonDifferentiable]> { let hasFolder = 1; }

//===----------------------------------------------------------------------===//
// Bitwise ops: integers and bools (shifts: integers only), promoted.
//===----------------------------------------------------------------------===//

def Kiln_BitwiseNotOp : Kiln_UnaryOp<"bitwise_not", "Integral", "torch.bitwise_not", [Kiln_NonDifferentiable]>;
def Kiln_BitwiseAndOp : Kiln_BinaryOp<"bitwise_and", "Bitwise", "torch.bitwise_and", [Commutative, Kiln_NonDifferentiable]>;
def Kiln_BitwiseOrOp : Kiln_BinaryOp<"bitwise_or", "Bitwise", "torch.bitwise_or", [Commutative, Kiln_NonDifferentiable]>;
def Kiln_BitwiseXorOp : Kiln_BinaryOp<"bitwise_xor", "Bitwise", "torch.bitwise_xor", [Commutative, Kiln_NonDifferentiable]>;
def Kiln_BitwiseLeftShiftOp : Kiln_BinaryOp<"bitwise_left_shift", "Shift",
    "torch.bitwise_left_shift (<<)", [Kiln_NonDifferentiable]> {
  let description = [{
    Shifts in zeros; a shift by the dtype's width or more (or by a negative
    amount) gives 0, where PyTorch's result depends on the CPU. ONNX BitShift
    with `direction = "LEFT"`.
  }];
}
def Kiln_BitwiseRightShiftOp : Kiln_BinaryOp<"bitwise_right_shift", "Shift",
    "torch.bitwise_right_shift (>>)", [Kiln_NonDifferentiable]> {
  let description = [{
    Arithmetic for signed dtypes, logical for uint8 (ONNX BitShift with
    `direction = "RIGHT"`). A shift by the dtype's width or more (or by a
    negative amount) gives what a shift by width - 1 gives for signed dtypes
    (0 or -1) and 0 for uint8.
  }];
}

//===----------------------------------------------------------------------===//
// Remainders and the truncated quotient: promoted operands, not both bool.
//===----------------------------------------------------------------------===//

def Kiln_DivTruncOp : Kiln_BinaryOp<"div_trunc", "NumericResult", "torch.div(rounding_mode='trunc')", [Kiln_NonDifferentiable]> {
  let description = [{
    The quotient rounded toward zero, in the promoted dtype: exact for
    integers (ONNX Div of integers, C's `/`), `trunc(x / y)` for floats.
    An integer division by 0 gives 0 (PyTorch raises, ONNX leaves it
    undefined) and the one overflowing quotient, the type's minimum divided
    by -1, wraps to the minimum, so neither traps. Its gradient is zero
    almost everywhere, as in PyTorch.
  }];
  let hasFolder = 1;
}

def Kiln_FmodOp : Kiln_BinaryOp<"fmod", "NumericResult", "torch.fmod", [Kiln_Differentiable]> {
  let description = [{
    C's fmod: the remainder of the division truncated toward zero, with the
    dividend's sign (ONNX Mod with `fmod = 1`). An integer remainder by 0 is
    0 (PyTorch raises, NumPy gives 0).
  }];
  let hasFolder = 1;
}
def Kiln_RemainderOp : Kiln_BinaryOp<"remainder", "NumericResult", "torch.remainder", [Kiln_Differentiable]> {
  let description = [{
    Python's `%`: the remainder of the division rounded toward minus
    infinity, with the divisor's sign (ONNX Mod with `fmod = 0`). An integer
    remainder by 0 is 0 (PyTorch raises, NumPy gives 0).
  }];
  let hasFolder = 1;
}

#endif // KILN_MATH_OPS_TD
