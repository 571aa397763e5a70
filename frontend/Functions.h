//===- Functions.h - PyTorch's functions on kiln::Vars ----------*- C++ -*-===//
//
/// torch.* and torch.nn.functional.* over graph values, with C++ operators
/// for Python's. A double operand stands for a Python scalar: it becomes a
/// 0-d constant of the other operand's kind (float, or integer when the
/// number is whole and the tensor is an integer or bool tensor), so type
/// promotion gives what PyTorch gives: `x * 2.0` keeps float32, and `i / 2`
/// on an int64 tensor is float32.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_FUNCTIONS_H
#define KILN_FRONTEND_FUNCTIONS_H

#include "frontend/Var.h"

#include <string>

namespace kiln {

Var operator+(const Var &lhs, const Var &rhs);
Var operator-(const Var &lhs, const Var &rhs);
Var operator*(const Var &lhs, const Var &rhs);
/// True division: integers give float32.
Var operator/(const Var &lhs, const Var &rhs);
Var operator-(const Var &x);

Var operator+(const Var &lhs, double rhs);
Var operator-(const Var &lhs, double rhs);
Var operator*(const Var &lhs, double rhs);
Var operator/(const Var &lhs, double rhs);
Var operator+(double lhs, const Var &rhs);
Var operator-(double lhs, const Var &rhs);
Var operator*(double lhs, const Var &rhs);
Var operator/(double lhs, const Var &rhs);

/// Comparisons give bool tensors. Var has no == operator, as a handle that
/// compares unequal to itself would surprise containers.
Var operator<(const Var &lhs, const Var &rhs);
Var operator<=(const Var &lhs, const Var &rhs);
Var operator>(const Var &lhs, const Var &rhs);
Var operator>=(const Var &lhs, const Var &rhs);
Var eq(const Var &lhs, const Var &rhs);
Var ne(const Var &lhs, const Var &rhs);

Var pow(const Var &base, const Var &exponent);
Var pow(const Var &base, double exponent);
Var maximum(const Var &lhs, const Var &rhs);
Var minimum(const Var &lhs, const Var &rhs);
/// torch.where: `condition` is a bool tensor; all three broadcast.
Var where(const Var &condition, const Var &lhs, const Var &rhs);

Var neg(const Var &x);
Var abs(const Var &x);
Var relu(const Var &x);
Var sigmoid(const Var &x);
Var tanh(const Var &x);
Var exp(const Var &x);
Var log(const Var &x);
Var sqrt(const Var &x);

/// torch.matmul with its 1-d, batched and broadcast cases.
Var matmul(const Var &lhs, const Var &rhs);
/// torch.mm: two matrices only.
Var mm(const Var &lhs, const Var &rhs);

Var cat(const std::vector<Var> &tensors, int64_t dim = 0);
Var stack(const std::vector<Var> &tensors, int64_t dim = 0);

Var softmax(const Var &x, int64_t dim);
Var log_softmax(const Var &x, int64_t dim);
/// x W^T (+ b), with W as nn.Linear stores it: [out_features, in_features].
Var linear(const Var &x, const Var &weight);
Var linear(const Var &x, const Var &weight, const Var &bias);

/// Losses; `reduction` is "mean", "sum" or "none" as in PyTorch.
Var mse_loss(const Var &input, const Var &target,
             const std::string &reduction = "mean");
/// `target` holds int64 class indices.
Var cross_entropy(const Var &input, const Var &target,
                  const std::string &reduction = "mean",
                  int64_t ignoreIndex = -100, double labelSmoothing = 0.0);

} // namespace kiln

#endif // KILN_FRONTEND_FUNCTIONS_H
