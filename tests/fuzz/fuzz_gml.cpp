// tests/fuzz/fuzz_gml.cpp -- libFuzzer target for the small loaders: the GML reader
// (`read_gml`, Newman's network files), the node-name reader (`read_node_names`, "id name"
// companion files of edge lists) and the SNAP ego circles reader (`read_snap_circles`).
//
// Input: byte 0 picks the reader (bit 0: GML; else bit 3 picks names or circles) and its options (GML: default warmth including values the
// option check must reject, weight mapping, weight key; node names: create_missing, comment
// characters); the rest is the file, read through the public istream overloads.
// The target network already holds people whose keys are tokens of the seed files ("0", "1",
// "2", "p0001") and a tie, so files can meet existing people.
// Oracles beyond the sanitizers: only kith::parse_error / kith::invalid_argument may escape;
// after an error the network equals its copy taken before the call (all-or-nothing); after a
// success the report's counts match the network's growth and the network freezes.
#include "fuzz_common.hpp"

#include <kith/io/gml.hpp>
#include <kith/io/node_names.hpp>
#include <kith/io/snap_ego.hpp>
#include <kith/network.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

namespace {

constexpr const char* target = "fuzz_gml";

const kith::network& base_network() {
    static const kith::network net = kith_fuzz::keyed_network({"0", "1", "2", "p0001"});
    return net;
}

[[noreturn]] void fail(const char* what) { kith_fuzz::oracle_failed(target, what); }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const unsigned b0 = data[0];
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    std::istringstream in(text);

    using namespace kith::io;
    kith::network net = base_network();
    const kith::network before = net;
    const bool loaded = kith_fuzz::load_all_or_nothing(target, net, before, [&] {
        if ((b0 & 1u) == 0) {
            gml_options opt;
            static const double defaults[] = {0.5, 1.0, 1e-300, 0.0, 1.5, -0.1,
                                              std::numeric_limits<double>::quiet_NaN(), 0.25};
            opt.default_warmth = defaults[(b0 >> 1) & 7u];
            if (b0 & 0x10u) {
                static const double scales[] = {10.0, 1.0, 0.0, std::numeric_limits<double>::infinity()};
                opt.weight_scale = scales[(b0 >> 5) & 3u];
            }
            if (b0 & 0x80u) opt.weight_key = "weight";
            const gml_report rep = read_gml(net, in, "fuzz.gml", opt);
            if (net.person_count() != before.person_count() + rep.people) fail("gml: people count != report");
            if (net.tie_count() > before.tie_count() + rep.ties) fail("gml: more new ties than the report says");
            if (rep.edges < rep.duplicates + rep.self_loops) fail("gml: edges < duplicates + self-loops");
        } else if (b0 & 8u) {
            snap_circles_options opt;
            opt.create_people = (b0 & 2u) != 0;
            if (b0 & 4u) opt.group_prefix = std::string("c/");
            const snap_circles_report rep = read_snap_circles(net, in, "fuzz.circles", opt);
            if (net.person_count() != before.person_count() + rep.people) fail("circles: people count != report");
            if (net.group_count() != before.group_count() + rep.groups) fail("circles: group count != report");
            if (rep.groups > rep.circles) fail("circles: more groups than circles");
            if (!opt.create_people && rep.people != 0) fail("circles: people created without create_people");
        } else {
            node_names_options opt;
            opt.create_missing = (b0 & 2u) != 0;
            if (b0 & 4u) opt.comment_chars = "#";
            const node_names_report rep = read_node_names(net, in, "fuzz_names.txt", opt);
            if (net.person_count() != before.person_count() + rep.created) fail("names: people count != report");
            if (rep.created > rep.named) fail("names: created > named");
            if (!opt.create_missing && rep.created != 0) fail("names: created without create_missing");
        }
    });
    if (!loaded) return 0;
    kith_fuzz::check_freezes(target, net);
    return 0;
}
