#include "analysis/analyzer_settings.h"

#include "util/errors.h"

namespace newsdex {

namespace {
const std::string kFormatKey = "newsdex.format";
const std::string kLanguageKey = "newsdex.language";
const std::string kAccentsKey = "newsdex.accents";
const std::string kMetadataTextKey = "newsdex.metadata_text";

std::string accents_name(bool fold) { return fold ? "fold" : "keep"; }
std::string yes_no(bool on) { return on ? "yes" : "no"; }
}  // namespace

void validate_language(const std::string& language) {
    if (language == "none") return;
    try {
        Xapian::Stem stem(language);
    } catch (const Xapian::InvalidArgumentError&) {
        throw Error("unknown language '" + language + "' (known: none " +
                    Xapian::Stem::get_available_languages() + ")");
    }
}

void write_settings(Xapian::WritableDatabase& db, const AnalyzerSettings& settings) {
    db.set_metadata(kFormatKey, std::to_string(kDatabaseFormat));
    db.set_metadata(kLanguageKey, settings.language);
    db.set_metadata(kAccentsKey, accents_name(settings.fold_accents));
    db.set_metadata(kMetadataTextKey, yes_no(settings.metadata_text));
}

bool has_settings(const Xapian::Database& db) { return !db.get_metadata(kFormatKey).empty(); }

AnalyzerSettings read_settings(const Xapian::Database& db, const std::string& db_path) {
    const std::string format = db.get_metadata(kFormatKey);
    if (format.empty()) {
        throw Error("database " + db_path + " was not made by newsdex-index (no analyzer settings)");
    }
    if (format != std::to_string(kDatabaseFormat)) {
        throw Error("database " + db_path + " was made by an incompatible version of Newsdex "
                    "(format " + format + ", this build reads format " +
                    std::to_string(kDatabaseFormat) + "); rebuild it with newsdex-index --rebuild");
    }
    AnalyzerSettings settings;
    settings.language = db.get_metadata(kLanguageKey);
    const std::string accents = db.get_metadata(kAccentsKey);
    // Every format-3 database has the key, so a missing one is damage, not an older version.
    const std::string metadata_text = db.get_metadata(kMetadataTextKey);
    if (settings.language.empty() || (accents != "fold" && accents != "keep") ||
        (metadata_text != "yes" && metadata_text != "no")) {
        throw Error("database " + db_path + " has damaged analyzer settings; re-index it");
    }
    settings.fold_accents = accents == "fold";
    settings.metadata_text = metadata_text == "yes";
    return settings;
}

void check_same_settings(const AnalyzerSettings& stored, const AnalyzerSettings& wanted,
                         const std::string& db_path) {
    if (stored.language != wanted.language) {
        throw Error("database " + db_path + " was indexed with --language " + stored.language +
                    ", not --language " + wanted.language +
                    " (use the same setting, or index into a new database)");
    }
    if (stored.fold_accents != wanted.fold_accents) {
        throw Error("database " + db_path + " was indexed with --accents " +
                    accents_name(stored.fold_accents) + ", not --accents " +
                    accents_name(wanted.fold_accents) +
                    " (use the same setting, or index into a new database)");
    }
    if (stored.metadata_text != wanted.metadata_text) {
        throw Error("database " + db_path + " was indexed with --metadata-text " +
                    yes_no(stored.metadata_text) + ", not --metadata-text " + yes_no(wanted.metadata_text) +
                    " (use the same setting, or index into a new database)");
    }
}

std::optional<std::pair<std::string, std::string>> settings_difference(const AnalyzerSettings& a,
                                                                     const AnalyzerSettings& b) {
    if (a.language != b.language) return std::pair("--language " + a.language, "--language " + b.language);
    if (a.fold_accents != b.fold_accents) {
        return std::pair("--accents " + accents_name(a.fold_accents), "--accents " + accents_name(b.fold_accents));
    }
    if (a.metadata_text != b.metadata_text) {
        return std::pair("--metadata-text " + yes_no(a.metadata_text), "--metadata-text " + yes_no(b.metadata_text));
    }
    return std::nullopt;
}

}  // namespace newsdex
