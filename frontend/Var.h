//===- Var.h - A value of a kiln::Graph -------------------------*- C++ -*-===//
//
/// kiln::Var is the handle a graph hands out for each tensor it computes, as
/// a torch.Tensor is in the program being mirrored: it names an SSA value of
/// the graph and offers PyTorch's Tensor methods. A Var is cheap to copy; it
/// stays valid as long as its Graph. The free functions and operators live in
/// frontend/Functions.h.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_VAR_H
#define KILN_FRONTEND_VAR_H

#include "runtime/Tensor.h"

#include "mlir/IR/Value.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace kiln {

class Graph;

class Var {
public:
  /// An empty handle; using it throws.
  Var() = default;
  Var(Graph *graph, mlir::Value value) : graph_(graph), value_(value) {}

  /// The graph that owns the value; throws for an empty handle.
  Graph &graph() const;
  mlir::Value value() const { return value_; }

  std::vector<int64_t> shape() const;
  /// The size of dimension `dim` (negative counts from the end).
  int64_t size(int64_t dim) const;
  int64_t dim() const { return static_cast<int64_t>(shape().size()); }
  DType dtype() const;

  /// Reductions over `dims` (every dimension when empty).
  Var sum(const std::vector<int64_t> &dims = {}, bool keepdim = false) const;
  Var mean(const std::vector<int64_t> &dims = {}, bool keepdim = false) const;
  /// torch.amax: the largest values, without their indices.
  Var max(const std::vector<int64_t> &dims = {}, bool keepdim = false) const;
  Var min(const std::vector<int64_t> &dims = {}, bool keepdim = false) const;
  Var argmax(int64_t dim, bool keepdim = false) const;

  /// One entry of `shape` may be -1 and is inferred.
  Var view(const std::vector<int64_t> &shape) const;
  Var reshape(const std::vector<int64_t> &shape) const;
  Var flatten(int64_t startDim = 0, int64_t endDim = -1) const;
  /// Tensor.t(): transposes a matrix, returns 0-d and 1-d tensors as they are.
  Var t() const;
  Var transpose(int64_t dim0, int64_t dim1) const;
  Var permute(const std::vector<int64_t> &dims) const;
  /// Drops the size-1 dimensions among `dims` (all of them when empty).
  Var squeeze(const std::vector<int64_t> &dims = {}) const;
  Var unsqueeze(int64_t dim) const;
  Var expand(const std::vector<int64_t> &sizes) const;
  /// x[..., start:end:step] along `dim`; start and end clamp as in Python.
  Var slice(int64_t dim, int64_t start,
            int64_t end = std::numeric_limits<int64_t>::max(),
            int64_t step = 1) const;
  /// Tensor.to(dtype).
  Var to(DType dtype) const;

private:
  Graph *graph_ = nullptr;
  mlir::Value value_;
};

} // namespace kiln

#endif // KILN_FRONTEND_VAR_H
