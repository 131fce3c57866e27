// examples/kith_cli/common.cpp -- input options, loading with a progress bar, --now, keys.
#include "cli.hpp"

#include <kith/io/csv.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/io/edge_list.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define KITH_CLI_HAVE_ISATTY 1
#endif

namespace kith_cli {

namespace {

bool stderr_is_terminal() {
#ifdef KITH_CLI_HAVE_ISATTY
    return ::isatty(2) != 0;
#else
    return false;
#endif
}

/// A one-line progress bar on stderr, redrawn in place; cleared when done.
class progress_bar {
public:
    explicit progress_bar(bool on) : on_(on) {}
    ~progress_bar() { clear(); }
    void operator()(const kith::io::load_progress& p) {
        if (!on_) return;
        std::string file = p.file;
        if (auto slash = file.find_last_of('/'); slash != std::string::npos) file = file.substr(slash + 1);
        double frac = 0;
        std::string what;
        if (p.phase == kith::io::load_phase::reading) {
            frac = p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total) : 0;
            what = "reading ";
        } else {
            frac = p.items_total ? static_cast<double>(p.items_done) / static_cast<double>(p.items_total) : 0;
            what = "building";
        }
        constexpr int width = 30;
        const int filled = static_cast<int>(frac * width + 0.5);
        std::fprintf(stderr, "\r  %s %-24.24s [%s%s] %3d%%", what.c_str(), file.c_str(),
                     std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), static_cast<int>(frac * 100 + 0.5));
        std::fflush(stderr);
        drawn_ = true;
    }
    void clear() {
        if (drawn_) std::fprintf(stderr, "\r\033[K");
        drawn_ = false;
    }

private:
    bool on_;
    bool drawn_ = false;
};

kith::timestamp day_after_latest_interaction(const kith::network& net) {
    std::optional<kith::timestamp> latest;
    for (const kith::tie_record& r : net.ties())
        if (!r.events.empty() && (!latest || r.events.back().when > *latest)) latest = r.events.back().when;
    if (!latest) return kith::from_unix(0);
    const std::int64_t s = kith::to_unix(*latest);
    const std::int64_t day = (s >= 0 ? s : s - 86399) / 86400;
    return kith::from_unix((day + 1) * 86400);
}

std::vector<kith::io::edge_column> parse_columns(const std::string& spec) {
    std::vector<kith::io::edge_column> out;
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item == "weight") out.push_back(kith::io::edge_column::weight);
        else if (item == "timestamp") out.push_back(kith::io::edge_column::timestamp);
        else if (item == "ignore") out.push_back(kith::io::edge_column::ignore);
        else throw usage_error("--columns: '" + item + "' is not weight, timestamp or ignore");
    }
    return out;
}

} // namespace

CLI::Validator unit_interval_open_left() {
    return CLI::Validator(
        [](std::string& s) -> std::string {
            auto x = kith::io::detail::parse_double(s);
            if (!x || !(*x > 0.0 && *x <= 1.0)) return s + " is outside (0,1]";
            return {};
        },
        "in (0,1]", "unit_interval_open_left");
}

CLI::Validator unit_interval_closed() {
    return CLI::Validator(
        [](std::string& s) -> std::string {
            auto x = kith::io::detail::parse_double(s);
            if (!x || !(*x >= 0.0 && *x <= 1.0)) return s + " is outside [0,1]";
            return {};
        },
        "in [0,1]", "unit_interval_closed");
}

namespace {
struct edge_extras {
    std::string columns;
    bool record = false;
};
// Per-process storage for the edge-list extras (one subcommand runs per process).
edge_extras& extras() {
    static edge_extras e;
    return e;
}
} // namespace

void add_input_options(CLI::App& cmd, input_options& in, bool needs_input) {
    auto* data = cmd.add_option("--data", in.data, "a folder of CSV files (people.csv, interactions.csv, ...)")
                     ->type_name("DIR");
    auto* edges = cmd.add_option("--edges", in.edges, "a SNAP/Konect edge list: u v [weight [timestamp]]")
                      ->type_name("FILE");
    data->excludes(edges);
    (void)needs_input;
    cmd.add_option("--now", in.now,
                   "evaluate warmth at this date (ISO 8601; default: the day after the latest interaction)")
        ->type_name("DATE");
    cmd.add_option("--as", in.as, "who is asking: ties private to others are invisible")->type_name("KEY");
    cmd.add_option("--weight-scale", in.weight_scale,
                   "edge lists: a weight w maps to warmth (w + offset) / scale")
        ->type_name("S")
        ->check(CLI::PositiveNumber);
    cmd.add_option("--weight-offset", in.weight_offset, "edge lists: see --weight-scale")->type_name("O");
    cmd.add_option("--default-warmth", in.default_warmth, "edge lists: warmth of a tie without a weight (0.5)")
        ->type_name("W")
        ->check(unit_interval_open_left());
    cmd.add_option("--columns", extras().columns,
                   "edge lists: roles of the columns after u v (weight,timestamp,ignore; default weight,timestamp)")
        ->type_name("LIST");
    cmd.add_flag("--record-interactions", extras().record,
                 "edge lists: record each timestamped line as an interaction (warmth from the strength model)");
    cmd.add_flag("--quiet", in.quiet, "no progress bar");
}

void add_output_options(CLI::App& cmd, output_options& out) {
    cmd.add_flag("--json", out.json, "print JSON instead of a table");
    cmd.add_option("--digits", out.digits, "significant digits of JSON numbers (0 = exact; default 6)")
        ->type_name("N")
        ->check(CLI::Range(0, 17));
}

loaded load_input(const input_options& in) {
    if (in.data.empty() && in.edges.empty()) throw usage_error("give the input with --data DIR or --edges FILE");
    loaded d;
    progress_bar bar(!in.quiet && stderr_is_terminal());
    auto report = [&bar](const kith::io::load_progress& p) { bar(p); };
    if (!in.data.empty()) {
        d.source = in.data;
        kith::io::csv_options o;
        o.progress = report;
        kith::io::load_csv_directory(d.net, in.data, o);
    } else {
        d.source = in.edges;
        kith::io::edge_list_options o;
        o.default_warmth = in.default_warmth;
        o.weight_scale = in.weight_scale;
        o.weight_offset = in.weight_offset;
        if (!extras().columns.empty()) o.columns = parse_columns(extras().columns);
        o.record_interactions = extras().record;
        o.progress = report;
        kith::io::read_edge_list(d.net, in.edges, o);
    }
    bar.clear();
    if (in.now.empty()) {
        d.now = day_after_latest_interaction(d.net);
    } else {
        auto t = kith::io::detail::parse_timestamp(in.now);
        if (!t) throw usage_error("--now: '" + in.now + "' is not a date (expected " +
                                  kith::io::detail::timestamp_forms + ")");
        d.now = *t;
    }
    d.snap = kith::freeze(d.net, d.now);
    if (!in.as.empty()) d.asker = person_of(d, in.as, "--as");
    return d;
}

kith::person_id person_of(const loaded& d, const std::string& key, const std::string& option) {
    auto v = d.snap->find(key);
    if (!v) throw kith::unknown_person(option + ": no person has key '" + key + "' in " + d.source);
    return d.snap->id_of(*v);
}

std::vector<kith::person_id> people_of(const loaded& d, const std::vector<std::string>& keys, const std::string& option) {
    std::vector<kith::person_id> out;
    for (const auto& k : keys) out.push_back(person_of(d, k, option));
    return out;
}

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << '\n'; }

} // namespace kith_cli
