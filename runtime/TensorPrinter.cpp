//===- TensorPrinter.cpp - PyTorch-identical tensor printing --------------===//
//
/// A port of torch/_tensor_str.py (PyTorch 1.13) restricted to dense CPU
/// tensors of Kiln's dtypes, with the default print options: precision 4,
/// linewidth 80, and summarization to the first and last 3 items of every
/// dimension once a tensor has more than 1000 elements.
///
/// As in PyTorch, one formatter is built from all elements that will be shown
/// and decides the mode and the column width for the whole tensor: integers
/// print as is; floats print in "integer mode" (`1.`) when every nonzero
/// finite value is integral, and in scientific mode when the nonzero finite
/// magnitudes span more than a factor 1000, exceed 1e8 or (non-integral
/// values only) fall below 1e-4. Python's float formatting is correctly
/// rounded, as is glibc's printf, so the digits agree; only nan and inf,
/// which Python spells without a sign for nan, are formatted by hand.
//
//===----------------------------------------------------------------------===//

#include "runtime/TensorPrinter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiln {

namespace {

constexpr int kPrecision = 4;
constexpr int64_t kThreshold = 1000;
constexpr int64_t kEdgeItems = 3;
constexpr int64_t kLineWidth = 80;

/// Python's format(value, ".{precision}{conversion}") for a double.
std::string formatDouble(double value, char conversion, int precision) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  const char format[] = {'%', '.', '*', conversion, '\0'};
  int length = std::snprintf(nullptr, 0, format, precision, value);
  std::string text(static_cast<size_t>(length) + 1, '\0');
  std::snprintf(&text[0], text.size(), format, precision, value);
  text.resize(static_cast<size_t>(length));
  return text;
}

/// Reads element `index` of a tensor as the Python scalar tolist() gives.
class Elements {
public:
  explicit Elements(const Tensor &tensor)
      : dtype_(tensor.dtype()), data_(tensor.data()) {}

  bool isFloating() const {
    return dtype_ == DType::Float32 || dtype_ == DType::Float64;
  }

  double getDouble(int64_t index) const {
    if (dtype_ == DType::Float32)
      return static_cast<const float *>(data_)[index];
    return static_cast<const double *>(data_)[index];
  }

  /// str() of a non-floating element.
  std::string getIntegerText(int64_t index) const {
    switch (dtype_) {
    case DType::Int64:
      return std::to_string(static_cast<const int64_t *>(data_)[index]);
    case DType::Int32:
      return std::to_string(static_cast<const int32_t *>(data_)[index]);
    case DType::Int16:
      return std::to_string(static_cast<const int16_t *>(data_)[index]);
    case DType::Int8:
      return std::to_string(static_cast<const int8_t *>(data_)[index]);
    case DType::UInt64:
      return std::to_string(static_cast<const uint64_t *>(data_)[index]);
    case DType::UInt32:
      return std::to_string(static_cast<const uint32_t *>(data_)[index]);
    case DType::UInt16:
      return std::to_string(static_cast<const uint16_t *>(data_)[index]);
    case DType::UInt8:
      return std::to_string(static_cast<const uint8_t *>(data_)[index]);
    default:
      return static_cast<const uint8_t *>(data_)[index] ? "True" : "False";
    }
  }

private:
  DType dtype_;
  const void *data_;
};

/// torch's _Formatter: the mode and width shared by every element.
class Formatter {
public:
  Formatter(const Elements &elements, const std::vector<int64_t> &shown)
      : elements_(elements) {
    if (!elements.isFloating()) {
      for (int64_t index : shown)
        width_ = std::max(width_, elements.getIntegerText(index).size());
      return;
    }
    std::vector<double> values;
    for (int64_t index : shown) {
      double value = elements.getDouble(index);
      if (std::isfinite(value) && value != 0)
        values.push_back(value);
    }
    if (values.empty())
      return;
    double minimum = INFINITY, maximum = 0;
    for (double value : values) {
      minimum = std::min(minimum, std::fabs(value));
      maximum = std::max(maximum, std::fabs(value));
      intMode_ = intMode_ && value == std::ceil(value);
    }
    sciMode_ = maximum / minimum > 1000.0 || maximum > 1.0e8 ||
               (!intMode_ && minimum < 1.0e-4);
    for (double value : values) {
      if (sciMode_)
        width_ = std::max(width_,
                          formatDouble(value, 'e', kPrecision).size());
      else if (intMode_)
        width_ = std::max(width_, formatDouble(value, 'f', 0).size() + 1);
      else
        width_ = std::max(width_,
                          formatDouble(value, 'f', kPrecision).size());
    }
  }

  size_t getWidth() const { return width_; }

  /// The element right-aligned to the common width.
  std::string format(int64_t index) const {
    std::string text;
    if (!elements_.isFloating()) {
      text = elements_.getIntegerText(index);
    } else {
      double value = elements_.getDouble(index);
      if (sciMode_) {
        text = formatDouble(value, 'e', kPrecision);
      } else if (intMode_) {
        text = formatDouble(value, 'f', 0);
        if (std::isfinite(value))
          text += ".";
      } else {
        text = formatDouble(value, 'f', kPrecision);
      }
    }
    if (text.size() < width_)
      text.insert(0, width_ - text.size(), ' ');
    return text;
  }

private:
  const Elements &elements_;
  bool intMode_ = true;
  bool sciMode_ = false;
  size_t width_ = 1;
};

/// Walks the tensor as _tensor_str_with_formatter does.
class Printer {
public:
  explicit Printer(const Tensor &tensor)
      : shape_(tensor.shape()), strides_(shape_.size(), 1),
        summarize_(tensor.numel() > kThreshold), elements_(tensor) {
    for (int64_t dim = static_cast<int64_t>(shape_.size()) - 2; dim >= 0;
         --dim)
      strides_[dim] = strides_[dim + 1] * shape_[dim + 1];
  }

