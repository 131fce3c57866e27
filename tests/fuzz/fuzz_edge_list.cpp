// tests/fuzz/fuzz_edge_list.cpp -- libFuzzer target for the SNAP / Konect edge-list reader.
//
// Input: bytes 0-2 pick the options (separator, header handling, column roles, weight mapping,
// recorded interactions, affiliation mode, a `not_after` limit) and the read block size; the
// rest is the file. Most runs read through the same steps as the public istream overload of
// `read_edge_list` but with a small block size (1..4096 bytes, from the input) so that lines
// straddle block boundaries; one run in eight calls the public overload itself (blocks of 64 KiB growing to 8 MiB).
// The target network already holds people whose keys are tokens of the seed files ("1", "2",
// "p0001"), so lines can meet existing people.
// Oracles beyond the sanitizers: only kith::parse_error / kith::invalid_argument may escape;
// after an error the network equals its copy taken before the call (all-or-nothing); after a
// success the report's counts match the network's growth and the network freezes.
#include "fuzz_common.hpp"

#include <kith/io/edge_list.hpp>
#include <kith/network.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

namespace {

constexpr const char* target = "fuzz_edge_list";

const kith::network& base_network() {
    static const kith::network net = [] {
        kith::network n = kith_fuzz::keyed_network({"1", "2", "p0001"});
        n.add_group(kith::group{"g1", {}});
        return n;
    }();
    return net;
}

[[noreturn]] void fail(const char* what) { kith_fuzz::oracle_failed(target, what); }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const unsigned b0 = data[0], b1 = data[1], b2 = data[2];
    const std::string text(reinterpret_cast<const char*>(data + 3), size - 3);

    using namespace kith::io;
    edge_list_options opt;
    opt.separator = static_cast<edge_separator>(b0 % 3u);
    opt.header = static_cast<header_line>((b0 / 3u) % 3u);
    switch ((b0 / 9u) % 4u) {
    case 0: break;  // weight, timestamp
    case 1: opt.columns = {edge_column::timestamp}; break;
    case 2: opt.columns = {edge_column::ignore, edge_column::weight}; break;
    default: opt.columns = {}; break;
    }
    if (b0 & 0x40u) {  // weight mapping, including values the options check must reject
        static const double scales[] = {21.0, 1.0, 1e-300, 0.0, -1.0, std::numeric_limits<double>::infinity(),
                                        std::numeric_limits<double>::quiet_NaN(), 1e300};
        opt.weight_scale = scales[b1 % 8u];
        static const double offsets[] = {11.0, 0.0, -0.5, std::numeric_limits<double>::quiet_NaN()};
        opt.weight_offset = offsets[(b1 / 8u) % 4u];
    }
    static const double defaults[] = {0.5, 1.0, 1e-300, 0.0, 1.5, -0.1, std::numeric_limits<double>::quiet_NaN(), 0.25};
    opt.default_warmth = (b1 & 0x20u) ? defaults[(b1 / 64u) + 4u * ((b0 >> 7) & 1u)] : 0.5;
    opt.record_interactions = (b2 & 1u) != 0;
    opt.affiliation = static_cast<affiliation_mode>((b2 / 2u) % 3u);
    if (b2 & 0x08u) opt.not_after = kith::make_timestamp(2025, 6, 1);
    if (b2 & 0x10u) opt.comment_chars = "#";
    if (opt.affiliation != affiliation_mode::none && (b2 & 0x20u)) opt.affiliation_prefix = "club ";
    const bool public_overload = (b2 & 0xC0u) == 0xC0u && (b1 & 1u);
    const std::size_t block = 1u + (static_cast<std::size_t>(b1) * 16u + (b2 >> 6)) % 4096u;

    kith::network net = base_network();
    const kith::network before = net;
    std::istringstream in(text);
    edge_list_report rep;
    const bool loaded = kith_fuzz::load_all_or_nothing(target, net, before, [&] {
        if (public_overload) {
            rep = read_edge_list(net, in, "fuzz.txt", opt);
        } else {
            // The steps of the istream overload, with a small block size.
            detail::edge_list_parser p(std::string("fuzz.txt"), opt, 0);
            detail::feed_blocks(
                p,
                [&](char* buf, std::size_t n) {
                    in.read(buf, static_cast<std::streamsize>(n));
                    return static_cast<std::size_t>(in.gcount());
                },
                block);
            rep = detail::finish_edge_list(net, p);
        }
    });
    if (!loaded) return 0;
    if (net.person_count() != before.person_count() + rep.people) fail("people count != report");
    if (rep.edges < rep.duplicates + rep.self_loops) fail("edges < duplicates + self-loops");
    if (opt.affiliation == affiliation_mode::none && net.tie_count() > before.tie_count() + rep.ties)
        fail("more new ties than the report says");
    if (net.group_count() != before.group_count() + rep.groups) fail("group count != report");
    if (net.event_count() != before.event_count() + rep.events) fail("event count != report");
    if (net.interaction_count() != before.interaction_count() + rep.interactions) fail("interaction count != report");
    kith_fuzz::check_freezes(target, net);
    return 0;
}
