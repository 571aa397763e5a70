//===- NodeContext.h - What an ONNX node converter sees ---------*- C++ -*-===//
//
/// The ONNX importer converts one node at a time by calling the converter
/// registered for its op type. A converter reads the node's inputs and
/// attributes through a NodeContext, builds kiln ops with `op()`, and sets
/// the node's outputs. Ops whose operands are all known at import time are
/// folded as they are built, so the shape computations PyTorch's exporter
/// emits (Shape, Gather, Concat, ConstantOfShape, ...) become constants that
/// later converters read back with `constantInts()`.
///
/// Every failure throws kiln::RuntimeError through `fail()`, whose message
/// names the node and its op type; the importer adds the file.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_ONNX_NODECONTEXT_H
#define KILN_FRONTEND_ONNX_NODECONTEXT_H

#include "runtime/Tensor.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"

#include <optional>
#include <string>
#include <vector>

namespace onnx {
class NodeProto;
class AttributeProto;
} // namespace onnx

namespace kiln::onnx_import {

/// The failure of a node that needs the value of ONNX value `valueName` at
/// import (a Reshape's shape, Slice's starts, Range's bounds) when it is not
/// known. The importer catches it to bind the graph inputs that value is
/// computed from to the values the caller gives (OnnxImportOptions::
/// givenInputs), and otherwise reports it as any other error.
class UnknownValueError : public RuntimeError {
public:
  UnknownValueError(const std::string &message, std::string valueName)
      : RuntimeError(message), valueName_(std::move(valueName)) {}
  const std::string &valueName() const { return valueName_; }

private:
  std::string valueName_;
};

/// One named attribute of a kiln op, as `op()` takes them.
using OpAttr = std::pair<llvm::StringRef, mlir::Attribute>;

class NodeContext {
public:
  NodeContext(const onnx::NodeProto &node, int64_t opset,
              mlir::OpBuilder &builder,
              const llvm::StringMap<mlir::Value> &values);

  const onnx::NodeProto &node() const { return node_; }
  /// The node's op type, as "Conv".
  const std::string &opType() const;
  /// The model's opset for the default ONNX domain.
  int64_t opset() const { return opset_; }
  mlir::OpBuilder &builder() { return builder_; }
  mlir::MLIRContext *context() { return builder_.getContext(); }
  mlir::Location loc() const { return loc_; }

  // Inputs. An optional input may be absent (past the end) or empty ("").
  // Every accessor below but hasInput() and constantInput() requires the
  // input: the node must have it, or it fails naming the node and index.
  size_t numInputs() const;
  bool hasInput(size_t index) const;
  /// The name of input `index`; fails when it is absent.
  const std::string &inputName(size_t index) const;
  /// Input `index`; fails when it is absent.
  mlir::Value input(size_t index) const;
  mlir::RankedTensorType inputType(size_t index) const;
  /// The value of input `index` when it is known at import time (an
  /// initializer kept as a constant, a Constant node, or a folded
  /// computation on those), else null.
  mlir::DenseElementsAttr constantInput(size_t index) const;
  /// The value of input `index`; throws UnknownValueError unless it is known
  /// at import time: "input I ('NAME') must be known when the model is
  /// imported" followed by `why`.
  mlir::DenseElementsAttr knownInput(size_t index,
                                     const llvm::Twine &why) const;
  /// Input `index` as integers; fails unless it is known at import time.
  std::vector<int64_t> constantInts(size_t index) const;
  /// Input `index` as doubles; fails unless it is known at import time.
  std::vector<double> constantFloats(size_t index) const;

  // Attributes, by ONNX name. Without a default, a missing attribute fails.
  bool hasAttr(llvm::StringRef name) const;
  int64_t attrInt(llvm::StringRef name,
                  std::optional<int64_t> orElse = std::nullopt) const;
  double attrFloat(llvm::StringRef name,
                   std::optional<double> orElse = std::nullopt) const;
  std::string attrString(llvm::StringRef name,
                         std::optional<std::string> orElse = std::nullopt) const;
  std::vector<int64_t>
  attrInts(llvm::StringRef name,
           std::optional<std::vector<int64_t>> orElse = std::nullopt) const;
  std::vector<double>
  attrFloats(llvm::StringRef name,
             std::optional<std::vector<double>> orElse = std::nullopt) const;
  /// A TensorProto attribute (Constant's `value`, ConstantOfShape's).
  mlir::DenseElementsAttr attrTensor(llvm::StringRef name) const;

