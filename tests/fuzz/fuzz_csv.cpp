// tests/fuzz/fuzz_csv.cpp -- libFuzzer target for every CSV reader of kith/io/csv.hpp.
//
// Input: byte 0 picks the reader (people, interactions, ties, groups, group_themes, events, by
// value % 6), byte 1 picks options (a `not_after` limit, a small `max_field_bytes`); the rest is
// the file. The readers other than people.csv run on a small network whose keys match the test
// fixtures (p0001..p0005), so rows can name known people.
// Oracles beyond the sanitizers: only kith::parse_error may escape a reader; after an error the
// network equals its copy taken before the call (all-or-nothing); after a success the report's
// counts match the network's growth, and the network still freezes into a snapshot.
#include "fuzz_common.hpp"

#include <kith/core/error.hpp>
#include <kith/io/csv.hpp>
#include <kith/network.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

namespace {

const kith::network& base_network() {
    static const kith::network net = [] {
        kith::network n;
        const char* keys[] = {"p0001", "p0002", "p0003", "p0004", "p0005"};
        const char* orgs[] = {"Acme", "Acme", "Bolt", "", "Bolt"};
        for (int i = 0; i < 5; ++i) {
            kith::person p;
            p.key = keys[i];
            p.name = std::string("Person ") + keys[i];
            p.organization = orgs[i];
            p.interests = {"ai", "sailing"};
            n.add_person(std::move(p));
        }
        n.set_warmth(kith::person_id(0), kith::person_id(1), 0.8);
        const auto g = n.add_group(kith::group{"Rotary Club", {"service"}});
        n.join(g, kith::person_id(2));
        return n;
    }();
    return net;
}

constexpr const char* target = "fuzz_csv";

[[noreturn]] void fail(const char* what) { kith_fuzz::oracle_failed(target, what); }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const unsigned which = data[0] % 6u;
    const unsigned flags = data[1];
    const std::string text(reinterpret_cast<const char*>(data + 2), size - 2);

    kith::io::csv_options opt;
    if (flags & 1u) opt.not_after = kith::make_timestamp(2025, 6, 1);
    if (flags & 2u) opt.max_field_bytes = 1u + (flags >> 2);  // 1..64 bytes

    kith::network net = which == 0 && (flags & 0x80u) ? kith::network{} : base_network();
    const kith::network before = net;
    std::istringstream in(text);
    static const char* const names[] = {"people.csv", "interactions.csv", "ties.csv",
                                        "groups.csv", "group_themes.csv", "events.csv"};
    kith::io::load_report rep;
    try {
        switch (which) {
        case 0: rep = kith::io::read_people(net, in, names[0], opt); break;
        case 1: rep = kith::io::read_interactions(net, in, names[1], opt); break;
        case 2: rep = kith::io::read_ties(net, in, names[2], opt); break;
        case 3: rep = kith::io::read_groups(net, in, names[3], opt); break;
        case 4: rep = kith::io::read_group_themes(net, in, names[4], opt); break;
        default: rep = kith::io::read_events(net, in, names[5], opt); break;
        }
    } catch (const kith::parse_error&) {
        if (!(net == before)) fail("the network changed after a parse_error");
        return 0;
    }
    // Success: the report agrees with the network.
    if (net.person_count() != before.person_count() + rep.people) fail("people count != report");
    if (net.interaction_count() != before.interaction_count() + rep.interactions) fail("interaction count != report");
    if (net.group_count() != before.group_count() + rep.groups) fail("group count != report");
    if (net.event_count() != before.event_count() + rep.events) fail("event count != report");
    kith_fuzz::check_freezes(target, net);
    return 0;
}
