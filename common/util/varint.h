// Unsigned LEB128 varints: 7 bits a byte, low bits first, the top bit set on every byte but
// the last. Used wherever Newsdex packs numbers into stored bytes (document data, token spans).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

inline void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

// Reads one varint from the front of `in` and advances past it; false (with `in` unchanged
// in meaning: the caller treats the data as damaged) when `in` ends inside it or it does not
// fit 64 bits.
inline bool read_varint(std::string_view& in, std::uint64_t& v) {
    v = 0;
    for (std::size_t i = 0, shift = 0; i < in.size() && shift < 64; ++i, shift += 7) {
        const auto byte = static_cast<unsigned char>(in[i]);
        v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            in.remove_prefix(i + 1);
            return true;
        }
    }
    return false;
}

}  // namespace newsdex
