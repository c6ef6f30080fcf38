#include "to_python.h"

namespace newsdex::python {

namespace py = pybind11;

py::object to_python(const json::Value& value) {
    switch (value.type()) {
        case json::Value::value_t::null:
        case json::Value::value_t::discarded: return py::none();
        case json::Value::value_t::boolean: return py::bool_(value.get<bool>());
        case json::Value::value_t::number_integer: return py::int_(value.get<std::int64_t>());
        case json::Value::value_t::number_unsigned: return py::int_(value.get<std::uint64_t>());
        case json::Value::value_t::number_float: return py::float_(value.get<double>());
        case json::Value::value_t::string: {
            const auto& text = value.get_ref<const std::string&>();
            // Stored text is UTF-8 by construction; "replace" matches what the JSON printer
            // does with a stray byte, instead of failing the whole result list.
            PyObject* str = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
            if (str == nullptr) throw py::error_already_set();
            return py::reinterpret_steal<py::object>(str);
        }
        case json::Value::value_t::array: {
            py::list list;
            for (const auto& item : value) list.append(to_python(item));
            return list;
        }
        case json::Value::value_t::object: {
            py::dict dict;
            for (const auto& [key, item] : value.items()) dict[py::str(key)] = to_python(item);
            return dict;
        }
        case json::Value::value_t::binary: break;
    }
    return py::none();
}

}  // namespace newsdex::python
