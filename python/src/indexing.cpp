#include "indexing.h"

#include <chrono>
#include <sstream>

#include "index/index_run.h"
#include "index/partition.h"
#include "util/errors.h"
#include "readers/encoding.h"
#include "request_args.h"
#include "util/diagnostics.h"

namespace newsdex::python {

namespace py = pybind11;

namespace {

// Calling into Python costs the GIL; a progress bar needs no more than ten updates a second.
constexpr auto kProgressEvery = std::chrono::milliseconds(100);

py::dict progress_dict(const IndexSummary& s) {
    py::dict d;
    d["files_total"] = s.files_total;
    d["bytes_total"] = s.bytes_total;
    d["bytes_done"] = s.bytes_done;
    d["articles_sent"] = s.articles_sent;
    d["files_read"] = s.files_read;
    d["files_unchanged"] = s.files_unchanged;
    d["files_ignored"] = s.files_ignored;
    d["files_failed"] = s.files_failed;
    return d;
}

// "K/N" as newsdex-index --part takes it; ValueError with its message otherwise.
PartOf part_arg(const std::string& text) {
    try {
        return parse_part(text);
    } catch (const Error& e) {
        throw py::value_error(std::string(e.what()).replace(0, 6, "part"));  // "--part" → "part"
    }
}

IndexOptions options_from(const std::string& db, const py::dict& options) {
    IndexOptions o;
    o.db = db;
    std::string language = "english", accents = "fold", encoding;
    bool metadata_text = true;
    for (const auto& [key, value] : options) {
        const std::string name = py::str(key);
        if (value.is_none()) continue;
        if (name == "language") language = value.cast<std::string>();
        else if (name == "accents") accents = value.cast<std::string>();
        else if (name == "encoding") encoding = value.cast<std::string>();
        else if (name == "metadata_text") metadata_text = value.cast<bool>();
        else if (name == "jobs") o.jobs = static_cast<unsigned>(count_arg(value, "jobs"));
        else if (name == "prune") o.prune = value.cast<bool>();
        else if (name == "follow_links") o.follow_links = value.cast<bool>();
        else if (name == "rebuild") o.rebuild = value.cast<bool>();
        else if (name == "wait") o.wait = value.cast<bool>();
        else if (name == "commit_every") o.commits.every_articles = count_arg(value, "commit_every");
        else if (name == "max_article_bytes") o.limits.max_article_bytes = count_arg(value, "max_article_bytes");
        else if (name == "max_expanded_bytes") o.limits.max_expanded_bytes = count_arg(value, "max_expanded_bytes");
        else if (name == "max_archive_depth") o.limits.max_archive_depth = count_arg(value, "max_archive_depth");
        else if (name == "max_archive_entries") o.limits.max_archive_entries = count_arg(value, "max_archive_entries");
        else if (name == "part") o.part = part_arg(value.cast<std::string>());
        else if (name == "compact") o.compact = value.cast<bool>() ? CompactWhen::always : CompactWhen::never;
        else throw py::type_error("unknown index option '" + name + "'");
    }
    if (accents != "fold" && accents != "keep") throw py::value_error("accents must be 'fold' or 'keep', not '" + accents + "'");
    if (o.jobs > 256) throw py::value_error("jobs must be between 1 and 256");
    if (o.limits.max_article_bytes < 4096) throw py::value_error("max_article_bytes must be 4096 or more");
    if (o.limits.max_archive_depth == 0) throw py::value_error("max_archive_depth must be 1 or more");
    if (o.limits.max_archive_entries == 0) throw py::value_error("max_archive_entries must be 1 or more");
    if (o.commits.every_articles == 0) throw py::value_error("commit_every must be 1 or more");
    if (!encoding.empty() && !encoding_supported(encoding)) throw py::value_error("unknown encoding '" + encoding + "'");
    o.settings = AnalyzerSettings{language, accents == "fold", metadata_text};
    o.decode = DecodeOptions{encoding, {}};
    return o;
}

}  // namespace

py::dict index(const std::string& db, const std::vector<std::string>& paths, const py::dict& options,
               py::object progress) {
    IndexOptions o = options_from(db, options);
    if (!progress.is_none()) {
        if (!PyCallable_Check(progress.ptr())) throw py::type_error("progress must be callable");
        auto last = std::chrono::steady_clock::time_point{};
        // By reference: run_index may copy the function on threads without the GIL, and
        // copying a py::object would touch its reference count.
        o.progress = [&progress, last](const IndexSummary& s) mutable {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < kProgressEvery) return;
            last = now;
            py::gil_scoped_acquire gil;
            // An exception from the callback (KeyboardInterrupt too) ends the run as any error
            // does: what was committed stays, and a re-run finishes.
            progress(progress_dict(s));
        };
    }
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    IndexReport report;
    const auto start = std::chrono::steady_clock::now();
    {
        py::gil_scoped_release nogil;
        report = run_index(paths, o, diag);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!progress.is_none()) progress(progress_dict(report.walk));  // the last state, always

    py::list warning_lines;
    std::istringstream lines(warnings.str());
    for (std::string line; std::getline(lines, line);) warning_lines.append(line);
    std::string summary = summary_line(report, diag.count(), seconds);
    if (!summary.empty() && summary.back() == '\n') summary.pop_back();

    py::dict out;
    out["articles"] = report.writes.added + report.writes.updated;
    out["added"] = report.writes.added;
    out["updated"] = report.writes.updated;
    out["unchanged"] = report.walk.unchanged;
    out["removed"] = report.writes.removed;
    out["files_read"] = report.walk.files_read;
    out["files_unchanged"] = report.walk.files_unchanged;
    out["files_ignored"] = report.walk.files_ignored;
    out["files_failed"] = report.walk.files_failed;
    out["empty_archive_entries"] = report.walk.entries_empty;
    out["joined_copies"] = report.groups.joined;
    out["part"] = report.part ? py::object(py::str(report.part->text())) : py::object(py::none());
    out["other_parts"] = report.walk.other_parts;
    if (report.compaction.shards > 0) {
        py::dict compaction;
        compaction["shards"] = report.compaction.shards;
        compaction["bytes_before"] = report.compaction.bytes_before;
        compaction["bytes_after"] = report.compaction.bytes_after;
        out["compaction"] = compaction;
    } else {
        out["compaction"] = py::none();
    }
    out["warnings"] = warning_lines;
    out["seconds"] = seconds;
    out["summary"] = summary;
    return out;
}

}  // namespace newsdex::python
