//===- ConstantFoldingTest.cpp - Evaluating ops over constants -----------===//

#include "ir/ConstantFolding.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"
#include <gtest/gtest.h>

using namespace mlir;

namespace {

class ConstantFoldingTest : public ::testing::Test {
protected:
  MLIRContext context;
  Type f32 = Float32Type::get(&context);
  Type u8 = IntegerType::get(&context, 8, IntegerType::Unsigned);

  DenseElementsAttr floats(ArrayRef<int64_t> shape, ArrayRef<float> values) {
    return DenseElementsAttr::get(RankedTensorType::get(shape, f32), values);
  }
};

TEST_F(ConstantFoldingTest, RecognizesSplats) {
  EXPECT_TRUE(kiln::isSplatOf(floats({2}, {0.0f, 0.0f}), 0.0));
  EXPECT_FALSE(kiln::isSplatOf(floats({2}, {0.0f, 1.0f}), 0.0));
  EXPECT_FALSE(kiln::isSplatOf(nullptr, 0.0));
}

TEST_F(ConstantFoldingTest, BroadcastsOperands) {
  auto lhs = floats({2, 1}, {1.0f, 2.0f});
  auto rhs = floats({3}, {10.0f, 20.0f, 30.0f});
  auto resultType = RankedTensorType::get({2, 3}, f32);
  auto folded = dyn_cast_or_null<DenseElementsAttr>(kiln::foldBinary(
      lhs, rhs, resultType,
      [](const APFloat &a, const APFloat &b) { return a + b; }, nullptr));
  ASSERT_TRUE(folded);
  EXPECT_EQ(llvm::to_vector(folded.getValues<float>()),
            (SmallVector<float>{11, 21, 31, 12, 22, 32}));
}

TEST_F(ConstantFoldingTest, UnsignedBytesWrapLikeTorchUint8) {
  auto type = RankedTensorType::get({1}, u8);
  auto lhs = DenseElementsAttr::get(type, ArrayRef<APInt>{APInt(8, 250)});
  auto rhs = DenseElementsAttr::get(type, ArrayRef<APInt>{APInt(8, 10)});
  auto folded = dyn_cast_or_null<DenseElementsAttr>(kiln::foldBinary(
      lhs, rhs, type, nullptr,
      [](const APInt &a, const APInt &b, bool) { return a + b; }));
  ASSERT_TRUE(folded);
  EXPECT_EQ((*folded.getValues<APInt>().begin()).getZExtValue(), 4u);
}

TEST_F(ConstantFoldingTest, DeclinesLargeResults) {
  auto big = RankedTensorType::get({kiln::kMaxFoldedElements + 1}, f32);
  auto splat = DenseElementsAttr::get(big, 1.0f);
  EXPECT_FALSE(kiln::foldBinary(
      splat, splat, big,
      [](const APFloat &a, const APFloat &b) { return a + b; }, nullptr));
}

} // namespace
