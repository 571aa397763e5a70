//===- OneDnnSupport.h - What the oneDNN kernels share ----------*- C++ -*-===//
//
/// The engine, the per-thread stream and scratchpad, and the OpenMP team
/// size guard that the matmul and convolution kernels both use.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CPU_ONEDNNSUPPORT_H
#define KILN_RUNTIME_CPU_ONEDNNSUPPORT_H

#include "oneapi/dnnl/dnnl.hpp"
#include <omp.h>

#include <cstddef>
#include <vector>

namespace kiln::onednn {

inline dnnl::engine &getEngine() {
  static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

/// CPU streams are cheap but not free; one per calling thread keeps
/// concurrent calls apart.
inline dnnl::stream &getStream() {
  thread_local dnnl::stream stream(getEngine());
  return stream;
}

/// The calling thread's scratchpad, at least `bytes` long. oneDNN's
/// library-managed scratchpad is one buffer shared by every primitive
/// unless the library was built with DNNL_ENABLE_CONCURRENT_EXEC, so kernels
/// running at once on different threads would overwrite each other's
/// buffers: each call passes a buffer of its own thread.
inline void *getScratchpad(size_t bytes) {
  thread_local std::vector<char> buffer;
  if (buffer.size() < bytes)
    buffer.resize(bytes);
  return buffer.data();
}

/// Sets the calling thread's OpenMP team size for one call and restores it.
class ScopedThreadCount {
public:
  explicit ScopedThreadCount(int threads) : saved_(omp_get_max_threads()) {
    omp_set_num_threads(threads);
  }
  ~ScopedThreadCount() { omp_set_num_threads(saved_); }

private:
  int saved_;
};

} // namespace kiln::onednn

#endif // KILN_RUNTIME_CPU_ONEDNNSUPPORT_H
