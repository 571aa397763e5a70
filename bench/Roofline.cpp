//===- Roofline.cpp - This machine's compute and memory limits ------------===//

#include "bench/Roofline.h"
#include "bench/Timing.h"

#include "oneapi/dnnl/dnnl.hpp"

#include <algorithm>
#include <memory>

namespace kiln::bench {

double measureSgemmGflops(int64_t m, int64_t n, int64_t k, int runs) {
  using tag = dnnl::memory::format_tag;
  dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  dnnl::stream stream(engine);
  dnnl::memory::desc aDesc({m, k}, dnnl::memory::data_type::f32, tag::ab);
  dnnl::memory::desc bDesc({k, n}, dnnl::memory::data_type::f32, tag::ab);
  dnnl::memory::desc cDesc({m, n}, dnnl::memory::data_type::f32, tag::ab);
  dnnl::matmul product(dnnl::matmul::primitive_desc(
      dnnl::matmul::desc(aDesc, bDesc, cDesc), engine));
  dnnl::memory a(aDesc, engine), b(bDesc, engine), c(cDesc, engine);
  // Normal numbers: denormals or NaNs in uninitialized memory could slow
  // the arithmetic down.
  for (dnnl::memory *operand : {&a, &b})
    std::fill_n(static_cast<float *>(operand->get_data_handle()),
                operand->get_desc().get_size() / sizeof(float), 1.0f);
  auto multiply = [&] {
    product.execute(stream, {{DNNL_ARG_SRC, a},
                             {DNNL_ARG_WEIGHTS, b},
                             {DNNL_ARG_DST, c}});
    stream.wait();
  };
  multiply();
  return 2.0 * m * n * k / timeRuns(runs, multiply).min / 1e9;
}

double measureTriadGbps(int64_t elements, int runs) {
  std::unique_ptr<float[]> a(new float[elements]), b(new float[elements]),
      c(new float[elements]);
  // Each thread first touches the pages it streams later.
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < elements; ++i) {
    a[i] = 0.0f;
    b[i] = 1.0f;
    c[i] = 2.0f;
  }
  const float scale = 3.0f;
  auto triad = [&] {
#pragma omp parallel for schedule(static)
    for (int64_t i = 0; i < elements; ++i)
      a[i] = b[i] + scale * c[i];
  };
  triad();
  return 3.0 * sizeof(float) * elements / timeRuns(runs, triad).min / 1e9;
}

} // namespace kiln::bench
