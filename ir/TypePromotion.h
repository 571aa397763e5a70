//===- TypePromotion.h - PyTorch's dtype promotion rules --------*- C++ -*-===//
//
/// torch.promote_types and torch.result_type over Kiln's element types.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_TYPEPROMOTION_H
#define KILN_IR_TYPEPROMOTION_H

#include "mlir/IR/BuiltinTypes.h"

namespace kiln {

/// PyTorch's dtype categories, in the order promotion prefers them.
enum class DtypeCategory { Bool, Integer, Float };

DtypeCategory getCategory(mlir::Type elementType);

/// torch.promote_types: the smallest dtype both dtypes convert to.
mlir::Type promoteTypes(mlir::Type lhs, mlir::Type rhs);

/// torch.result_type for tensor operands: 0-d tensors decide the dtype only
/// when they are of a higher category than every dimensioned tensor, so
/// `f32[3] + f64[]` stays f32 while `i64[3] + f32[]` becomes f32.
mlir::Type resultType(llvm::ArrayRef<mlir::RankedTensorType> operands);

/// The dtype integer inputs become in ops that always produce floats
/// (torch.get_default_dtype()).
mlir::Type getDefaultFloatType(mlir::MLIRContext *context);

/// PyTorch's name for an element type: float32, int64, bool, ...
std::string getDtypeName(mlir::Type elementType);

} // namespace kiln

#endif // KILN_IR_TYPEPROMOTION_H
