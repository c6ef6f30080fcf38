#include "database/retry.h"

#include <cctype>
#include <string_view>

namespace newsdex {

DatabaseFault fault_of(const Xapian::Error& e) {
    // Xapian's errors are not polymorphic (no dynamic_cast); each names its class.
    const std::string_view type = e.get_type();
    if (type == "DatabaseLockError") return DatabaseFault::locked;
    if (type == "DatabaseVersionError") return DatabaseFault::version;
    if (type == "DatabaseModifiedError") return DatabaseFault::changed;
    if (type == "DatabaseCorruptError") return DatabaseFault::corrupt;
    if (type == "NetworkError" || type == "NetworkTimeoutError" || type == "RemoteError") return DatabaseFault::remote;
    if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") return DatabaseFault::missing;
    return DatabaseFault::other;
}

std::string network_reason(const Xapian::Error& e) {
    std::string reason = e.get_error_string() != nullptr && *e.get_error_string() != '\0' ? e.get_error_string()
                                                                                       : e.get_msg();
    if (std::string_view(e.get_type()) == "NetworkTimeoutError") reason = "no answer within the timeout";
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return reason;
}

DatabaseError database_error(const Xapian::Error& e, const RetryPlan& plan) {
    const DatabaseFault fault = fault_of(e);
    switch (fault) {
        case DatabaseFault::changed:
            return DatabaseError("database " + plan.database + " keeps changing; try again", fault);
        case DatabaseFault::version:
            return DatabaseError("database " + plan.database + " was made by an incompatible Xapian version: " + e.get_msg(),
                                 fault);
        case DatabaseFault::locked:
            return DatabaseError("database " + plan.database + " is being written by another process", fault);
        case DatabaseFault::remote:
            if (!plan.part.empty()) return DatabaseError("part " + plan.part + ": " + network_reason(e), fault);
            return DatabaseError(plan.subject + ": " + network_reason(e), fault);
        default:
            return DatabaseError(plan.subject + ": " + e.get_description(), fault);
    }
}

}  // namespace newsdex
