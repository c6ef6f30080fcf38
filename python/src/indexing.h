// newsdex.index(): one newsdex-index run (index/index_run.h) from Python, with the GIL
// released while it works and a progress callback called with it held.
#pragma once

#include <string>
#include <vector>

#include <pybind11/pybind11.h>

namespace newsdex::python {

// options: language, accents ("fold"/"keep"), metadata_text (bool), encoding, jobs, prune,
// rebuild, wait, commit_every. Returns the summary as a dict: the counts, "warnings" (each
// warning's line as newsdex-index prints it), "seconds" and "summary" (the command's line).
pybind11::dict index(const std::string& db, const std::vector<std::string>& paths, const pybind11::dict& options,
                     pybind11::object progress);

}  // namespace newsdex::python
