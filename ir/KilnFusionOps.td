//===- KilnFusionOps.td - Fusion regions --------------------*- tablegen -*-===//
//
/// `kiln-fuse` groups the ops that one kernel computes into a `kiln.fusion`
/// region. The region is isolated from above, so a backend can compile it on
/// its own (a loop nest on the CPU, one kernel on the GPU).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FUSION_OPS_TD
#define KILN_FUSION_OPS_TD

include "ir/KilnBase.td"

def Kiln_FusionOp : Kiln_Op<"fusion", [IsolatedFromAbove, RecursiveMemoryEffects,
                                        SingleBlock, Kiln_Structural]> {
  let summary = "Ops computed by one kernel";
  let description = [{
    The region's block arguments are the `inputs`; `kiln.yield` returns the
    values used after the region. `kind` says what the region is built
    around: `pointwise` (element-wise and broadcast chains), `reduction` (a
    reduction with its element-wise producers and consumers) or
    `contraction` (a matrix product with its element-wise epilogue).
    ```mlir
    %y = kiln.fusion pointwise (%x, %w) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%a: tensor<4xf32>, %b: tensor<4xf32>):
      %p = kiln.mul %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
      %s = kiln.sigmoid %p : (tensor<4xf32>) -> tensor<4xf32>
      kiln.yield %s : tensor<4xf32>
    }
    ```
  }];
  let arguments = (ins Kiln_FusionKindAttr:$kind, Variadic<AnyRankedTensor>:$inputs);
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$kind `(` $inputs `)` attr-dict `:` functional-type($inputs, results) $body";
  let hasVerifier = 1;
}

def Kiln_YieldOp : Kiln_Op<"yield", [Pure, Terminator,
                                      HasParent<"FusionOp">, Kiln_Structural]> {
  let summary = "Returns the values of a fusion region";
  let arguments = (ins Variadic<AnyRankedTensor>:$values);
  let assemblyFormat = "$values attr-dict `:` type($values)";
}

#endif // KILN_FUSION_OPS_TD
