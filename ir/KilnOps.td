//===- KilnOps.td - Every op of the kiln dialect -----------*- tablegen -*-===//
//
/// The single TableGen entry point for the dialect: the op families live in
/// their own files and are generated together.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_OPS_TD
#define KILN_OPS_TD

include "ir/KilnCreationOps.td"
include "ir/KilnElementwiseOps.td"
include "ir/KilnMathOps.td"
include "ir/KilnLinalgOps.td"
include "ir/KilnShapeOps.td"
include "ir/KilnIndexingOps.td"
include "ir/KilnReductionOps.td"
include "ir/KilnNNOps.td"
include "ir/KilnConvOps.td"
include "ir/KilnLossOps.td"
include "ir/KilnOptimizerOps.td"
include "ir/KilnFusionOps.td"

#endif // KILN_OPS_TD
