// Picks the printer for a format. Each printer lives in its own file behind a factory
// function; they are declared here, not in printer.h, because no other code names them.
#include <memory>
#include <ostream>

#include "output/printer.h"
#include "util/errors.h"

namespace newsdex {

namespace detail {
std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color);
std::unique_ptr<Printer> make_json_printer(std::ostream& out, bool line_per_hit);
}  // namespace detail

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::ostream& out) {
    // No default case, so a new OutputFormat is a compiler warning here.
    switch (options.format) {
        case OutputFormat::text: return detail::make_text_printer(out, options.color);
        case OutputFormat::json: return detail::make_json_printer(out, false);
        case OutputFormat::jsonl: return detail::make_json_printer(out, true);
    }
    throw Error("unknown output format");
}

}  // namespace newsdex
