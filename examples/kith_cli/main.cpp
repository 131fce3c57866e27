// examples/kith_cli/main.cpp -- the `kith` command: warm introduction paths, whom to meet, which
// ties to grow, bridges, cooling ties, network health, which group to join, the event plan, a
// benchmark and format conversion, on a CRM export
// (--data DIR) or an edge list (--edges FILE).
//
// Exit codes: 0 success (also "no path": an empty list), 2 bad input or bad usage (one line on
// stderr, "kith: error: ...", naming the file:line:column or the option and value), 1 anything
// unexpected (one line, never a stack trace).
#include "cli.hpp"

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <string>

namespace {

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

} // namespace

int main(int argc, char** argv) {
    int exit_code = 0;
    try {
        CLI::App app{"kith: warm introduction paths and whom to meet next", "kith"};
        app.require_subcommand(1);
        app.fallthrough(false);
        app.set_version_flag("--version", "kith 0.1.0");
        kith_cli::add_path_command(app, &exit_code);
        kith_cli::add_suggest_command(app, &exit_code);
        kith_cli::add_health_command(app, &exit_code);
        kith_cli::add_plan_event_command(app, &exit_code);
        kith_cli::add_groups_command(app, &exit_code);
        kith_cli::add_bench_command(app, &exit_code);
        kith_cli::add_convert_command(app, &exit_code);
        try {
            app.parse(argc, argv);
        } catch (const CLI::Success& e) {  // --help, --version
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            std::cerr << "kith: error: " << one_line(e.what()) << " (see kith --help)\n";
            return 2;
        }
        std::cout.flush();
        return exit_code;
    } catch (const kith::error& e) {
        std::cout.flush();
        std::cerr << "kith: error: " << one_line(e.what()) << '\n';
        return 2;
    } catch (const std::bad_alloc&) {
        std::cerr << "kith: internal error: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "kith: internal error: " << one_line(e.what()) << '\n';
        return 1;
    } catch (...) {
        std::cerr << "kith: internal error: unknown exception\n";
        return 1;
    }
}