  // Outputs. An optional output the graph does not use has an empty name.
  size_t numOutputs() const;
  bool wantsOutput(size_t index) const;
  void setOutput(size_t index, mlir::Value value);
  const std::vector<std::pair<std::string, mlir::Value>> &outputs() const {
    return outputs_;
  }

  /// Records `value` as the new value, after a call, of the state input
  /// `index` reads (a training-mode batch norm's running statistics). The
  /// importer makes it an update of that input where the input is a buffer
  /// (an initializer); other inputs hold no state to update.
  void updateInput(size_t index, mlir::Value value);
  const std::vector<std::pair<std::string, mlir::Value>> &
  inputUpdates() const {
    return inputUpdates_;
  }

  /// Builds kiln op `name` ("kiln.add") with its result type inferred, and
  /// verifies it; folds it to a kiln.constant when its operands are all
  /// known. A dialect error (shapes that do not broadcast, ...) fails with
  /// the dialect's message.
  mlir::Value op(llvm::StringRef name, mlir::ValueRange operands,
                 llvm::ArrayRef<OpAttr> attrs = {});
  /// As op(), for an op whose result type is given rather than inferred
  /// (kiln.cast, kiln.reshape, the creation ops).
  mlir::Value op(llvm::StringRef name, mlir::Type resultType,
                 mlir::ValueRange operands, llvm::ArrayRef<OpAttr> attrs = {});
  /// As op(), for an op with several results (kiln.topk, ...).
  llvm::SmallVector<mlir::Value> ops(llvm::StringRef name,
                                     mlir::ValueRange operands,
                                     llvm::ArrayRef<OpAttr> attrs = {});
  /// A kiln.constant holding `value`.
  mlir::Value constant(mlir::DenseElementsAttr value);

  // Attribute builders for op().
  mlir::IntegerAttr i64Attr(int64_t value);
  mlir::FloatAttr f64Attr(double value);
  mlir::DenseI64ArrayAttr i64ArrayAttr(llvm::ArrayRef<int64_t> values);
  mlir::BoolAttr boolAttr(bool value);

  /// "node 'NAME' (OpType)", or "node (OpType)" for an unnamed node.
  std::string describe() const;
  /// Throws kiln::RuntimeError: "node 'NAME' (OpType): WHAT".
  [[noreturn]] void fail(const llvm::Twine &what) const;
  /// Fails for an attribute value this converter does not support.
  [[noreturn]] void unsupported(llvm::StringRef attribute,
                                const llvm::Twine &value) const;

private:
  const onnx::AttributeProto *findAttr(llvm::StringRef name) const;
  /// buildVerifiedOp, failing with the node's name; checks that each
  /// result's size fits in int64.
  mlir::Operation *build(llvm::StringRef name, mlir::ValueRange operands,
                         llvm::ArrayRef<OpAttr> attrs, mlir::TypeRange types);

  const onnx::NodeProto &node_;
  int64_t opset_;
  mlir::OpBuilder &builder_;
  const llvm::StringMap<mlir::Value> &values_;
  mlir::Location loc_;
  std::vector<std::pair<std::string, mlir::Value>> outputs_;
  std::vector<std::pair<std::string, mlir::Value>> inputUpdates_;
};

/// Converts one node; throws (through NodeContext::fail) on failure.
using Converter = void (*)(NodeContext &);

/// Op type -> converter. Each family of converters registers itself from
/// its own file through one of the register*Converters functions below.
using ConverterRegistry = llvm::StringMap<Converter>;

} // namespace kiln::onnx_import

#endif // KILN_FRONTEND_ONNX_NODECONTEXT_H
