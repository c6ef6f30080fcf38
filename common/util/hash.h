// FNV-1a, the one hash Newsdex stores: root ids, shortened unique keys, shard routing, term and
// group hashes. It is written to disk, so it must give the same value on every build and platform,
// which std::hash does not promise.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdex {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;

// `seed` chains hashes: fnv1a(b, fnv1a(a)) hashes a then b.
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = kFnvOffset) {
    std::uint64_t h = seed;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace newsdex
