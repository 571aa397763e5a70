//===- Timing.h - Timing repeated runs of a benchmark -----------*- C++ -*-===//
//
/// What every kiln-bench measurement shares: wall-clock seconds of repeated
/// calls, summarized by their median (the number compared) and minimum (the
/// best case, used for machine limits).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_BENCH_TIMING_H
#define KILN_BENCH_TIMING_H

#include <algorithm>
#include <chrono>
#include <vector>

namespace kiln::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timing {
  double median;
  double min;
};

/// Times `runs` calls of `fn` (at least one); the caller warms up first.
template <typename Fn> Timing timeRuns(int runs, Fn &&fn) {
  std::vector<double> times;
  for (int run = 0; run < std::max(runs, 1); ++run) {
    Clock::time_point start = Clock::now();
    fn();
    times.push_back(secondsSince(start));
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times.front()};
}

} // namespace kiln::bench

#endif // KILN_BENCH_TIMING_H
