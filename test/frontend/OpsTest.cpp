//===- OpsTest.cpp - Every function and method of the C++ API -------------===//
//
/// Each test builds a few outputs from small inputs, checks the inferred
/// shapes and dtypes at build time, compiles, and checks the values against
/// what PyTorch computes for the same expressions.
//
//===----------------------------------------------------------------------===//

#include "test/frontend/TestUtils.h"

#include <cmath>

using namespace kiln;
using kiln::test::expectFloats;
using kiln::test::values;

namespace {

using Shape = std::vector<int64_t>;

const Tensor kA = Tensor::fromValues<float>({2, 3}, {1, -2, 3, -4, 5, -6});
const Tensor kB = Tensor::fromValues<float>({3}, {2, 4, 8});

TEST(OpsTest, ArithmeticBroadcastsAndTakesScalars) {
  Graph g;
  auto a = g.input("a", {2, 3});
  auto b = g.input("b", {3});
  g.output("add", a + b);
  g.output("sub", a - b);
  g.output("mul", a * b);
  g.output("div", a / b);
  g.output("neg", -a);
  g.output("scalars", (2.0 * a + 1.0) / 4.0 - 0.5);
  g.output("rsub", 1.0 - b / b);
  g.output("rdiv", 8.0 / b);
  g.output("pow", pow(b, 2.0));
  g.output("maximum", maximum(a, b * -1.0));
  g.output("minimum", minimum(a, b * 0.0));
  EXPECT_EQ((a + b).shape(), (Shape{2, 3}));
  auto out = g.compile().run({{"a", kA}, {"b", kB}});
  expectFloats(out.at("add"), {2, 3}, {3, 2, 11, -2, 9, 2});
  expectFloats(out.at("sub"), {2, 3}, {-1, -6, -5, -6, 1, -14});
  expectFloats(out.at("mul"), {2, 3}, {2, -8, 24, -8, 20, -48});
  expectFloats(out.at("div"), {2, 3}, {0.5, -0.5, 0.375, -2, 1.25, -0.75});
  expectFloats(out.at("neg"), {2, 3}, {-1, 2, -3, 4, -5, 6});
  expectFloats(out.at("scalars"), {2, 3},
               {0.25, -1.25, 1.25, -2.25, 2.25, -3.25});
  expectFloats(out.at("rsub"), {3}, {0, 0, 0});
  expectFloats(out.at("rdiv"), {3}, {4, 2, 1});
  expectFloats(out.at("pow"), {3}, {4, 16, 64});
  expectFloats(out.at("maximum"), {2, 3}, {1, -2, 3, -2, 5, -6});
  expectFloats(out.at("minimum"), {2, 3}, {0, -2, 0, -4, 0, -6});
}

TEST(OpsTest, ScalarsPromoteLikePythonNumbers) {
  Graph g;
  auto i = g.input("i", {2}, DType::Int64);
  auto d = g.input("d", {2}, DType::Float64);
  EXPECT_EQ((i * 2.0).dtype(), DType::Int64);
  EXPECT_EQ((i + 0.5).dtype(), DType::Float32);
  EXPECT_EQ((i / 2.0).dtype(), DType::Float32);
  EXPECT_EQ((d * 2.0).dtype(), DType::Float64);
  EXPECT_EQ(i.to(DType::Float64).dtype(), DType::Float64);
  g.output("twice", i * 2.0);
  g.output("half", i / 2.0);
  auto out = g.compile().run({{"i", Tensor::fromValues<int64_t>({2}, {3, 5})},
                              {"d", Tensor::zeros(DType::Float64, {2})}});
  EXPECT_EQ(values<int64_t>(out.at("twice")), (std::vector<double>{6, 10}));
  expectFloats(out.at("half"), {2}, {1.5, 2.5});
}

TEST(OpsTest, UnaryFunctions) {
  Graph g;
  auto a = g.input("a", {2, 3});
  g.output("relu", relu(a));
  g.output("sigmoid", sigmoid(a));
  g.output("exp", exp(a));
  g.output("abs", abs(a));
  g.output("log", log(abs(a)));
  g.output("sqrt", sqrt(abs(a)));
  auto out = g.compile().run({{"a", kA}});
  std::vector<double> x = values<float>(kA);
  auto map = [&](double (*f)(double)) {
    std::vector<double> y;
    for (double v : x)
      y.push_back(f(v));
    return y;
  };
  expectFloats(out.at("relu"), {2, 3}, {1, 0, 3, 0, 5, 0});
  expectFloats(out.at("sigmoid"), {2, 3},
               map([](double v) { return 1 / (1 + std::exp(-v)); }));
  expectFloats(out.at("exp"), {2, 3},
               map([](double v) { return std::exp(v); }));
  expectFloats(out.at("abs"), {2, 3}, {1, 2, 3, 4, 5, 6});
  expectFloats(out.at("log"), {2, 3},
               map([](double v) { return std::log(std::fabs(v)); }));
  expectFloats(out.at("sqrt"), {2, 3},
               map([](double v) { return std::sqrt(std::fabs(v)); }));
}

// Only built, not run: the CPU pipeline lowers math.tanh to a libm call
// behind a C wrapper (_mlir_ciface_tanhf) that the JIT cannot resolve.
TEST(OpsTest, TanhBuilds) {
  Graph g;
  auto i = g.input("i", {2, 3}, DType::Int64);
  EXPECT_EQ(tanh(i).dtype(), DType::Float32);
  EXPECT_EQ(tanh(i).shape(), (Shape{2, 3}));
}

TEST(OpsTest, ComparisonsAndWhere) {
  Graph g;
  auto a = g.input("a", {2, 3});
  auto b = g.input("b", {3});
  auto zero = g.scalar(0, DType::Float32);
  EXPECT_EQ((a > zero).dtype(), DType::Bool);
  g.output("where", where(a > zero, a, b));
  g.output("lt", (a < zero).to(DType::Float32));
  g.output("le", (a <= b - 1.0).to(DType::Float32));
  g.output("ge", (a >= b).to(DType::Float32));
  g.output("eq", eq(a, a).to(DType::Float32));
  g.output("ne", ne(a, b).to(DType::Float32));
  auto out = g.compile().run({{"a", kA}, {"b", kB}});
  expectFloats(out.at("where"), {2, 3}, {1, 4, 3, 2, 5, 8});
  expectFloats(out.at("lt"), {2, 3}, {0, 1, 0, 1, 0, 1});
  expectFloats(out.at("le"), {2, 3}, {1, 1, 1, 1, 0, 1});
  expectFloats(out.at("ge"), {2, 3}, {0, 0, 0, 0, 1, 0});
  expectFloats(out.at("eq"), {2, 3}, {1, 1, 1, 1, 1, 1});
  expectFloats(out.at("ne"), {2, 3}, {1, 1, 1, 1, 1, 1});
}

TEST(OpsTest, Reductions) {
  Graph g;
  auto a = g.input("a", {2, 3});
  EXPECT_EQ(a.sum().shape(), Shape{});
  EXPECT_EQ(a.sum({1}, true).shape(), (Shape{2, 1}));
  g.output("sum", a.sum());
  g.output("sum1", a.sum({1}, true));
  g.output("mean0", a.mean({0}));
  g.output("max", a.max({-1}));
  g.output("min", a.min());
  g.output("argmax", a.argmax(1));
  auto out = g.compile().run({{"a", kA}});
  expectFloats(out.at("sum"), {}, {-3});
  expectFloats(out.at("sum1"), {2, 1}, {2, -5});
  expectFloats(out.at("mean0"), {3}, {-1.5, 1.5, -1.5});
  expectFloats(out.at("max"), {2}, {3, 5});
  expectFloats(out.at("min"), {}, {-6});
  EXPECT_EQ(values<int64_t>(out.at("argmax")), (std::vector<double>{2, 1}));
}

TEST(OpsTest, ShapeMethods) {
  Graph g;
  auto a = g.input("a", {2, 3});
  EXPECT_EQ(a.view({-1}).shape(), Shape{6});
  EXPECT_EQ(a.reshape({3, -1}).shape(), (Shape{3, 2}));
  EXPECT_EQ(a.t().shape(), (Shape{3, 2}));
  EXPECT_EQ(a.unsqueeze(1).shape(), (Shape{2, 1, 3}));
  EXPECT_EQ(a.unsqueeze(0).squeeze().shape(), (Shape{2, 3}));
  EXPECT_EQ(a.size(-1), 3);
  EXPECT_EQ(a.dim(), 2);
  g.output("view", a.view({3, 2}));
  g.output("reshape", a.reshape({-1}));
  g.output("t", a.t());
  g.output("transpose", a.unsqueeze(0).transpose(0, 2));
  g.output("permute", a.unsqueeze(2).permute({2, 1, 0}));
  g.output("squeeze", a.unsqueeze(1).squeeze({1}));
  g.output("expand", a.sum({1}, true).expand({2, 2}));
  g.output("flatten", a.unsqueeze(0).flatten(1));
  g.output("slice", a.slice(1, 0, 3, 2));
  g.output("tail", a.slice(0, -1));
  auto out = g.compile().run({{"a", kA}});
  expectFloats(out.at("view"), {3, 2}, {1, -2, 3, -4, 5, -6});
  expectFloats(out.at("reshape"), {6}, {1, -2, 3, -4, 5, -6});
  expectFloats(out.at("t"), {3, 2}, {1, -4, -2, 5, 3, -6});
  expectFloats(out.at("transpose"), {3, 2, 1}, {1, -4, -2, 5, 3, -6});
  expectFloats(out.at("permute"), {1, 3, 2}, {1, -4, -2, 5, 3, -6});
  expectFloats(out.at("squeeze"), {2, 3}, {1, -2, 3, -4, 5, -6});
  expectFloats(out.at("expand"), {2, 2}, {2, 2, -5, -5});
  expectFloats(out.at("flatten"), {1, 6}, {1, -2, 3, -4, 5, -6});
  expectFloats(out.at("slice"), {2, 2}, {1, 3, -4, -6});
  expectFloats(out.at("tail"), {1, 3}, {-4, 5, -6});
}

TEST(OpsTest, CatAndStack) {
  Graph g;
  auto a = g.input("a", {2, 3});
  auto b = g.input("b", {3});
  g.output("cat0", cat({a, b.unsqueeze(0)}));
  g.output("cat1", cat({a, a}, 1));
  g.output("stack", stack({b, b * 2.0}));
  g.output("stack1", stack({b, b}, 1));
  auto out = g.compile().run({{"a", kA}, {"b", kB}});
  expectFloats(out.at("cat0"), {3, 3}, {1, -2, 3, -4, 5, -6, 2, 4, 8});
  expectFloats(out.at("cat1"), {2, 6},
               {1, -2, 3, 1, -2, 3, -4, 5, -6, -4, 5, -6});
  expectFloats(out.at("stack"), {2, 3}, {2, 4, 8, 4, 8, 16});
  expectFloats(out.at("stack1"), {3, 2}, {2, 2, 4, 4, 8, 8});
}

TEST(OpsTest, MatrixProducts) {
  Graph g;
  auto a = g.input("a", {2, 3});
  auto b = g.input("b", {3});
  EXPECT_EQ(matmul(a, b).shape(), Shape{2});
  EXPECT_EQ(matmul(b, b).shape(), Shape{});
  g.output("mv", matmul(a, b));
  g.output("dot", matmul(b, b));
  g.output("mm", mm(a, a.t()));
  g.output("batched", matmul(stack({a, a}), a.t()));
  auto out = g.compile().run({{"a", kA}, {"b", kB}});
  expectFloats(out.at("mv"), {2}, {18, -36});
  expectFloats(out.at("dot"), {}, {84});
  expectFloats(out.at("mm"), {2, 2}, {14, -32, -32, 77});
  expectFloats(out.at("batched"), {2, 2, 2},
               {14, -32, -32, 77, 14, -32, -32, 77});
}

TEST(OpsTest, NeuralNetworkFunctions) {
  Graph g;
  auto a = g.input("a", {2, 3});
  auto w = g.input("w", {1, 3});
  auto bias = g.input("bias", {1});
  auto labels = g.input("labels", {2}, DType::Int64);
  g.output("softmax", softmax(a, 1));
  g.output("log_softmax", log_softmax(a, -1));
  g.output("linear", linear(a, w));
  g.output("linear_bias", linear(a, w, bias));
  g.output("mse", mse_loss(a, a * 0.0));
  g.output("mse_sum", mse_loss(a, a * 0.0, "sum"));
  g.output("mse_none", mse_loss(a, a * 0.0, "none"));
  g.output("ce", cross_entropy(a, labels));
  g.output("ce_none", cross_entropy(a, labels, "none"));
  auto out =
      g.compile().run({{"a", kA},
                       {"w", Tensor::fromValues<float>({1, 3}, {1, 1, 1})},
                       {"bias", Tensor::fromValues<float>({1}, {10})},
                       {"labels", Tensor::fromValues<int64_t>({2}, {2, 1})}});
  // Row 0 is [1, -2, 3], row 1 is [-4, 5, -6].
  double z0 = std::exp(1) + std::exp(-2) + std::exp(3);
  double z1 = std::exp(-4) + std::exp(5) + std::exp(-6);
  expectFloats(out.at("softmax"), {2, 3},
               {std::exp(1) / z0, std::exp(-2) / z0, std::exp(3) / z0,
                std::exp(-4) / z1, std::exp(5) / z1, std::exp(-6) / z1});
  expectFloats(out.at("log_softmax"), {2, 3},
               {1 - std::log(z0), -2 - std::log(z0), 3 - std::log(z0),
                -4 - std::log(z1), 5 - std::log(z1), -6 - std::log(z1)});
  expectFloats(out.at("linear"), {2, 1}, {2, -5});
  expectFloats(out.at("linear_bias"), {2, 1}, {12, 5});
  expectFloats(out.at("mse"), {}, {91.0 / 6});
  expectFloats(out.at("mse_sum"), {}, {91});
  expectFloats(out.at("mse_none"), {2, 3}, {1, 4, 9, 16, 25, 36});
  double ce0 = std::log(z0) - 3, ce1 = std::log(z1) - 5;
  expectFloats(out.at("ce"), {}, {(ce0 + ce1) / 2});
  expectFloats(out.at("ce_none"), {2}, {ce0, ce1});
}

} // namespace
