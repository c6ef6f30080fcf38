// JSON values (common/output/json_values.h) as Python objects: objects become dicts with the
// keys in the same order, arrays lists, numbers int or float, null None. The module builds
// every result this way, so a dict from Python equals json.loads of the command line's line.
#pragma once

#include <pybind11/pybind11.h>

#include "output/json_values.h"

namespace newsdex::python {

pybind11::object to_python(const json::Value& value);

}  // namespace newsdex::python
