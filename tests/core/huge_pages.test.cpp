// Tests of kith/core/huge_pages.hpp: the allocator is a correct standard allocator on both of its
// paths (small blocks: std::allocator; big blocks: 2 MiB-aligned) and, on Linux with transparent
// huge pages available, big blocks really carry the advice (the kernel reports the mapping as
// eligible for huge pages).
#include "kith_catch.hpp"

#include <kith/core/huge_pages.hpp>

#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace {

using big_vector = std::vector<std::uint64_t, kith::detail::huge_page_allocator<std::uint64_t>>;

#if defined(__linux__)
/// The "THPeligible" value the kernel reports for the mapping holding `p`, or -1 when unknown.
int thp_eligible(const void* p) {
    std::ifstream smaps("/proc/self/smaps");
    const auto addr = reinterpret_cast<std::uintptr_t>(p);
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        const auto dash = line.find('-');
        const auto space = line.find(' ');
        if (dash != std::string::npos && space != std::string::npos && dash < space &&
            line.find_first_not_of("0123456789abcdef") == dash) {
            const auto lo = std::stoull(line.substr(0, dash), nullptr, 16);
            const auto hi = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
            inside = lo <= addr && addr < hi;
            continue;
        }
        if (inside && line.rfind("THPeligible:", 0) == 0) return std::stoi(line.substr(12));
    }
    return -1;
}

bool thp_available() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string s;
    std::getline(f, s);
    return s.find("[always]") != std::string::npos || s.find("[madvise]") != std::string::npos;
}
#endif

} // namespace

TEST_CASE("huge_page_allocator keeps values on both paths and across growth", "[core][huge_pages]") {
    big_vector v(10);
    std::iota(v.begin(), v.end(), std::uint64_t{1});
    // Grow past the threshold (4 MiB = 524,288 words): the block moves from the small path to
    // the big one, the values come along.
    v.resize(3'000'000);
    for (std::size_t i = 10; i < v.size(); ++i) v[i] = i * 7;
    CHECK(v[0] == 1u);
    CHECK(v[9] == 10u);
    CHECK(v[2'999'999] == 2'999'999u * 7);
    CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % kith::detail::huge_page_bytes == 0);
    big_vector copy = v;
    CHECK(copy == v);
    v.clear();
    v.shrink_to_fit();  // back to the small path (or no block at all)
    v.push_back(5);
    CHECK(v.size() == 1u);
    CHECK(v[0] == 5u);
    CHECK(kith::detail::huge_page_allocator<int>{} == kith::detail::huge_page_allocator<double>{});
    CHECK_FALSE(kith::detail::huge_page_allocator<int>{} != kith::detail::huge_page_allocator<double>{});
}

#if defined(__linux__)
TEST_CASE("huge_page_allocator advises big blocks for huge pages", "[core][huge_pages]") {
    big_vector big(2'000'000, 1);  // 16 MB
    const int advised = thp_eligible(big.data());
    if (!thp_available() || advised < 0) {
        WARN("transparent huge pages unavailable or not reported here: advice not checked");
        return;
    }
    CHECK(advised == 1);  // under "madvise" (the usual setting) only advised ranges are eligible
}
#endif
