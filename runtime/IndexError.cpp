//===- IndexError.cpp - An index read from data out of range --------------===//

#include "runtime/IndexError.h"

namespace kiln {

std::string formatIndexError(const std::vector<std::string> &checks,
                             const IndexError &error) {
  std::string value = std::to_string(error.value);
  if (error.site < 0 || static_cast<size_t>(error.site) >= checks.size())
    return "index " + value + " is out of range for a dimension of size " +
           std::to_string(error.bound);
  std::string message = checks[error.site];
  size_t at = message.find("{}");
  if (at != std::string::npos)
    message.replace(at, 2, value);
  return message;
}

} // namespace kiln
