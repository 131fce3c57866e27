// kith/io/snap_ego.hpp -- reads SNAP ego-network circle files (ego-Facebook's
// `<ego>.circles`) as groups.
//
// Design decisions: a `.circles` file has one hand-labelled friend list per line,
// `circleName<TAB>member<TAB>member...` (runs of tabs or spaces separate fields);
// blank lines are skipped, LF or CRLF, a missing final newline. Each circle
// becomes a group named `group_prefix + circleName` (the prefix defaults to the
// file's stem and '/', e.g. "0/circle3", because every ego numbers its circles
// from circle0); a group of that name that already exists is reused. Members are
// person keys (the token text, as in kith/io/edge_list.hpp, so they name the same
// people as the ego's edge list); a member who is not a live person is created
// (or, with `create_people = false`, is a parse_error). A circle named twice in
// one file is a parse_error; a member listed twice in one circle joins once.
// Loading is all-or-nothing: the whole file is parsed first, then applied to a
// copy of the network that is swapped in. The `.feat` files (anonymised binary
// profile features) have no counterpart in kith's model and are not read.
#pragma once

#include <kith/core/error.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/io/load_progress.hpp>
#include <kith/network.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kith::io {

/// Options of `read_snap_circles`.
struct snap_circles_options {
    /// Prefix of the group names; unset: the file's stem and '/' ("0.circles" -> "0/"), for a
    /// stream its name's stem.
    std::optional<std::string> group_prefix{};
    /// When false, a member who is not a live person of the network is a parse_error.
    bool create_people = true;
    /// Called once at the end of the file's reading and of the insertion (empty: no reports).
    progress_callback progress{};
};

/// What `read_snap_circles` did.
struct snap_circles_report {
    std::size_t lines = 0;        ///< physical lines
    std::size_t circles = 0;      ///< circles read (non-blank lines)
    std::size_t groups = 0;       ///< groups created (circles whose group did not exist)
    std::size_t memberships = 0;  ///< distinct (circle, member) pairs
    std::size_t people = 0;       ///< people created
    friend bool operator==(const snap_circles_report& x, const snap_circles_report& y) {
        return x.lines == y.lines && x.circles == y.circles && x.groups == y.groups &&
               x.memberships == y.memberships && x.people == y.people;
    }
    friend bool operator!=(const snap_circles_report& x, const snap_circles_report& y) { return !(x == y); }
};

namespace detail {

/// Parses a whole `.circles` text and applies it to `net` (all-or-nothing).
inline snap_circles_report read_snap_circles_text(network& net, std::string_view text, const std::string& file,
                                                  const snap_circles_options& opt) {
    const char* fn = "read_snap_circles";
    std::string prefix;
    if (opt.group_prefix) {
        prefix = *opt.group_prefix;
    } else {
        prefix = std::filesystem::path(file).stem().string() + "/";
    }
    struct circle {
        std::string name;
        std::vector<std::string_view> members;
    };
    std::vector<circle> circles;
    std::unordered_set<std::string_view> names;
    snap_circles_report rep;
    std::size_t pos = 0;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    auto fail = [&](std::string_view line, std::size_t line_no, std::size_t at, std::string_view found,
                    const std::string& expected, const std::string& message) {
        throw parse_error(file, line_no, column_of(line, 0, at), shorten(found), expected,
                          std::string(fn) + ": " + message);
    };
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++rep.lines;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::size_t line_no = rep.lines;
        std::size_t i = 0;
        circle c;
        bool named = false;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            if (i >= line.size()) break;
            const std::size_t b = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
            const std::string_view tok = line.substr(b, i - b);
            const std::size_t bad = find_invalid_utf8(tok);
            if (bad != std::string_view::npos)
                fail(line, line_no, b + bad, tok.substr(bad, 4), "UTF-8 text",
                     named ? "the member key is not valid UTF-8" : "the circle name is not valid UTF-8");
            if (!named) {
                named = true;
                if (!names.insert(tok).second)
                    fail(line, line_no, b, tok, "a circle name not used earlier in the file",
                         "circle '" + std::string(tok) + "' appears twice");
                c.name = prefix + std::string(tok);
            } else {
                c.members.push_back(tok);
            }
        }
        if (!named) continue;  // blank line
        if (!opt.create_people)
            for (std::string_view m : c.members)
                if (!net.find(m)) {
                    const std::size_t at = static_cast<std::size_t>(m.data() - line.data());
                    fail(line, line_no, at, m, "the key of a person of the network (create_people is false)",
                         "unknown member '" + std::string(m) + "'");
                }
        circles.push_back(std::move(c));
    }
    rep.circles = circles.size();
    // One report after reading (no items) and one after building (all `items` inserted).
    auto report = [&](load_phase phase, std::uint64_t items) {
        if (!opt.progress) return;
        load_progress pr;
        pr.file = file;
        pr.phase = phase;
        pr.bytes_done = pr.bytes_total = text.size();
        pr.lines = rep.lines;
        pr.items_done = pr.items_total = items;
        opt.progress(pr);
    };
    report(load_phase::reading, 0);
    network work = net;
    std::size_t items = 0;
    for (const circle& c : circles) {
        auto g = work.find_group(c.name);
        if (!g) {
            g = work.add_group(group{c.name, {}});
            ++rep.groups;
        }
        std::unordered_set<std::string_view> seen;
        for (std::string_view m : c.members) {
            if (!seen.insert(m).second) continue;
            auto p = work.find(m);
            if (!p) {
                person np;
                np.key = std::string(m);
                p = work.add_person(std::move(np));
                ++rep.people;
            }
            work.join(*g, *p);
            ++rep.memberships;
            ++items;
        }
    }
    report(load_phase::building, items);
    net.swap(work);
    return rep;
}

}  // namespace detail

/// Reads a SNAP `.circles` file at `path` into `net` as groups (see the header comment).
/// Complexity: O(file size + size of `net` (copied) + memberships * group size) expected.
/// Preconditions: none. Returns: counts (lines, circles, groups and people created, memberships).
/// Throws: `parse_error` naming file, line, column and text for a circle named twice in the
/// file, a name or member that is not UTF-8, an unknown member when `create_people` is false,
/// and (line 0) a file that cannot be read; anything the progress callback throws.
/// On any exception `net` is unchanged. Exact.
inline snap_circles_report read_snap_circles(network& net, const std::string& path,
                                             const snap_circles_options& opt = {}) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw parse_error(path, 0, 0, "", "a readable file", "read_snap_circles: the path is a directory");
    const std::string text = detail::read_file(path, "read_snap_circles");
    return detail::read_snap_circles_text(net, text, path, opt);
}

/// Reads a `.circles` text from a stream; `name` names it in errors and gives the default
/// group prefix (its stem). Complexity, Preconditions, Returns, Throws: as the path
/// overload (no "cannot open" error). Exact.
inline snap_circles_report read_snap_circles(network& net, std::istream& in, std::string_view name,
                                             const snap_circles_options& opt = {}) {
    const std::string text = detail::read_stream(in);
    return detail::read_snap_circles_text(net, text, std::string(name), opt);
}

}  // namespace kith::io
