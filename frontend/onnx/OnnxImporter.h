//===- OnnxImporter.h - ONNX models as kiln models --------------*- C++ -*-===//
//
/// Imports an ONNX model (opsets 7 to 17 of the default domain) as a kiln
/// model function: graph inputs become `kiln.input` arguments, floating-point
/// initializers become `kiln.param` arguments under their ONNX names (their
/// values are returned beside the module), other initializers become
/// constants, and graph outputs become `kiln.output` results. Every node is
/// converted by the converter registered for its op type (Converters.h);
/// shape computations are folded at import so the model is fully static.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_ONNX_ONNXIMPORTER_H
#define KILN_FRONTEND_ONNX_ONNXIMPORTER_H

#include "runtime/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiln {

struct OnnxImportOptions {
  /// Shapes of graph inputs, by name. Required for inputs whose ONNX shape
  /// has a symbolic or unknown dimension (unless givenInputs has a value for
  /// them); an error when it contradicts a fixed one.
  std::map<std::string, std::vector<int64_t>> inputShapes;
  /// The values the caller will feed to graph inputs (`kiln run --input`, a
  /// conformance test's data). Their shapes fix the inputs' symbolic
  /// dimensions. Where the model needs a value at import to know a shape (a
  /// Reshape's shape, Slice's starts or Range's bounds computed from graph
  /// inputs), the given inputs that value is computed from become constants
  /// of these values: the model is specialized on them and no longer takes
  /// them. The others stay inputs.
  std::map<std::string, Tensor> givenInputs;
};

struct ImportedOnnxModel {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// The initializers that became parameters (buffers included), by name.
  std::map<std::string, Tensor> parameters;
  /// The graph inputs bound to their OnnxImportOptions::givenInputs values,
  /// which the model no longer takes.
  std::set<std::string> boundInputs;
};

/// The oldest and newest opsets of the default domain Kiln imports.
inline constexpr int64_t kMinOnnxOpset = 7;
inline constexpr int64_t kMaxOnnxOpset = 17;

/// Imports the ONNX model in file `path`. Throws RuntimeError naming the
/// file, and the node and op type where one is at fault, for a file that is
/// not an ONNX model, an unsupported opset, op, attribute or dtype, or a
/// node the dialect rejects.
ImportedOnnxModel importOnnxModel(mlir::MLIRContext &context,
                                  const std::string &path,
                                  const OnnxImportOptions &options = {});

/// Whether `path` names an ONNX model (by its .onnx extension).
bool isOnnxModelPath(const std::string &path);

} // namespace kiln

#endif // KILN_FRONTEND_ONNX_ONNXIMPORTER_H
