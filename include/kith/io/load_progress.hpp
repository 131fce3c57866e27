// kith/io/load_progress.hpp -- progress reports of kith's loaders.
//
// Design decisions: a loader reports progress through an optional callback in
// its options struct (`std::function<void(const load_progress&)>`), called on
// the loading thread about every 4 MiB of input and once at the end of each
// file and phase, so a terminal can draw a bar. The callback may throw to
// cancel a load; the exception propagates and, loads being all-or-nothing,
// the target network is left unchanged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace kith::io {

/// What a loader is doing when it reports progress.
enum class load_phase : std::uint8_t {
    reading,   ///< parsing a file (bytes_done grows to bytes_total)
    building,  ///< inserting what was read into the network (items_done grows to items_total)
};

/// One progress report.
struct load_progress {
    std::string file{};             ///< the file (or stream name) being loaded
    load_phase phase = load_phase::reading;
    std::uint64_t bytes_done = 0;   ///< bytes of `file` parsed so far
    std::uint64_t bytes_total = 0;  ///< size of `file` (0 when unknown, e.g. a stream)
    std::uint64_t lines = 0;        ///< lines parsed so far
    std::uint64_t items_done = 0;   ///< building: items inserted so far
    std::uint64_t items_total = 0;  ///< building: items to insert
};

/// The progress callback type of every loader option struct (empty = no reports).
using progress_callback = std::function<void(const load_progress&)>;

}  // namespace kith::io
