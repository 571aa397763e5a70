//===- TensorPrinterTest.cpp - PyTorch-identical printing -----------------===//
//
/// The expected strings are str() of the same tensors in PyTorch 1.13;
/// print-vs-torch.test compares hundreds more against PyTorch itself.
//
//===----------------------------------------------------------------------===//

#include "runtime/TensorPrinter.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace kiln;

namespace {

template <typename T> std::vector<T> iota(size_t count) {
  std::vector<T> values(count);
  for (size_t i = 0; i < count; ++i)
    values[i] = static_cast<T>(i);
  return values;
}

TEST(TensorPrinterTest, ChoosesScientificMode) {
  // torch.tensor([1.5, -2.25e-5, 3.])
  EXPECT_EQ(formatTensor(Tensor::fromValues<float>({3}, {1.5f, -2.25e-5f, 3})),
            "tensor([ 1.5000e+00, -2.2500e-05,  3.0000e+00])");
  // torch.tensor([1e10, 1.], dtype=torch.float64)
  EXPECT_EQ(formatTensor(Tensor::fromValues<double>({2}, {1e10, 1})),
            "tensor([1.0000e+10, 1.0000e+00], dtype=torch.float64)");
}

TEST(TensorPrinterTest, IntegerModeAndSpecialValues) {
  // torch.tensor([-0., 1., float("nan"), float("inf")])
  EXPECT_EQ(formatTensor(Tensor::fromValues<float>(
                {4}, {-0.0f, 1.0f, NAN, INFINITY})),
            "tensor([-0., 1., nan, inf])");
}

TEST(TensorPrinterTest, ScalarsAndBools) {
  EXPECT_EQ(formatTensor(Tensor::fromValues<int64_t>({}, {104})),
            "tensor(104)");
  EXPECT_EQ(formatTensor(Tensor::fromValues<bool>({1, 2}, {true, false})),
            "tensor([[ True, False]])");
}

TEST(TensorPrinterTest, EmptyTensorsShowSizeAndDType) {
  EXPECT_EQ(formatTensor(Tensor::zeros(DType::Float32, {0, 3})),
            "tensor([], size=(0, 3))");
  EXPECT_EQ(formatTensor(Tensor::zeros(DType::Int64, {0})),
            "tensor([], dtype=torch.int64)");
}

TEST(TensorPrinterTest, SummarizesLargeTensors) {
  // torch.arange(2000, dtype=torch.int32)
  EXPECT_EQ(formatTensor(Tensor::fromValues<int32_t>({2000}, iota<int32_t>(2000))),
            "tensor([   0,    1,    2,  ..., 1997, 1998, 1999], "
            "dtype=torch.int32)");
}

TEST(TensorPrinterTest, WrapsLinesAndNests) {
  // torch.arange(30, dtype=torch.uint8)
  EXPECT_EQ(formatTensor(Tensor::fromValues<uint8_t>({30}, iota<uint8_t>(30))),
            "tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, "
            "14, 15, 16, 17,\n"
            "        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], "
            "dtype=torch.uint8)");
  // torch.arange(8.).reshape(2, 2, 2)
  EXPECT_EQ(formatTensor(Tensor::fromValues<float>({2, 2, 2}, iota<float>(8))),
            "tensor([[[0., 1.],\n"
            "         [2., 3.]],\n"
            "\n"
            "        [[4., 5.],\n"
            "         [6., 7.]]])");
}

} // namespace
