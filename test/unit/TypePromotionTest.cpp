//===- TypePromotionTest.cpp - torch.promote_types / result_type ---------===//
//
/// The expectations are what torch 1.13 prints for the same dtypes.
//
//===----------------------------------------------------------------------===//

#include "ir/TypePromotion.h"

#include "mlir/IR/MLIRContext.h"
#include <gtest/gtest.h>

using namespace mlir;

namespace {

class TypePromotionTest : public ::testing::Test {
protected:
  MLIRContext context;
  Type f32 = Float32Type::get(&context);
  Type f64 = Float64Type::get(&context);
  Type i64 = IntegerType::get(&context, 64);
  Type i32 = IntegerType::get(&context, 32);
  Type u8 = IntegerType::get(&context, 8, IntegerType::Unsigned);
  Type i16 = IntegerType::get(&context, 16);
  Type i8 = IntegerType::get(&context, 8);
  Type u16 = IntegerType::get(&context, 16, IntegerType::Unsigned);
  Type u64 = IntegerType::get(&context, 64, IntegerType::Unsigned);
  Type i1 = IntegerType::get(&context, 1);

  RankedTensorType tensor(Type element, ArrayRef<int64_t> shape = {3}) {
    return RankedTensorType::get(shape, element);
  }
};

TEST_F(TypePromotionTest, PromoteTypesFollowsTorch) {
  EXPECT_EQ(kiln::promoteTypes(i1, u8), u8);
  EXPECT_EQ(kiln::promoteTypes(u8, i32), i32);
  EXPECT_EQ(kiln::promoteTypes(i32, i64), i64);
  EXPECT_EQ(kiln::promoteTypes(i64, f32), f32);
  EXPECT_EQ(kiln::promoteTypes(f32, f64), f64);
  EXPECT_EQ(kiln::promoteTypes(f64, i1), f64);
  EXPECT_EQ(kiln::promoteTypes(u8, u8), u8);
}

// torch has int8 and int16; the unsigned types wider than 8 bits follow the
// same rule (a signed type wide enough for both).
TEST_F(TypePromotionTest, MixedSignednessPromotesToAWiderSignedType) {
  EXPECT_EQ(kiln::promoteTypes(u8, i8), i16);
  EXPECT_EQ(kiln::promoteTypes(i8, i16), i16);
  EXPECT_EQ(kiln::promoteTypes(u8, i16), i16);
  EXPECT_EQ(kiln::promoteTypes(u16, i8), i32);
  EXPECT_EQ(kiln::promoteTypes(u64, i32), i64);
  EXPECT_EQ(kiln::promoteTypes(u64, u8), u64);
  EXPECT_EQ(kiln::promoteTypes(u16, f32), f32);
  EXPECT_EQ(kiln::getDtypeName(u16), "uint16");
  EXPECT_EQ(kiln::getDtypeName(i8), "int8");
}

TEST_F(TypePromotionTest, ZeroDimTensorsOfSameCategoryDoNotPromote) {
  // torch.ones(3) + torch.tensor(1., dtype=torch.float64) -> float32
  EXPECT_EQ(kiln::resultType({tensor(f32), tensor(f64, {})}), f32);
  // torch.ones(3, dtype=torch.int32) + torch.tensor(1) -> int32
  EXPECT_EQ(kiln::resultType({tensor(i32), tensor(i64, {})}), i32);
}

TEST_F(TypePromotionTest, ZeroDimTensorsOfHigherCategoryDecide) {
  // torch.ones(3, dtype=torch.int64) + torch.tensor(1.) -> float32
  EXPECT_EQ(kiln::resultType({tensor(i64), tensor(f32, {})}), f32);
  // torch.ones(3, dtype=torch.int64) + torch.tensor(1., dtype=float64) ->
  // float64
  EXPECT_EQ(kiln::resultType({tensor(i64), tensor(f64, {})}), f64);
  // torch.ones(3, dtype=torch.bool) + torch.tensor(2) -> int64
  EXPECT_EQ(kiln::resultType({tensor(i1), tensor(i64, {})}), i64);
}

TEST_F(TypePromotionTest, OnlyZeroDimOperands) {
  EXPECT_EQ(kiln::resultType({tensor(i32, {}), tensor(f64, {})}), f64);
}

TEST_F(TypePromotionTest, DtypeNamesArePyTorchs) {
  EXPECT_EQ(kiln::getDtypeName(f32), "float32");
  EXPECT_EQ(kiln::getDtypeName(u8), "uint8");
  EXPECT_EQ(kiln::getDtypeName(i1), "bool");
}

} // namespace
