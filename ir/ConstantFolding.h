//===- ConstantFolding.h - Folding element-wise ops over constants -*- C++
//-*-===//
//
/// Helpers the element-wise folders share: recognizing splat constants such
/// as the 0 of `x + 0`, and evaluating an op over small constant operands.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_CONSTANTFOLDING_H
#define KILN_IR_CONSTANTFOLDING_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/APInt.h"

namespace kiln {

/// Folding materializes a new constant; beyond this many elements the IR
/// would grow more than the op it replaces, so larger results stay ops.
inline constexpr int64_t kMaxFoldedElements = 1024;

/// Whether `attr` is a constant whose every element equals `value`
/// (-0.0 and +0.0 both equal 0).
bool isSplatOf(mlir::Attribute attr, double value);

/// Whether `attr` is a constant x with `y + x == y` for every y: integer 0,
/// or float -0.0 (IEEE: -0.0 + +0.0 is +0.0, so +0.0 is no identity).
bool isAdditiveIdentity(mlir::Attribute attr);

/// Whether `attr` is a constant x with `y - x == y` for every y: integer 0,
/// or float +0.0.
bool isSubtractiveIdentity(mlir::Attribute attr);

using FloatFn = llvm::function_ref<llvm::APFloat(const llvm::APFloat &,
                                                 const llvm::APFloat &)>;
/// An integer function gets the operands and whether they are unsigned.
using IntFn = llvm::function_ref<llvm::APInt(const llvm::APInt &,
                                             const llvm::APInt &, bool)>;

/// Evaluates a broadcasting binary op over two constant operands, each
/// first converted to the result's dtype (the dtype the op computes in).
/// `intFn` may be null for float-only ops. Returns null when the operands
/// are not constants, the result is bool or too large.
mlir::Attribute foldBinary(mlir::Attribute lhs, mlir::Attribute rhs,
                           mlir::Type resultType, FloatFn floatFn, IntFn intFn);

using FloatPredicate =
    llvm::function_ref<bool(const llvm::APFloat &, const llvm::APFloat &)>;
/// An integer predicate gets the operands and whether they are unsigned
/// (bool operands are unsigned 1-bit integers).
using IntPredicate =
    llvm::function_ref<bool(const llvm::APInt &, const llvm::APInt &, bool)>;

/// Evaluates a broadcasting comparison or logical op over two constants:
/// both are converted to `computeElement` (their promoted dtype for a
/// comparison, bool for a logical op) and the predicate gives each element
/// of the bool result. Null when an operand is not a constant or the result
/// is too large.
mlir::Attribute foldPredicate(mlir::Attribute lhs, mlir::Attribute rhs,
                              mlir::Type resultType, mlir::Type computeElement,
                              FloatPredicate floatFn, IntPredicate intFn);

/// Evaluates kiln.where over constants: the condition, and both values
/// converted to the result's dtype, broadcast to the result's shape.
mlir::Attribute foldSelect(mlir::Attribute condition, mlir::Attribute lhs,
                           mlir::Attribute rhs, mlir::Type resultType);

/// Evaluates a unary op over a constant operand of the result's dtype.
mlir::Attribute foldUnary(mlir::Attribute input, mlir::Type resultType,
                          FloatFn floatFn, IntFn intFn);

/// For an op that only moves elements: the constant of `resultType` whose
/// element at each multi-index is element `sourceOf(index)` (a linear index)
/// of the constant `input`. Null when `input` is not a dense constant or the
/// result is too large.
mlir::Attribute
foldDataMovement(mlir::Attribute input, mlir::Type resultType,
                 llvm::function_ref<int64_t(llvm::ArrayRef<int64_t>)> sourceOf);

/// The row-major linear index of `index` in `shape`.
int64_t getLinearIndex(llvm::ArrayRef<int64_t> index,
                       llvm::ArrayRef<int64_t> shape);

/// Converts a constant to `resultType`'s element type as kiln.cast does.
mlir::Attribute foldCast(mlir::Attribute input, mlir::Type resultType);

} // namespace kiln

#endif // KILN_IR_CONSTANTFOLDING_H
