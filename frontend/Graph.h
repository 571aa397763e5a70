//===- Graph.h - Building kiln models in C++ --------------------*- C++ -*-===//
//
/// A graph builder that reads like the PyTorch program a model comes from:
///
///   kiln::Graph g;
///   auto x = g.input("x", {1, 5});
///   auto w = g.param("w", {1, 5});
///   auto b = g.param("b", {1, 1});
///   g.output("y", kiln::sigmoid((x * w).sum() + b));
///   kiln::Model model = g.compile();
///
/// The graph is a kiln model (docs/model-format.md) under construction: one
/// func.func whose arguments are the inputs and parameters and whose results
/// are the outputs. Every op is created through the op's own type inference
/// and verifier, so a shape or dtype error is thrown as kiln::RuntimeError
/// with the dialect's message at the line that built the op, instead of
/// surfacing later as an invalid module.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_GRAPH_H
#define KILN_FRONTEND_GRAPH_H

#include "codegen/device/Device.h"
#include "frontend/Var.h"
#include "runtime/Tensor.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <memory>
#include <string>
#include <vector>

namespace kiln {

class Model;

class Graph {
public:
  /// A graph whose parameters are initialized as after
  /// torch.manual_seed(seed); `name` names the model function.
  explicit Graph(uint64_t seed = 0, const std::string &name = "model");
  ~Graph();
  // Vars point at their graph, so it stays where it was built.
  Graph(const Graph &) = delete;
  Graph &operator=(const Graph &) = delete;

  /// Data supplied on every run (`kiln.input`).
  Var input(const std::string &name, const std::vector<int64_t> &shape,
            DType dtype = DType::Float32);
  /// State kept between runs (`kiln.param`), initialized with the `kiln.init`
  /// initializer `init` ("" for none: run() must then be given its value).
  /// `fanIn` is the `kiln.fan_in` that "fan_in_uniform" needs.
  Var param(const std::string &name, const std::vector<int64_t> &shape,
            const std::string &init = "", DType dtype = DType::Float32,
            int64_t fanIn = 0);
  /// A tensor baked into the model.
  Var constant(const Tensor &value);
  /// A 0-d constant, as PyTorch wraps a Python scalar.
  Var scalar(double value, DType dtype);
  /// Makes `value` a result of the model, named `name` (`kiln.output`).
  void output(const std::string &name, const Var &value);

  /// Creates the single-result kiln op `opName` (e.g. "kiln.erf") with its
  /// result type inferred, or `resultType` for an op without inference, and
  /// verifies it. The ops without a C++ wrapper are reached this way.
  Var apply(llvm::StringRef opName, llvm::ArrayRef<Var> operands,
            llvm::ArrayRef<mlir::NamedAttribute> attributes = {},
            mlir::Type resultType = {});

  /// Compiles the model for `device` (one of getAvailableDevices(): "cpu");
  /// the graph stays usable. An unknown device throws, naming the
  /// available ones.
  Model compile(const std::string &device = kDefaultDevice) const;

  /// The model as MLIR text.
  std::string toString() const;
  mlir::ModuleOp module() const { return module_.get(); }
  mlir::MLIRContext &context() const { return *context_; }
  /// For building attributes of apply().
  mlir::Builder &builder() { return builder_; }

private:
  /// Adds an argument with the model-format attributes `attrs`.
  Var addArgument(mlir::Type type, llvm::ArrayRef<mlir::NamedAttribute> attrs);

  std::shared_ptr<mlir::MLIRContext> context_;
  mlir::OwningOpRef<mlir::ModuleOp> module_;
  /// The func.func being built and its return, before which ops are added.
  mlir::Operation *func_;
  mlir::Operation *return_;
  mlir::OpBuilder builder_;
  std::vector<mlir::Value> outputs_;
};

} // namespace kiln

#endif // KILN_FRONTEND_GRAPH_H
