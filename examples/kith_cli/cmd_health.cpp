// examples/kith_cli/cmd_health.cpp -- `kith health`: one person's network in figures (contacts
// by tier, reach, diversity, brokerage, cooling ties), and with --compare-to how it grew since
// an earlier date (a second snapshot of the same data at that date).
#include "cli.hpp"

#include <kith/io/json.hpp>

#include <kith/io/detail/text.hpp>
#include <kith/io/table.hpp>
#include <kith/metrics/health.hpp>

#include <iostream>
#include <memory>

namespace kith_cli {

namespace {

struct health_args {
    input_options in;
    output_options out;
    std::string me;
    std::string compare_to;
};

void print_people(const kith::snapshot& s, const std::string& title, const std::vector<kith::person_id>& ps) {
    std::cout << "\n" << title << " (" << ps.size() << ")";
    if (ps.empty()) {
        std::cout << ": none\n";
        return;
    }
    std::cout << ":\n";
    for (kith::person_id p : ps) std::cout << "  " << kith::io::person_label(s, p) << "\n";
}

int run_health(const health_args& a) {
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;
    const kith::person_id me = person_of(d, a.me, "--me");
    kith::health_options o;
    if (d.asker && *d.asker != me)
        throw usage_error("health: --as must be the --me person (figures use the ties --me may see)");
    kith::io::json_options jo;
    jo.significant_digits = a.out.digits;
    const std::string who = kith::io::person_label(s, me);
    const std::string now = kith::io::format_date(d.now);

    if (a.compare_to.empty()) {
        const kith::network_health h = kith::health_of(s, me, o);
        if (a.out.json) {
            nlohmann::json j;
            j["me"] = a.me;
            j["now"] = kith::io::detail::iso8601(d.now);
            j["health"] = kith::io::to_json(h, jo);
            print_json(j);
            return 0;
        }
        std::cout << "Network health of " << who << " as of " << now << "\n\n";
        kith::io::health_table(h).print(std::cout);
        return 0;
    }

    const auto t = kith::io::detail::parse_timestamp(a.compare_to);
    if (!t)
        throw usage_error("--compare-to: '" + a.compare_to + "' is not a date (expected " +
                          kith::io::detail::timestamp_forms + ")");
    if (!(*t < d.now))
        throw usage_error("--compare-to: " + kith::io::format_date(*t) + " is not before --now (" + now + ")");
    const kith::snapshot before(d.net, *t);
    const kith::network_growth g = kith::compare_health(before, s, me, o);
    const std::string then = kith::io::format_date(*t);
    if (a.out.json) {
        nlohmann::json j;
        j["me"] = a.me;
        j["now"] = kith::io::detail::iso8601(d.now);
        j["compare_to"] = kith::io::detail::iso8601(*t);
        j["health"] = kith::io::to_json(g.after, jo);
        j["growth"] = kith::io::to_json(s, g, jo);
        print_json(j);
        return 0;
    }
    std::cout << "How the network of " << who << " changed from " << then << " to " << now << "\n\n";
    kith::io::growth_table(g, then, now).print(std::cout);
    print_people(s, "New contacts", g.new_contacts);
    print_people(s, "Lost contacts", g.lost_contacts);
    std::cout << "\nWarmer ties (" << g.warmer.size() << ")" << (g.warmer.empty() ? ": none\n" : ":\n");
    if (!g.warmer.empty()) kith::io::tier_changes_table(s, g.warmer).print(std::cout, "  ");
    std::cout << "\nCooler ties (" << g.cooler.size() << ")" << (g.cooler.empty() ? ": none\n" : ":\n");
    if (!g.cooler.empty()) kith::io::tier_changes_table(s, g.cooler).print(std::cout, "  ");
    return 0;
}

} // namespace

void add_health_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<health_args>();
    CLI::App* cmd = app.add_subcommand("health", "one person's network in figures, and how it grew since a date");
    add_input_options(*cmd, a->in);
    add_output_options(*cmd, a->out);
    cmd->add_option("--me", a->me, "whose network (person key)")->required()->type_name("KEY");
    cmd->add_option("--compare-to", a->compare_to,
                    "also evaluate at this earlier date and show what changed (ISO 8601 or Unix seconds)")
        ->type_name("DATE");
    cmd->callback([a, exit_code] { *exit_code = run_health(*a); });
}

} // namespace kith_cli
