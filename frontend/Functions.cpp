//===- Functions.cpp - PyTorch's functions on kiln::Vars ------------------===//
//
/// Thin wrappers over Graph::apply; the only rule of their own is how a C++
/// double becomes a Python-like scalar operand.
//
//===----------------------------------------------------------------------===//

#include "frontend/Functions.h"
#include "frontend/Graph.h"

#include "ir/KilnDialect.h"

#include <cmath>

using namespace mlir;

namespace kiln {

static Var binary(StringRef op, const Var &lhs, const Var &rhs) {
  return lhs.graph().apply(op, {lhs, rhs});
}

static Var unary(StringRef op, const Var &x) { return x.graph().apply(op, x); }

/// The 0-d constant a Python scalar becomes beside `other`: only its kind
/// (float or integer) matters to type promotion, so it takes `other`'s dtype
/// when that is a float, int64 when it is whole, and float32 otherwise.
static Var scalarLike(const Var &other, double value) {
  DType dtype = other.dtype();
  if (dtype != DType::Float32 && dtype != DType::Float64)
    dtype = std::trunc(value) == value ? DType::Int64 : DType::Float32;
  return other.graph().scalar(value, dtype);
}

Var operator+(const Var &lhs, const Var &rhs) {
  return binary("kiln.add", lhs, rhs);
}
Var operator-(const Var &lhs, const Var &rhs) {
  return binary("kiln.sub", lhs, rhs);
}
Var operator*(const Var &lhs, const Var &rhs) {
  return binary("kiln.mul", lhs, rhs);
}
Var operator/(const Var &lhs, const Var &rhs) {
  return binary("kiln.div", lhs, rhs);
}
Var operator-(const Var &x) { return neg(x); }

Var operator+(const Var &lhs, double rhs) { return lhs + scalarLike(lhs, rhs); }
Var operator-(const Var &lhs, double rhs) { return lhs - scalarLike(lhs, rhs); }
Var operator*(const Var &lhs, double rhs) { return lhs * scalarLike(lhs, rhs); }
Var operator/(const Var &lhs, double rhs) { return lhs / scalarLike(lhs, rhs); }
Var operator+(double lhs, const Var &rhs) { return scalarLike(rhs, lhs) + rhs; }
Var operator-(double lhs, const Var &rhs) { return scalarLike(rhs, lhs) - rhs; }
Var operator*(double lhs, const Var &rhs) { return scalarLike(rhs, lhs) * rhs; }
Var operator/(double lhs, const Var &rhs) { return scalarLike(rhs, lhs) / rhs; }

Var operator<(const Var &lhs, const Var &rhs) {
  return binary("kiln.lt", lhs, rhs);
}
Var operator<=(const Var &lhs, const Var &rhs) {
  return binary("kiln.le", lhs, rhs);
}
Var operator>(const Var &lhs, const Var &rhs) {
  return binary("kiln.gt", lhs, rhs);
}
Var operator>=(const Var &lhs, const Var &rhs) {
  return binary("kiln.ge", lhs, rhs);
}
Var eq(const Var &lhs, const Var &rhs) { return binary("kiln.eq", lhs, rhs); }
Var ne(const Var &lhs, const Var &rhs) { return binary("kiln.ne", lhs, rhs); }

Var pow(const Var &base, const Var &exponent) {
  return binary("kiln.pow", base, exponent);
}
Var pow(const Var &base, double exponent) {
  return pow(base, scalarLike(base, exponent));
}
Var maximum(const Var &lhs, const Var &rhs) {
  return binary("kiln.maximum", lhs, rhs);
}
Var minimum(const Var &lhs, const Var &rhs) {
  return binary("kiln.minimum", lhs, rhs);
}
Var where(const Var &condition, const Var &lhs, const Var &rhs) {
  return condition.graph().apply("kiln.where", {condition, lhs, rhs});
}

Var neg(const Var &x) { return unary("kiln.neg", x); }
Var abs(const Var &x) { return unary("kiln.abs", x); }
Var relu(const Var &x) { return unary("kiln.relu", x); }
Var sigmoid(const Var &x) { return unary("kiln.sigmoid", x); }
Var tanh(const Var &x) { return unary("kiln.tanh", x); }
Var exp(const Var &x) { return unary("kiln.exp", x); }
Var log(const Var &x) { return unary("kiln.log", x); }
Var sqrt(const Var &x) { return unary("kiln.sqrt", x); }

Var matmul(const Var &lhs, const Var &rhs) {
  return binary("kiln.matmul", lhs, rhs);
}
Var mm(const Var &lhs, const Var &rhs) { return binary("kiln.mm", lhs, rhs); }

/// kiln.cat or kiln.stack of `tensors` along `dim`.
static Var join(StringRef op, const std::vector<Var> &tensors, int64_t dim) {
  if (tensors.empty())
    throw RuntimeError("'" + op.str() + "' needs at least one tensor");
  Graph &graph = tensors.front().graph();
  return graph.apply(op, tensors,
                     graph.builder().getNamedAttr(
                         "dim", graph.builder().getI64IntegerAttr(dim)));
}

Var cat(const std::vector<Var> &tensors, int64_t dim) {
  return join("kiln.cat", tensors, dim);
}
Var stack(const std::vector<Var> &tensors, int64_t dim) {
  return join("kiln.stack", tensors, dim);
}

static Var alongDim(StringRef op, const Var &x, int64_t dim) {
  Builder &b = x.graph().builder();
  return x.graph().apply(op, x,
                         b.getNamedAttr("dim", b.getI64IntegerAttr(dim)));
}

Var softmax(const Var &x, int64_t dim) {
  return alongDim("kiln.softmax", x, dim);
}
Var log_softmax(const Var &x, int64_t dim) {
  return alongDim("kiln.log_softmax", x, dim);
}

Var linear(const Var &x, const Var &weight) {
  return binary("kiln.linear", x, weight);
}
Var linear(const Var &x, const Var &weight, const Var &bias) {
  return x.graph().apply("kiln.linear", {x, weight, bias});
}

/// The `reduction` attribute PyTorch's string names.
static NamedAttribute getReduction(Graph &graph, const std::string &name) {
  std::optional<Reduction> reduction = symbolizeReduction(name);
  if (!reduction)
    throw RuntimeError(
        "reduction must be \"mean\", \"sum\" or \"none\", got \"" + name +
        "\"");
  return graph.builder().getNamedAttr(
      "reduction", ReductionAttr::get(&graph.context(), *reduction));
}

Var mse_loss(const Var &input, const Var &target,
             const std::string &reduction) {
  Graph &graph = input.graph();
  return graph.apply("kiln.mse_loss", {input, target},
                     getReduction(graph, reduction));
}

Var cross_entropy(const Var &input, const Var &target,
                  const std::string &reduction, int64_t ignoreIndex,
                  double labelSmoothing) {
  Graph &graph = input.graph();
  Builder &b = graph.builder();
  return graph.apply(
      "kiln.cross_entropy", {input, target},
      {getReduction(graph, reduction),
       b.getNamedAttr("ignore_index", b.getI64IntegerAttr(ignoreIndex)),
       b.getNamedAttr("label_smoothing", b.getF64FloatAttr(labelSmoothing))});
}

} // namespace kiln
