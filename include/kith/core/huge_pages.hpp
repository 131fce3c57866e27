// kith/core/huge_pages.hpp -- an allocator for big arrays read at random (a snapshot's arcs, a
// search workspace's per-person records).
//
// Design decision: a path search on a graph of millions of ties touches a few thousand places
// scattered over hundreds of megabytes; with 4 KiB pages most of those touches also miss the TLB
// (a 10M-tie snapshot spans ~25,000 pages, the second-level TLB holds ~2,000). Linux backs memory
// with 2 MiB pages when asked (transparent huge pages: the usual system setting is "madvise",
// i.e. only for ranges a program advises), which makes the same data span ~50 pages. Measured on
// the team machine (10M social ties, 1,000 queries): find_warm_path p50 about 10-25% lower with
// huge pages. So big blocks are aligned to 2 MiB and advised with madvise(MADV_HUGEPAGE); small
// blocks, other systems and a refused advice fall back to the ordinary allocation (the advice is
// only a hint: the data and every answer stay the same). This header includes no Boost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace kith::detail {

/// Size of a huge page on x86-64 and most arm64 Linux systems.
inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

/// Blocks at least this large are 2 MiB-aligned and advised for huge pages (smaller ones could
/// not fill one huge page's worth of TLB reach anyway).
inline constexpr std::size_t huge_page_threshold = std::size_t{4} << 20;

/// Standard allocator (stateless, all instances equal) that asks for transparent huge pages on
/// blocks of at least `huge_page_threshold` bytes. Allocation is O(1) plus the system's cost;
/// memory use is the same as std::allocator's (the alignment costs address space, not memory:
/// untouched pages are never backed).
template <class T>
struct huge_page_allocator {
    using value_type = T;

    huge_page_allocator() noexcept = default;
    template <class U>
    huge_page_allocator(const huge_page_allocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < huge_page_threshold) return std::allocator<T>{}.allocate(n);
        void* p = ::operator new(bytes, std::align_val_t{huge_page_bytes});
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        // Whole 4 KiB pages of the block only (p is 2 MiB-aligned); a refusal changes nothing.
        (void)::madvise(p, bytes & ~std::size_t{4095}, MADV_HUGEPAGE);
#endif
        return static_cast<T*>(p);
    }

    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < huge_page_threshold) {
            std::allocator<T>{}.deallocate(p, n);
            return;
        }
        ::operator delete(p, std::align_val_t{huge_page_bytes});
    }

    template <class U>
    friend bool operator==(const huge_page_allocator&, const huge_page_allocator<U>&) noexcept { return true; }
    template <class U>
    friend bool operator!=(const huge_page_allocator&, const huge_page_allocator<U>&) noexcept { return false; }
};

} // namespace kith::detail
