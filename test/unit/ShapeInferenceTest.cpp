//===- ShapeInferenceTest.cpp - Broadcasting and dimension rules ---------===//

#include "ir/ShapeInference.h"

#include "mlir/IR/MLIRContext.h"
#include <gtest/gtest.h>

using namespace mlir;

namespace {

TEST(ShapeInferenceTest, FormatShapeLikeTorchSize) {
  EXPECT_EQ(kiln::formatShape({}), "[]");
  EXPECT_EQ(kiln::formatShape({1, 5}), "[1, 5]");
}

TEST(ShapeInferenceTest, BroadcastsLikeNumPy) {
  auto shape = kiln::broadcastShapes(
      std::nullopt, "kiln.add",
      {ArrayRef<int64_t>{5, 1, 4}, ArrayRef<int64_t>{3, 1}});
  ASSERT_TRUE(succeeded(shape));
  EXPECT_EQ(*shape, (SmallVector<int64_t>{5, 3, 4}));
}

TEST(ShapeInferenceTest, BroadcastOfZeroSizedDimension) {
  auto shape =
      kiln::broadcastShapes(std::nullopt, "kiln.add",
                            {ArrayRef<int64_t>{0, 3}, ArrayRef<int64_t>{1, 3}});
  ASSERT_TRUE(succeeded(shape));
  EXPECT_EQ(*shape, (SmallVector<int64_t>{0, 3}));
}

TEST(ShapeInferenceTest, BroadcastMismatchReportsBothShapes) {
  MLIRContext context;
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  auto shape =
      kiln::broadcastShapes(UnknownLoc::get(&context), "kiln.add",
                            {ArrayRef<int64_t>{2, 3}, ArrayRef<int64_t>{4}});
  EXPECT_TRUE(failed(shape));
  EXPECT_NE(message.find("'kiln.add' op shapes [2, 3] and [4]"),
            std::string::npos)
      << message;
}

TEST(ShapeInferenceTest, NormalizesNegativeDims) {
  EXPECT_EQ(*kiln::normalizeDim(std::nullopt, "kiln.sum", -1, 3), 2);
  EXPECT_EQ(*kiln::normalizeDim(std::nullopt, "kiln.sum", 0, 0), 0);
  EXPECT_EQ(*kiln::normalizeDim(std::nullopt, "kiln.sum", -1, 0), 0);
  EXPECT_TRUE(failed(kiln::normalizeDim(std::nullopt, "kiln.sum", 3, 3)));
  EXPECT_TRUE(failed(kiln::normalizeDim(std::nullopt, "kiln.sum", -4, 3)));
}

TEST(ShapeInferenceTest, ReducedDimsAreSortedAndUnique) {
  auto dims = kiln::getReducedDims(std::nullopt, "kiln.sum",
                                   ArrayRef<int64_t>{-1, 0}, 3);
  ASSERT_TRUE(succeeded(dims));
  EXPECT_EQ(*dims, (SmallVector<int64_t>{0, 2}));
  EXPECT_TRUE(failed(kiln::getReducedDims(std::nullopt, "kiln.sum",
                                          ArrayRef<int64_t>{1, -2}, 3)));
}

} // namespace
