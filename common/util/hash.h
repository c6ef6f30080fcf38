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

// A 64-bit finaliser to take before reducing a hash modulo a small number: FNV's low bits are
// weak (its lowest bit is the parity of the key's bytes, so "#12 … 12" keys all land
// together), and this spreads every bit over all of them.
inline std::uint64_t mix64(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

}  // namespace newsdex
