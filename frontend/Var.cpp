//===- Var.cpp - PyTorch's Tensor methods on graph values -----------------===//
//
/// Each method names its kiln op and attributes and leaves inference and
/// verification to Graph::apply, so the dialect's rules are not repeated here.
//
//===----------------------------------------------------------------------===//

#include "frontend/Var.h"
#include "frontend/Graph.h"
#include "frontend/Support.h"

using namespace mlir;

namespace kiln {

Graph &Var::graph() const {
  if (!graph_)
    throw RuntimeError("use of an empty kiln::Var");
  return *graph_;
}

std::vector<int64_t> Var::shape() const {
  graph();
  ArrayRef<int64_t> shape = cast<RankedTensorType>(value_.getType()).getShape();
  return {shape.begin(), shape.end()};
}

int64_t Var::size(int64_t dim) const {
  std::vector<int64_t> sizes = shape();
  int64_t rank = static_cast<int64_t>(sizes.size());
  if (dim < -rank || dim >= rank)
    throw RuntimeError("dimension " + std::to_string(dim) +
                       " is out of range for shape " + formatShape(sizes));
  return sizes[dim < 0 ? dim + rank : dim];
}

DType Var::dtype() const {
  graph();
  return getDType(cast<RankedTensorType>(value_.getType()).getElementType());
}

/// A `kiln.<op>` reduction over `dims`, all of them when empty.
static Var reduce(const Var &x, StringRef op, const std::vector<int64_t> &dims,
                  bool keepdim) {
  Builder &b = x.graph().builder();
  SmallVector<NamedAttribute> attrs;
  if (!dims.empty())
    attrs.push_back(b.getNamedAttr("dim", b.getDenseI64ArrayAttr(dims)));
  if (keepdim)
    attrs.push_back(b.getNamedAttr("keepdim", b.getUnitAttr()));
  return x.graph().apply(op, x, attrs);
}

Var Var::sum(const std::vector<int64_t> &dims, bool keepdim) const {
  return reduce(*this, "kiln.sum", dims, keepdim);
}

Var Var::mean(const std::vector<int64_t> &dims, bool keepdim) const {
  return reduce(*this, "kiln.mean", dims, keepdim);
}

Var Var::max(const std::vector<int64_t> &dims, bool keepdim) const {
  return reduce(*this, "kiln.max", dims, keepdim);
}

Var Var::min(const std::vector<int64_t> &dims, bool keepdim) const {
  return reduce(*this, "kiln.min", dims, keepdim);
}

Var Var::argmax(int64_t dim, bool keepdim) const {
  Builder &b = graph().builder();
  SmallVector<NamedAttribute> attrs = {
      b.getNamedAttr("dim", b.getI64IntegerAttr(dim))};
  if (keepdim)
    attrs.push_back(b.getNamedAttr("keepdim", b.getUnitAttr()));
  return graph().apply("kiln.argmax", *this, attrs);
}

Var Var::view(const std::vector<int64_t> &shape) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.view", *this,
                       b.getNamedAttr("shape", b.getDenseI64ArrayAttr(shape)));
}

Var Var::reshape(const std::vector<int64_t> &shape) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.reshape", *this,
                       b.getNamedAttr("shape", b.getDenseI64ArrayAttr(shape)));
}

Var Var::flatten(int64_t startDim, int64_t endDim) const {
  Builder &b = graph().builder();
  return graph().apply(
      "kiln.flatten", *this,
      {b.getNamedAttr("start_dim", b.getI64IntegerAttr(startDim)),
       b.getNamedAttr("end_dim", b.getI64IntegerAttr(endDim))});
}

Var Var::t() const {
  int64_t rank = dim();
  if (rank > 2)
    throw RuntimeError("t() expects a tensor with <= 2 dimensions, but it has "
                       "shape " +
                       formatShape(shape()));
  return rank < 2 ? *this : transpose(0, 1);
}

Var Var::transpose(int64_t dim0, int64_t dim1) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.transpose", *this,
                       {b.getNamedAttr("dim0", b.getI64IntegerAttr(dim0)),
                        b.getNamedAttr("dim1", b.getI64IntegerAttr(dim1))});
}

Var Var::permute(const std::vector<int64_t> &dims) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.permute", *this,
                       b.getNamedAttr("dims", b.getDenseI64ArrayAttr(dims)));
}

Var Var::squeeze(const std::vector<int64_t> &dims) const {
  Builder &b = graph().builder();
  if (dims.empty())
    return graph().apply("kiln.squeeze", *this);
  return graph().apply("kiln.squeeze", *this,
                       b.getNamedAttr("dim", b.getDenseI64ArrayAttr(dims)));
}

Var Var::unsqueeze(int64_t dim) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.unsqueeze", *this,
                       b.getNamedAttr("dim", b.getI64IntegerAttr(dim)));
}

Var Var::expand(const std::vector<int64_t> &sizes) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.expand", *this,
                       b.getNamedAttr("sizes", b.getDenseI64ArrayAttr(sizes)));
}

Var Var::slice(int64_t dim, int64_t start, int64_t end, int64_t step) const {
  Builder &b = graph().builder();
  return graph().apply("kiln.slice", *this,
                       {b.getNamedAttr("dim", b.getI64IntegerAttr(dim)),
                        b.getNamedAttr("start", b.getI64IntegerAttr(start)),
                        b.getNamedAttr("end", b.getI64IntegerAttr(end)),
                        b.getNamedAttr("step", b.getI64IntegerAttr(step))});
}

Var Var::to(DType dtype) const {
  auto type =
      RankedTensorType::get(shape(), getElementType(&graph().context(), dtype));
  return graph().apply("kiln.cast", *this, {}, type);
}

} // namespace kiln
