//===- ModelFormat.h - Names of a model's inputs, parameters and outputs -*- C++
//-*-===//
//
/// A model is a `func.func` whose arguments carry `kiln.input`, `kiln.param`
/// or `kiln.state` names (parameters may carry a `kiln.init` initializer or
/// be marked `kiln.buffer`, state may carry a `kiln.init_value`) and whose
/// results carry `kiln.output` names or `kiln.update` references to the
/// parameter or state they replace after a call. docs/model-format.md
/// describes it.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_MODELFORMAT_H
#define KILN_IR_MODELFORMAT_H

#include "mlir/IR/Operation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include <optional>

namespace kiln {

inline constexpr llvm::StringLiteral kInputAttr = "kiln.input";
inline constexpr llvm::StringLiteral kParamAttr = "kiln.param";
inline constexpr llvm::StringLiteral kInitAttr = "kiln.init";
inline constexpr llvm::StringLiteral kFanInAttr = "kiln.fan_in";
/// Marks a parameter as a buffer (PyTorch's register_buffer: batch norm's
/// running statistics): saved and loaded with the parameters, never trained,
/// changed only by a `kiln.update` result of the model itself.
inline constexpr llvm::StringLiteral kBufferAttr = "kiln.buffer";
inline constexpr llvm::StringLiteral kStateAttr = "kiln.state";
inline constexpr llvm::StringLiteral kInitValueAttr = "kiln.init_value";
inline constexpr llvm::StringLiteral kOutputAttr = "kiln.output";
inline constexpr llvm::StringLiteral kUpdateAttr = "kiln.update";
inline constexpr llvm::StringLiteral kSeedAttr = "kiln.seed";
/// Not part of a model file: what the CPU pipeline's memory plan recorded on
/// a function (codegen/memory/MemoryPlan.h), a dictionary of integers.
inline constexpr llvm::StringLiteral kMemoryPlanAttr = "kiln.memory_plan";

/// The initializers a `kiln.init` may name: PyTorch's defaults.
llvm::ArrayRef<llvm::StringLiteral> getInitializerNames();

/// The index of the result that `kiln.output` names `name`, if any.
std::optional<unsigned> findOutput(mlir::FunctionOpInterface func,
                                   llvm::StringRef name);

/// The index of the argument that `kiln.input`, `kiln.param` or `kiln.state`
/// (`role`) names
/// `name`, if any.
std::optional<unsigned> findArgument(mlir::FunctionOpInterface func,
                                     llvm::StringRef role,
                                     llvm::StringRef name);

/// The `role` name (kiln.input, kiln.param, ...) of argument `index`, or ""
/// when it has none.
llvm::StringRef getArgumentName(mlir::FunctionOpInterface func,
                                unsigned index, llvm::StringRef role);

/// Whether argument `index` is a float `kiln.param` other than a buffer:
/// what autodiff and training differentiate and update.
bool isFloatParam(mlir::FunctionOpInterface func, unsigned index);

/// The float `kiln.param` arguments, in argument order.
llvm::SmallVector<unsigned> getFloatParams(mlir::FunctionOpInterface func);

mlir::LogicalResult verifyModelArgAttribute(mlir::Operation *op,
                                            unsigned argIndex,
                                            mlir::NamedAttribute attr);
mlir::LogicalResult verifyModelResultAttribute(mlir::Operation *op,
                                               unsigned resultIndex,
                                               mlir::NamedAttribute attr);
mlir::LogicalResult verifyModelOpAttribute(mlir::Operation *op,
                                           mlir::NamedAttribute attr);

} // namespace kiln

#endif // KILN_IR_MODELFORMAT_H
