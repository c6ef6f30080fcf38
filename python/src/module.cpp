// The native module newsdex._core: the exceptions, the Database class and the functions that
// newsdex/__init__.py wraps with its documented signatures. Nothing here searches or formats:
// it converts arguments, calls common/ and converts the results back.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <xapian.h>

#include <sstream>

#include "database.h"
#include "database/shard_set.h"
#include "eval/evaluation_output.h"
#include "eval/qrels.h"
#include "eval/trec_eval.h"
#include "indexing.h"
#include "search/query_batch.h"
#include "to_python.h"
#include "util/errors.h"
#include "util/version.h"

namespace py = pybind11;
using namespace newsdex;

namespace {

// The Python exception classes, made once at import (the translator runs with the GIL held).
struct ExceptionTypes {
    PyObject* error = nullptr;
    PyObject* query_error = nullptr;
    PyObject* database_error = nullptr;
    PyObject* locked_error = nullptr;
} types;

PyObject* new_exception(py::module_& m, const char* name, PyObject* base, const char* doc) {
    const std::string qualified = std::string("newsdex.") + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base, nullptr);
    if (type == nullptr) throw py::error_already_set();
    m.add_object(name, py::handle(type));
    return type;
}

// An error in a file or a value given to a function that opens no database (a qrels file, a
// run): newsdex.Error itself rather than DatabaseError.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <typename Function>
auto input_errors(Function&& function) {
    try {
        return function();
    } catch (const QueryError&) {
        throw;
    } catch (const Error& e) {
        throw InputError(e.what());
    }
}

void raise(PyObject* type, const std::string& message) {
    PyErr_SetString(type, message.c_str());
}

void translate(std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const QueryError& e) {
        py::object error = py::reinterpret_borrow<py::object>(types.query_error)(e.what());
        error.attr("column") = e.column();
        PyErr_SetObject(types.query_error, error.ptr());
    } catch (const InputError& e) {
        raise(types.error, e.what());
    } catch (const LockedError& e) {
        raise(types.locked_error, e.what());
    } catch (const Error& e) {
        raise(types.database_error, e.what());
    } catch (const Xapian::Error& e) {
        raise(types.database_error, e.get_description());
    }
}

// run: {qid: {docno: score}} or {qid: [(docno, score), ...]}.
eval::Run run_from(const py::dict& run) {
    eval::Run out;
    for (const auto& [qid, docs] : run) {
        auto& retrieved = out[py::str(qid)];
        if (py::isinstance<py::dict>(docs)) {
            for (const auto& [docno, score] : docs.cast<py::dict>()) {
                retrieved.push_back({py::str(docno), score.cast<double>()});
            }
        } else {
            for (const auto& pair : docs) {
                const auto item = pair.cast<std::pair<std::string, double>>();
                retrieved.push_back({item.first, item.second});
            }
        }
    }
    return out;
}

eval::Judgements qrels_from(const py::handle& qrels) {
    if (py::isinstance<py::str>(qrels) || py::hasattr(qrels, "__fspath__")) {
        const std::string path = py::str(py::module_::import("os").attr("fspath")(qrels));
        return eval::read_qrels(path);
    }
    eval::Judgements out;
    for (const auto& [qid, docs] : qrels.cast<py::dict>()) {
        auto& judged = out.queries[py::str(qid)];
        for (const auto& [docno, rel] : docs.cast<py::dict>()) judged[py::str(docno)] = rel.cast<int>();
    }
    return out;
}

py::object qrels_dict(const eval::Judgements& judgements) {
    py::dict out;
    for (const auto& [qid, docs] : judgements.queries) {
        py::dict judged;
        for (const auto& [docno, rel] : docs) judged[py::str(docno)] = rel;
        out[py::str(qid)] = judged;
    }
    return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "The native half of newsdex; use the newsdex package, not this module.";

    types.error = new_exception(m, "Error", PyExc_Exception, "Base class of the errors newsdex raises.");
    types.query_error = new_exception(m, "QueryError", types.error,
                                      "A query that cannot be parsed. .column counts code points from 1 "
                                      "(0 when the problem is not at one place).");
    types.database_error = new_exception(m, "DatabaseError", types.error,
                                         "A database that is missing, damaged, incompatible or cannot be "
                                         "read or written, or a failed request on it.");
    types.locked_error = new_exception(m, "LockedError", types.database_error,
                                       "The database is being written by another indexer (wait=True waits).");
    py::register_exception_translator(&translate);

    m.attr("version") = version_line("newsdex");
    // newsdex.open's timeout default, from the one place the command line's comes from too.
    m.attr("default_timeout_ms") = OpenOptions{}.timeout_ms;

    py::class_<python::ExportCursor>(m, "ExportCursor")
        .def_property_readonly("total", &python::ExportCursor::total)
        .def("next", &python::ExportCursor::next, py::arg("max"));

    py::class_<python::Database>(m, "Database")
        .def(py::init<std::vector<std::string>, unsigned, bool>(), py::arg("sources"), py::arg("timeout_ms"),
             py::arg("partial"))
        .def_property_readonly("sources", &python::Database::sources)
        .def_property_readonly("warnings", &python::Database::warnings)
        .def("reopen", &python::Database::reopen)
        .def("search", &python::Database::search, py::arg("options"))
        .def("duplicates", &python::Database::duplicates, py::arg("id"), py::arg("snippet_chars"))
        .def("count", &python::Database::count, py::arg("options"))
        .def("timeline", &python::Database::timeline, py::arg("options"), py::arg("period"))
        .def("kwic", &python::Database::kwic, py::arg("options"), py::arg("width"))
        .def("show", &python::Database::show, py::arg("id"))
        .def("stats", &python::Database::stats)
        .def("run", &python::Database::run, py::arg("queries"), py::arg("options"), py::arg("depth"),
             py::arg("skip_errors"), py::arg("errors"))
        .def("export_cursor", &python::Database::export_cursor, py::arg("options"), py::arg("ranked"));

    m.def(
        "evaluate",
        [](const py::dict& run, const py::handle& qrels, std::size_t depth) {
            const eval::Run parsed_run = run_from(run);
            const eval::Judgements judgements = input_errors([&] { return qrels_from(qrels); });
            eval::Evaluation evaluation;
            {
                py::gil_scoped_release nogil;
                evaluation = input_errors([&] { return eval::evaluate(parsed_run, judgements, depth); });
            }
            return python::to_python(json::Value::parse(eval::evaluation_json(evaluation)));
        },
        py::arg("run"), py::arg("qrels"), py::arg("depth"));

    m.def(
        "read_qrels",
        [](const std::string& path) { return qrels_dict(input_errors([&] { return eval::read_qrels(path); })); }, py::arg("path"));

    m.def(
        "read_queries",
        [](const std::string& path, const std::string& topic_field, bool plain) {
            const auto field = parse_topic_field(topic_field);
            if (!field) throw py::value_error("topic_field must be title, desc or title+desc, not '" + topic_field + "'");
            py::list out;
            for (const auto& query : input_errors([&] { return read_query_file(path, *field, plain); })) {
                out.append(py::make_tuple(query.qid.value_or(""), query.text));
            }
            return out;
        },
        py::arg("path"), py::arg("topic_field"), py::arg("plain"));

    m.def("index", &python::index, py::arg("db"), py::arg("paths"), py::arg("options"), py::arg("progress"));
}