  std::string print(size_t indent) {
    std::vector<int64_t> shown;
    collectShown(0, 0, shown);
    Formatter formatter(elements_, shown);
    if (shape_.empty())
      return formatter.format(0);
    return printDim(0, 0, indent, formatter);
  }

private:
  /// The indices of dimension `dim` that are printed: all of them, or the
  /// edge items around an ellipsis when summarizing.
  std::vector<int64_t> getShownIndices(size_t dim) const {
    std::vector<int64_t> indices;
    int64_t size = shape_[dim];
    if (summarize_ && size > 2 * kEdgeItems) {
      for (int64_t i = 0; i < kEdgeItems; ++i)
        indices.push_back(i);
      for (int64_t i = size - kEdgeItems; i < size; ++i)
        indices.push_back(i);
    } else {
      for (int64_t i = 0; i < size; ++i)
        indices.push_back(i);
    }
    return indices;
  }

  bool isElided(size_t dim) const {
    return summarize_ && shape_[dim] > 2 * kEdgeItems;
  }

  /// get_summarized_data: the flat indices of every printed element.
  void collectShown(size_t dim, int64_t offset, std::vector<int64_t> &out) {
    if (dim == shape_.size()) {
      out.push_back(offset);
      return;
    }
    for (int64_t i : getShownIndices(dim))
      collectShown(dim + 1, offset + i * strides_[dim], out);
  }

  std::string printDim(size_t dim, int64_t offset, size_t indent,
                       const Formatter &formatter) {
    std::vector<std::string> parts;
    std::vector<int64_t> indices = getShownIndices(dim);
    bool elided = isElided(dim);
    bool isVector = dim + 1 == shape_.size();
    for (size_t i = 0; i < indices.size(); ++i) {
      if (elided && i == static_cast<size_t>(kEdgeItems))
        parts.push_back(isVector ? " ..." : "...");
      int64_t child = offset + indices[i] * strides_[dim];
      parts.push_back(isVector ? formatter.format(child)
                               : printDim(dim + 1, child, indent + 1,
                                          formatter));
    }
    if (!isVector) {
      size_t rank = shape_.size() - dim;
      return "[" + join(parts, "," + std::string(rank - 1, '\n') +
                                   std::string(indent + 1, ' ')) +
             "]";
    }
    // _vector_str: as many elements per line as fit in the line width.
    int64_t elementLength = static_cast<int64_t>(formatter.getWidth()) + 2;
    int64_t room = kLineWidth - static_cast<int64_t>(indent);
    size_t perLine = static_cast<size_t>(
        std::max<int64_t>(1, room < 0 ? 0 : room / elementLength));
    std::vector<std::string> lines;
    for (size_t i = 0; i < parts.size(); i += perLine)
      lines.push_back(join(
          std::vector<std::string>(parts.begin() + i,
                                   parts.begin() +
                                       std::min(parts.size(), i + perLine)),
          ", "));
    return "[" + join(lines, ",\n" + std::string(indent + 1, ' ')) + "]";
  }

  static std::string join(const std::vector<std::string> &parts,
                          const std::string &separator) {
    std::string result;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i)
        result += separator;
      result += parts[i];
    }
    return result;
  }

  const std::vector<int64_t> &shape_;
  std::vector<int64_t> strides_;
  bool summarize_;
  Elements elements_;
};

/// _add_suffixes: each suffix goes on the line if it fits, else on a new
/// line indented under the opening parenthesis.
std::string addSuffixes(std::string text,
                        const std::vector<std::string> &suffixes,
                        size_t indent) {
  size_t newline = text.rfind('\n');
  // Python computes len - rfind + 1, which is len + 2 without a newline.
  int64_t lastLineLength =
      static_cast<int64_t>(text.size()) -
      (newline == std::string::npos ? -1 : static_cast<int64_t>(newline)) + 1;
  for (const std::string &suffix : suffixes) {
    int64_t length = static_cast<int64_t>(suffix.size());
    if (lastLineLength + length + 2 > kLineWidth) {
      text += ",\n" + std::string(indent, ' ') + suffix;
      lastLineLength = static_cast<int64_t>(indent) + length;
    } else {
      text += ", " + suffix;
      lastLineLength += length + 2;
    }
  }
  return text + ")";
}

} // namespace

std::string formatTensor(const Tensor &tensor) {
  const std::string prefix = "tensor(";
  std::vector<std::string> suffixes;
  std::string dtypeSuffix =
      std::string("dtype=torch.") + getDTypeName(tensor.dtype());
  std::string body;
  if (tensor.numel() == 0) {
    // As NumPy does, an empty tensor shows its size unless it is 1-D, and its
    // dtype unless it is the default float32.
    if (tensor.rank() != 1) {
      std::string size = "size=(";
      for (size_t i = 0; i < tensor.shape().size(); ++i)
        size += (i ? ", " : "") + std::to_string(tensor.shape()[i]);
      suffixes.push_back(size + ")");
    }
    if (tensor.dtype() != DType::Float32)
      suffixes.push_back(dtypeSuffix);
    body = "[]";
  } else {
    // float32, int64 and bool are PyTorch's defaults and go unmentioned.
    DType dtype = tensor.dtype();
    if (dtype != DType::Float32 && dtype != DType::Int64 &&
        dtype != DType::Bool)
      suffixes.push_back(dtypeSuffix);
    body = Printer(tensor).print(prefix.size());
  }
  return addSuffixes(prefix + body, suffixes, prefix.size());
}

} // namespace kiln
