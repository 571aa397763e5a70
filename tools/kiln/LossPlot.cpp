//===- LossPlot.cpp - The loss curve of a training run as SVG -------------===//

#include "tools/kiln/LossPlot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiln {

namespace {
constexpr double kWidth = 640, kHeight = 400;
constexpr double kLeft = 70, kRight = 20, kTop = 40, kBottom = 50;

std::string format(const char *pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof(text), pattern, value);
  return text;
}

/// Escapes the characters XML gives a meaning to.
std::string escapeXml(const std::string &text) {
  std::string escaped;
  for (char c : text) {
    if (c == '<')
      escaped += "&lt;";
    else if (c == '>')
      escaped += "&gt;";
    else if (c == '&')
      escaped += "&amp;";
    else
      escaped += c;
  }
  return escaped;
}
} // namespace

std::string renderLossPlot(const std::vector<double> &losses,
                           const std::string &title) {
  std::vector<double> finite;
  for (double loss : losses)
    if (std::isfinite(loss))
      finite.push_back(loss);
  double low = finite.empty() ? 0 : *std::min_element(finite.begin(), finite.end());
  double high = finite.empty() ? 1 : *std::max_element(finite.begin(), finite.end());
  bool logScale = low > 0 && high / low > 100;
  auto scale = [&](double v) { return logScale ? std::log10(v) : v; };
  double bottom = scale(low), top = scale(high);
  if (top - bottom < 1e-12) {
    bottom -= 0.5;
    top += 0.5;
  }
  double plotWidth = kWidth - kLeft - kRight;
  double plotHeight = kHeight - kTop - kBottom;
  size_t steps = std::max<size_t>(losses.size(), 2);
  auto x = [&](size_t i) { return kLeft + plotWidth * i / (steps - 1); };
  auto y = [&](double v) {
    return kTop + plotHeight * (1 - (scale(v) - bottom) / (top - bottom));
  };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    format("%g", kWidth) + "\" height=\"" +
                    format("%g", kHeight) +
                    "\" font-family=\"sans-serif\" font-size=\"12\">\n"
                    "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg += "<text x=\"" + format("%g", kWidth / 2) +
         "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">" +
         escapeXml(title) + "</text>\n";
  // Axes, with the extreme values as ticks.
  svg += "<path d=\"M" + format("%g", kLeft) + " " + format("%g", kTop) +
         " V" + format("%g", kTop + plotHeight) + " H" +
         format("%g", kLeft + plotWidth) +
         "\" stroke=\"black\" fill=\"none\"/>\n";
  for (double value : {low, high})
    svg += "<text x=\"" + format("%g", kLeft - 6) + "\" y=\"" +
           format("%.1f", y(value) + 4) + "\" text-anchor=\"end\">" +
           format("%.4g", value) + "</text>\n";
  svg += "<text x=\"" + format("%g", kLeft) + "\" y=\"" +
         format("%g", kTop + plotHeight + 18) +
         "\" text-anchor=\"middle\">1</text>\n<text x=\"" +
         format("%g", kLeft + plotWidth) + "\" y=\"" +
         format("%g", kTop + plotHeight + 18) + "\" text-anchor=\"middle\">" +
         std::to_string(losses.size()) + "</text>\n";
  svg += "<text x=\"" + format("%g", kLeft + plotWidth / 2) + "\" y=\"" +
         format("%g", kHeight - 10) +
         "\" text-anchor=\"middle\">optimizer step</text>\n";
  svg += "<text transform=\"translate(16 " + format("%g", kTop + plotHeight / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">loss" +
         std::string(logScale ? " (log scale)" : "") + "</text>\n";
  // The curve; a non-finite loss breaks it.
  std::string path;
  bool pen = false;
  for (size_t i = 0; i < losses.size(); ++i) {
    if (!std::isfinite(losses[i]) || (logScale && losses[i] <= 0)) {
      pen = false;
      continue;
    }
    path += (pen ? " L" : " M") + format("%.2f", x(i)) + " " +
            format("%.2f", y(losses[i]));
    pen = true;
  }
  svg += "<path d=\"" + path +
         "\" stroke=\"#1f77b4\" stroke-width=\"1.5\" fill=\"none\"/>\n</svg>\n";
  return svg;
}

} // namespace kiln
