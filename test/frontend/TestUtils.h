//===- TestUtils.h - Helpers of the frontend tests --------------*- C++ -*-===//

#ifndef KILN_TEST_FRONTEND_TESTUTILS_H
#define KILN_TEST_FRONTEND_TESTUTILS_H

#include "frontend/Kiln.h"

#include <gtest/gtest.h>

namespace kiln::test {

/// The elements of a tensor, as doubles for comparison.
template <typename T> std::vector<double> values(const Tensor &tensor) {
  const T *data = tensor.data<T>();
  return std::vector<double>(data, data + tensor.numel());
}

/// Expects `tensor` to be float32 with `shape` and elements within 1e-4 of
/// `expected` (the seeds print four decimals).
inline void expectFloats(const Tensor &tensor,
                         const std::vector<int64_t> &shape,
                         const std::vector<double> &expected) {
  ASSERT_EQ(tensor.dtype(), DType::Float32);
  ASSERT_EQ(tensor.shape(), shape);
  std::vector<double> actual = values<float>(tensor);
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_NEAR(actual[i], expected[i], 1e-4) << "element " << i;
}

/// Runs `expression` and expects a RuntimeError whose message contains
/// `fragment`.
template <typename F>
void expectError(F expression, const std::string &fragment) {
  try {
    expression();
    ADD_FAILURE() << "no error; expected one containing: " << fragment;
  } catch (const RuntimeError &error) {
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos)
        << error.what();
  }
}

} // namespace kiln::test

#endif // KILN_TEST_FRONTEND_TESTUTILS_H
