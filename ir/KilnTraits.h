//===- KilnTraits.h - Op traits of the kiln dialect -------------*- C++ -*-===//
//
/// The C++ side of the traits declared in KilnBase.td.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_KILNTRAITS_H
#define KILN_IR_KILNTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace kiln {
namespace detail {
/// Runs the op's InferTypeOpInterface inference at the op's location and
/// compares the declared result types with it, so that one diagnostic naming
/// the op and the shapes is reported instead of the interface's generic one.
mlir::LogicalResult verifyInferredType(mlir::Operation *op);
} // namespace detail

namespace OpTrait {

template <typename ConcreteType>
class VerifyInferredType
    : public mlir::OpTrait::TraitBase<ConcreteType, VerifyInferredType> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return detail::verifyInferredType(op);
  }
};

/// Marks ops that `kiln-decompose` rewrites into core ops.
template <typename ConcreteType>
class Composite : public mlir::OpTrait::TraitBase<ConcreteType, Composite> {};

/// Marks ops whose results carry no gradient (see KilnBase.td).
template <typename ConcreteType>
class NonDifferentiable
    : public mlir::OpTrait::TraitBase<ConcreteType, NonDifferentiable> {};

/// Marks ops that hold other ops for code generation (see KilnBase.td).
template <typename ConcreteType>
class Structural : public mlir::OpTrait::TraitBase<ConcreteType, Structural> {};

/// The fusion classes of KilnBase.td.
template <typename ConcreteType>
class Pointwise : public mlir::OpTrait::TraitBase<ConcreteType, Pointwise> {};
template <typename ConcreteType>
class Reducing : public mlir::OpTrait::TraitBase<ConcreteType, Reducing> {};
template <typename ConcreteType>
class Contraction
    : public mlir::OpTrait::TraitBase<ConcreteType, Contraction> {};

} // namespace OpTrait
} // namespace kiln

#endif // KILN_IR_KILNTRAITS_H
