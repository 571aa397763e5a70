//===- LoweringUtils.h - Shared pieces of the kiln-to-linalg lowering -*- C++
//-*-===//
//
/// The type converter (PyTorch's uint8 becomes signless i8), scalar dtype
/// conversions with PyTorch's rules, and the broadcasting `linalg.generic`
/// builder that every element-wise lowering uses.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_LINALG_LOWERINGUTILS_H
#define KILN_CODEGEN_LINALG_LOWERINGUTILS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace kiln {

/// Converts kiln's tensor types to the signless ones upstream dialects take.
class KilnTypeConverter : public mlir::TypeConverter {
public:
  KilnTypeConverter();
};

/// The signless type arith computes a kiln element type in.
mlir::Type getSignlessType(mlir::Type kilnElementType);

/// Whether a kiln integer element type extends with zeros (uint8, bool).
bool isZeroExtended(mlir::Type kilnElementType);

/// Converts a scalar between kiln element types the way PyTorch's casts do:
/// float to integer truncates toward zero, anything to bool is `!= 0`.
/// `value` is signless; `from` and `to` carry kiln's signedness.
mlir::Value convertScalar(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value value, mlir::Type from, mlir::Type to);

/// A scalar constant of a kiln element type (materialized signless).
mlir::Value createScalarConstant(mlir::OpBuilder &builder, mlir::Location loc,
                                 mlir::Type kilnElementType, double value);

/// The indexing map that reads an operand broadcast to `resultShape`:
/// leading result dimensions it lacks are dropped and its size-1 dimensions
/// that the result widens read index 0.
mlir::AffineMap getBroadcastMap(mlir::MLIRContext *context,
                                llvm::ArrayRef<int64_t> operandShape,
                                llvm::ArrayRef<int64_t> resultShape);

using ScalarBodyBuilder = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

/// A `linalg.generic` over `resultType`'s shape whose body gets one element
/// of each (broadcast) operand and returns the result element.
mlir::Value createElementwise(mlir::OpBuilder &builder, mlir::Location loc,
                              mlir::RankedTensorType resultType,
                              mlir::ValueRange operands,
                              ScalarBodyBuilder body);

/// A tensor of `type` (signless) with every element `value`.
mlir::Value createFilledTensor(mlir::OpBuilder &builder, mlir::Location loc,
                               mlir::RankedTensorType type, mlir::Value value);

/// `tensor.reshape` of a contiguous tensor to `resultType`'s shape.
mlir::Value createReshape(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value input, mlir::RankedTensorType resultType);

void populateLowerCreationPatterns(KilnTypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);
/// Every pointwise op (ScalarSemantics.h), where, clamp and cast.
void populateLowerElementwisePatterns(KilnTypeConverter &converter,
                                      mlir::RewritePatternSet &patterns);
void populateLowerLinalgPatterns(KilnTypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
void populateLowerReductionPatterns(KilnTypeConverter &converter,
                                    mlir::RewritePatternSet &patterns);
void populateLowerShapePatterns(KilnTypeConverter &converter,
                                mlir::RewritePatternSet &patterns);
void populateLowerIndexingPatterns(KilnTypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);
/// Convolutions, pooling and pad (LowerConvOps.cpp).
void populateLowerConvPatterns(KilnTypeConverter &converter,
                               mlir::RewritePatternSet &patterns);
/// Converts the types of kiln.fusion regions (LowerFusionOps.cpp).
void populateLowerFusionPatterns(KilnTypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);

} // namespace kiln

#endif // KILN_CODEGEN_LINALG_LOWERINGUTILS_H
