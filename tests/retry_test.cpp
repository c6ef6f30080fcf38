// The one retry helper (database/retry.h): what it retries, how often, and the DatabaseError
// each kind of Xapian error becomes.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cerrno>
#include <string>
#include <vector>

#include "database/retry.h"
#include "util/errors.h"

namespace {

using newsdex::DatabaseFault;

newsdex::RetryPlan plan_with_log(std::vector<DatabaseFault>& refreshed, bool keep_trying = true) {
    newsdex::RetryPlan plan;
    plan.database = "news.db";
    plan.subject = "search failed on database news.db";
    plan.refresh = [&refreshed, keep_trying](DatabaseFault fault) {
        refreshed.push_back(fault);
        return keep_trying;
    };
    return plan;
}

// Runs with_retries on an attempt that throws `error` the first `failures` times; returns the
// DatabaseError's message and fault, or "ok" and `other`.
template <typename XapianError>
std::pair<std::string, DatabaseFault> outcome(const newsdex::RetryPlan& plan, int failures, const XapianError& error,
                                              int* attempts = nullptr) {
    int calls = 0;
    try {
        const int result = newsdex::with_retries(plan, [&] {
            if (++calls <= failures) throw error;
            return 7;
        });
        if (attempts != nullptr) *attempts = calls;
        return {"ok " + std::to_string(result), DatabaseFault::other};
    } catch (const newsdex::DatabaseError& e) {
        if (attempts != nullptr) *attempts = calls;
        return {e.what(), e.fault()};
    }
}

TEST(Retry, ACommitInTheWayIsRetriedAfterARefresh) {
    std::vector<DatabaseFault> refreshed;
    int attempts = 0;
    EXPECT_EQ(outcome(plan_with_log(refreshed), 2, Xapian::DatabaseModifiedError("revision 7 gone"), &attempts).first,
              "ok 7");
    EXPECT_EQ(attempts, 3);
    EXPECT_EQ(refreshed, (std::vector<DatabaseFault>{DatabaseFault::changed, DatabaseFault::changed}));
}

TEST(Retry, GivesUpAfterTheLastAttempt) {
    std::vector<DatabaseFault> refreshed;
    int attempts = 0;
    const auto [message, fault] =
        outcome(plan_with_log(refreshed), 5, Xapian::DatabaseModifiedError("revision 7 gone"), &attempts);
    EXPECT_EQ(message, "database news.db keeps changing; try again");
    EXPECT_EQ(fault, DatabaseFault::changed);
    EXPECT_EQ(attempts, 3);
    EXPECT_EQ(refreshed.size(), 2u);
}

TEST(Retry, APassingCorruptionIsRetriedAndALastingOneReported) {
    std::vector<DatabaseFault> refreshed;
    EXPECT_EQ(outcome(plan_with_log(refreshed), 1, Xapian::DatabaseCorruptError("bad block")).first, "ok 7");
    const auto [message, fault] = outcome(plan_with_log(refreshed), 9, Xapian::DatabaseCorruptError("bad block"));
    EXPECT_EQ(message, "search failed on database news.db: DatabaseCorruptError: bad block");
    EXPECT_EQ(fault, DatabaseFault::corrupt);
}

TEST(Retry, WhatNoCommitExplainsIsNotRetried) {
    std::vector<DatabaseFault> refreshed;
    int attempts = 0;
    auto [message, fault] = outcome(plan_with_log(refreshed), 1, Xapian::DatabaseVersionError("glass 2"), &attempts);
    EXPECT_EQ(message, "database news.db was made by an incompatible Xapian version: glass 2");
    EXPECT_EQ(fault, DatabaseFault::version);
    EXPECT_EQ(attempts, 1);
    std::tie(message, fault) = outcome(plan_with_log(refreshed), 1, Xapian::DatabaseLockError("held"));
    EXPECT_EQ(message, "database news.db is being written by another process");
    EXPECT_EQ(fault, DatabaseFault::locked);
    std::tie(message, fault) = outcome(plan_with_log(refreshed), 1, Xapian::InvalidArgumentError("slot"));
    EXPECT_EQ(message, "search failed on database news.db: InvalidArgumentError: slot");
    EXPECT_EQ(fault, DatabaseFault::other);
    EXPECT_TRUE(refreshed.empty());
}

TEST(Retry, ARemotePartsErrorNamesThePart) {
    std::vector<DatabaseFault> refreshed;
    newsdex::RetryPlan plan = plan_with_log(refreshed);
    auto [message, fault] = outcome(plan, 1, Xapian::NetworkTimeoutError("Timeout expired"));
    EXPECT_EQ(message, "search failed on database news.db: no answer within the timeout");
    EXPECT_EQ(fault, DatabaseFault::remote);
    plan.part = "remote 10.0.0.7:6431";
    std::tie(message, fault) = outcome(plan, 1, Xapian::NetworkError("Couldn't connect", ECONNREFUSED));
    EXPECT_EQ(message, "part remote 10.0.0.7:6431: connection refused");
    EXPECT_EQ(fault, DatabaseFault::remote);
}

TEST(Retry, TheRefreshDecidesWhetherAMissingShardIsWorthAnotherTry) {
    std::vector<DatabaseFault> refreshed;
    int attempts = 0;
    const auto [message, fault] =
        outcome(plan_with_log(refreshed, false), 1, Xapian::DatabaseOpeningError("no shard-1.2"), &attempts);
    EXPECT_EQ(message, "search failed on database news.db: DatabaseOpeningError: no shard-1.2");
    EXPECT_EQ(fault, DatabaseFault::missing);
    EXPECT_EQ(attempts, 1);
    EXPECT_EQ(refreshed, std::vector<DatabaseFault>{DatabaseFault::missing});
    EXPECT_EQ(outcome(plan_with_log(refreshed, true), 1, Xapian::DatabaseOpeningError("no shard-1.2")).first, "ok 7");
}

TEST(Retry, WithoutARefreshNothingIsRetried) {
    newsdex::RetryPlan plan;
    plan.database = "news.db";
    plan.subject = "cannot open database news.db for writing";
    int attempts = 0;
    EXPECT_EQ(outcome(plan, 1, Xapian::DatabaseModifiedError("x"), &attempts).first,
              "database news.db keeps changing; try again");
    EXPECT_EQ(attempts, 1);
}

}  // namespace
