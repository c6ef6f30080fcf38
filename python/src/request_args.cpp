#include "request_args.h"

#include <algorithm>
#include <string>

#include "search/facets.h"
#include "search/sort_order.h"
#include "util/errors.h"

namespace newsdex::python {

namespace py = pybind11;

namespace {

std::string string_arg(const py::handle& value, const char* name) {
    if (!py::isinstance<py::str>(value)) {
        throw py::type_error(std::string(name) + " must be a str, not " + std::string(py::str(value.get_type().attr("__name__"))));
    }
    return value.cast<std::string>();
}

double number_arg(const py::handle& value, const std::string& name) {
    if (!py::isinstance<py::int_>(value) && !py::isinstance<py::float_>(value)) {
        throw py::type_error(name + " must be a number");
    }
    return value.cast<double>();
}

bool bool_arg(const py::handle& value, const char* name) {
    if (!py::isinstance<py::bool_>(value)) throw py::type_error(std::string(name) + " must be True or False");
    return value.cast<bool>();
}

// The same limits as --bm25 k1=...,b=...: numbers of 0 or more, b at most 1.
Bm25Params bm25_arg(const py::handle& value) {
    if (!py::isinstance<py::dict>(value)) throw py::type_error("bm25 must be a dict such as {'k1': 1.2, 'b': 0.75}");
    Bm25Params p;
    for (const auto& [key, item] : value.cast<py::dict>()) {
        const std::string name = py::str(key);
        double* target = bm25_parameter(p, name);
        if (target == nullptr) throw py::value_error("bm25: '" + name + "' is not one of k1, k2, k3, b, min_normlen");
        const double number = number_arg(item, "bm25 " + name);
        if (!(number >= 0)) throw py::value_error("bm25: " + name + " needs a number of 0 or more");
        if (name == "b" && number > 1) throw py::value_error("bm25: b is between 0 and 1");
        *target = number;
    }
    return p;
}

// True (the command line's defaults), False, or {"docs": 10, "terms": 20, "weight": 0.2}.
ExpandParams expand_arg(const py::handle& value) {
    ExpandParams p;
    if (py::isinstance<py::bool_>(value)) {
        p.enabled = value.cast<bool>();
        return p;
    }
    if (!py::isinstance<py::dict>(value)) throw py::type_error("expand must be True, False or a dict of docs, terms, weight");
    p.enabled = true;
    for (const auto& [key, item] : value.cast<py::dict>()) {
        const std::string name = py::str(key);
        if (name == "docs") p.docs = count_arg(item, "expand docs");
        else if (name == "terms") p.terms = count_arg(item, "expand terms");
        else if (name == "weight") p.weight = number_arg(item, "expand weight");
        else throw py::value_error("expand: '" + name + "' is not one of docs, terms, weight");
    }
    if (p.docs == 0 || p.terms == 0) throw py::value_error("expand: docs and terms must be 1 or more");
    if (!(p.weight > 0)) throw py::value_error("expand: weight must be above 0");
    return p;
}

}  // namespace

std::size_t count_arg(const py::handle& value, const char* name) {
    if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value)) {
        throw py::type_error(std::string(name) + " must be an int");
    }
    const long long number = value.cast<long long>();
    if (number < 0) throw py::value_error(std::string(name) + " must be 0 or more, not " + std::to_string(number));
    return static_cast<std::size_t>(number);
}

SearchRequest request_from(const py::dict& options) {
    SearchRequest r;
    for (const auto& [key, value] : options) {
        const std::string name = py::str(key);
        if (value.is_none()) continue;
        if (name == "query") r.query = string_arg(value, "query");
        else if (name == "qid") r.qid = string_arg(value, "qid");
        else if (name == "limit") r.limit = count_arg(value, "limit");
        else if (name == "offset") r.offset = count_arg(value, "offset");
        else if (name == "snippet_chars") r.snippet_chars = count_arg(value, "snippet_chars");
        else if (name == "snippets") r.snippets = bool_arg(value, "snippets");
        else if (name == "facet_size") r.facet_size = count_arg(value, "facet_size");
        else if (name == "max_expansions") r.max_expansions = count_arg(value, "max_expansions");
        else if (name == "suggest") r.suggest = bool_arg(value, "suggest");
        else if (name == "collapse") r.collapse = bool_arg(value, "collapse");
        else if (name == "since") r.since = string_arg(value, "since");
        else if (name == "until") r.until = string_arg(value, "until");
        else if (name == "like") r.like = string_arg(value, "like");
        else if (name == "bm25") r.bm25 = bm25_arg(value);
        else if (name == "expand") r.expand = expand_arg(value);
        else if (name == "match") {
            const std::string mode = string_arg(value, "match");
            if (mode != "all" && mode != "any") throw py::value_error("match must be 'all' or 'any', not '" + mode + "'");
            r.mode = mode == "any" ? MatchMode::any : MatchMode::all;
        } else if (name == "sort") {
            try {
                r.sort = parse_sort_order(string_arg(value, "sort"));
            } catch (const Error& e) {
                throw py::value_error(e.what());
            }
        } else if (name == "facets") {
            if (py::isinstance<py::str>(value)) throw py::type_error("facets must be a list of names, such as ['topic']");
            const std::vector<std::string> known = facet_names();
            for (const auto& item : value) {
                std::string facet = string_arg(item, "a facet name");
                if (std::find(known.begin(), known.end(), facet) == known.end()) {
                    std::string list;
                    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                    throw py::value_error("unknown facet '" + facet + "' (known: " + list + ")");
                }
                r.facets.push_back(std::move(facet));
            }
        } else {
            throw py::type_error("unknown search option '" + name + "'");
        }
    }
    if (r.max_expansions == 0) throw py::value_error("max_expansions must be 1 or more");
    return r;
}

}  // namespace newsdex::python
