//===- LossPlot.h - The loss curve of a training run as SVG -----*- C++ -*-===//

#ifndef KILN_TOOLS_KILN_LOSSPLOT_H
#define KILN_TOOLS_KILN_LOSSPLOT_H

#include <string>
#include <vector>

namespace kiln {

/// A self-contained SVG line chart of `losses` (one per optimizer step)
/// against the step number, with labelled axes; a logarithmic loss axis
/// when every loss is positive and they span more than two decades, as
/// training losses usually do.
std::string renderLossPlot(const std::vector<double> &losses,
                           const std::string &title);

} // namespace kiln

#endif // KILN_TOOLS_KILN_LOSSPLOT_H
