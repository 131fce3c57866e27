// examples/story_text.hpp -- small text helpers the example programs share (not part of kith).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace story {

/// `s` padded with spaces to `columns` characters. Characters, not bytes: a name such as
/// "Taylor Núñez" takes 14 bytes in UTF-8 but 12 terminal columns, and printf's "%-16s" pads
/// by bytes. Counts UTF-8 code points (every byte that does not continue a sequence).
inline std::string pad(std::string_view s, std::size_t columns) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0u) != 0x80u;
    std::string out(s);
    if (n < columns) out.append(columns - n, ' ');
    return out;
}

/// `s` padded or cut to exactly `columns` characters (UTF-8 code points, as `pad`); a cut text
/// ends in "…" so the reader sees it goes on.
inline std::string fit(std::string_view s, std::size_t columns) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0u) != 0x80u;
    if (n <= columns) return pad(s, columns);
    std::string out;
    std::size_t chars = 0;
    for (unsigned char c : s) {
        const bool starts = (c & 0xC0u) != 0x80u;
        if (starts && chars + 1 == columns) break;  // room for the ellipsis
        chars += starts;
        out += static_cast<char>(c);
    }
    return columns == 0 ? std::string() : out + "\xE2\x80\xA6";
}

/// "1 mutual contact", "3 mutual contacts".
inline std::string count(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

}  // namespace story
