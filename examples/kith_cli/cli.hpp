// examples/kith_cli/cli.hpp -- what the kith command's subcommands share: input options,
// loading with a progress bar, --now, person keys, output settings.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/time.hpp>
#include <kith/io/json.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kith_cli {

/// Bad command-line use that CLI11 cannot express (exit 2, like every kith::error).
class usage_error : public kith::error {
public:
    explicit usage_error(const std::string& m) : kith::error(m) {}
};

/// Where the data comes from and how it is read and evaluated.
struct input_options {
    std::string data;                  ///< --data DIR (CSV layout)
    std::string edges;                 ///< --edges FILE (SNAP/Konect edge list)
    std::optional<double> weight_scale;
    double weight_offset = 0.0;
    double default_warmth = 0.5;
    std::string now;                   ///< --now ISO date; empty = the day after the latest interaction
    std::string as;                    ///< --as KEY (the asker)
    bool quiet = false;                ///< no progress bar
};

/// Output settings.
struct output_options {
    bool json = false;
    int digits = 6;  ///< significant digits of JSON numbers (0 = exact)
};

/// The JSON writer options for the command's output options.
inline kith::io::json_options json_opts(const output_options& out) {
    kith::io::json_options o;
    o.significant_digits = out.digits;
    return o;
}

/// The loaded input.
struct loaded {
    kith::network net;
    std::shared_ptr<const kith::snapshot> snap;
    kith::timestamp now{};
    std::optional<kith::person_id> asker;  ///< --as
    std::string source;                    ///< the --data or --edges argument
};

/// Registers --data/--edges/--now/--as/... on a subcommand.
void add_input_options(CLI::App& cmd, input_options& in, bool needs_input = true);
/// Registers --json and --digits.
void add_output_options(CLI::App& cmd, output_options& out);

/// Loads the input (progress bar on a terminal), computes --now, freezes a snapshot.
/// Throws kith::error (parse_error names file:line:column) or usage_error.
loaded load_input(const input_options& in);

/// The person with key `key`; unknown_person naming the option otherwise.
kith::person_id person_of(const loaded& d, const std::string& key, const std::string& option);
std::vector<kith::person_id> people_of(const loaded& d, const std::vector<std::string>& keys, const std::string& option);

/// Validator: a number in (0,1].
CLI::Validator unit_interval_open_left();
/// Validator: a number in [0,1].
CLI::Validator unit_interval_closed();

/// Prints `j` (2-space indent) and a newline on stdout.
void print_json(const nlohmann::json& j);

/// Subcommands. Each registers itself and sets `*exit_code` when it runs.
void add_path_command(CLI::App& app, int* exit_code);
void add_groups_command(CLI::App& app, int* exit_code);
void add_plan_event_command(CLI::App& app, int* exit_code);
void add_suggest_command(CLI::App& app, int* exit_code);
void add_health_command(CLI::App& app, int* exit_code);
void add_bench_command(CLI::App& app, int* exit_code);
void add_convert_command(CLI::App& app, int* exit_code);

} // namespace kith_cli
