// kith/io/dot.hpp -- Graphviz DOT of warm paths and their neighbourhood.
//
// Design decisions: the picture answers "who do I ask, and how well do they know each other":
// the people of the paths, plus for each of them up to `neighbours` of their warmest other
// contacts for context, and every tie among the people shown. Warmth is line width (linear from
// `min_penwidth` at 0 to `max_penwidth` at 1), the tier is colour (strong green, occasional
// orange, weak grey), ties on a path are solid and labelled with their warmth, context ties are
// dashed. The asker (first person of the first path) is blue, the people reached are green,
// introducers yellow, context people white. Only what the asker may see is drawn: ties private to
// someone else and avoided people never appear (the same rule as the path search). Node ids are
// person keys; output is deterministic (people by vertex, ties by their two vertices), so it can
// be compared byte for byte. Rendering to SVG (`dot -Tsvg`) is left to the caller: kith's
// headers never start processes.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith::io {

/// What `write_dot` draws.
struct dot_options {
    /// Context: up to this many warmest visible contacts of each person on a path (default 4;
    /// 0 draws the paths only).
    std::size_t neighbours = 4;
    /// Whose view is drawn: ties private to anyone else are never drawn (nullopt: public only).
    std::optional<person_id> asker{};
    /// People never drawn as context (people on a path are always drawn).
    std::vector<person_id> avoid{};
    /// Line width of a tie of warmth 0 and of warmth 1 (linear in between). 0 < min <= max.
    double min_penwidth = 0.5;
    double max_penwidth = 6.0;
    /// The graph's name in the DOT text (quoted as needed).
    std::string graph_name = "kith";
};

/// The colour of a tier: strong "#1a9641" (green), occasional "#f17c1b" (orange), weak
/// "#8c8c8c" (grey). O(1).
constexpr std::string_view tier_colour(tier t) noexcept {
    return t == tier::strong ? "#1a9641" : t == tier::occasional ? "#f17c1b" : "#8c8c8c";
}

namespace detail {

/// A DOT double-quoted string: `"` and `\` escaped, line breaks as \n.
inline std::string dot_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out + "\"";
}

inline std::string dot_number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

} // namespace detail

/// Writes `paths` (best first; the first path's source is the asker's side) and their
/// neighbourhood as an undirected DOT graph (see the header comment for the encoding).
/// Complexity: O(sum over path people of deg log deg + S^2 log S) for S people shown.
/// Preconditions: none. Returns: nothing; an empty `paths` writes an empty graph.
/// Throws: `unknown_person` (a person of a path, the asker or an avoided person not in `s`),
/// `invalid_argument` (penwidths not 0 < min <= max, a path of no people, or consecutive path
/// people without a tie the asker may see). Exact and deterministic.
inline void write_dot(std::ostream& os, const snapshot& s, const std::vector<warm_path>& paths,
                      const dot_options& opt = {}) {
    constexpr const char* fn = "write_dot";
    if (!(opt.min_penwidth > 0 && opt.min_penwidth <= opt.max_penwidth && std::isfinite(opt.max_penwidth)))
        throw invalid_argument(std::string(fn) + ": penwidths " + std::to_string(opt.min_penwidth) + ".." +
                               std::to_string(opt.max_penwidth) + " are not 0 < min <= max");
    using V = snapshot::vertex_type;
    auto vertex = [&](person_id p, const char* role) {
        auto v = s.find_vertex(p);
        if (!v)
            throw unknown_person(std::string(fn) + ": " + role + " id " + std::to_string(p.value()) +
                                 " is not in the snapshot");
        return *v;
    };
    std::optional<V> asker;
    if (opt.asker) asker = vertex(*opt.asker, "asker");
    std::set<V> avoided;
    for (person_id p : opt.avoid) avoided.insert(vertex(p, "avoided person"));

    enum class role : std::uint8_t { context, introducer, target, source };
    std::map<V, role> shown;
    std::set<std::pair<V, V>> on_path;
    auto promote = [&](V v, role r) {
        auto [it, fresh] = shown.emplace(v, r);
        if (!fresh && static_cast<int>(r) > static_cast<int>(it->second)) it->second = r;
    };
    for (const warm_path& p : paths) {
        if (p.people.empty()) throw invalid_argument(std::string(fn) + ": a path has no people");
        std::vector<V> vs;
        for (person_id q : p.people) vs.push_back(vertex(q, "path person"));
        for (std::size_t i = 0; i < vs.size(); ++i)
            promote(vs[i], i == 0 ? role::source : i + 1 == vs.size() ? role::target : role::introducer);
        for (std::size_t i = 0; i + 1 < vs.size(); ++i) {
            auto a = s.find_arc(vs[i], vs[i + 1]);
            if (!a || !s.arc_visible(*a, asker))
                throw invalid_argument(std::string(fn) + ": no visible tie between '" + s.person_at(vs[i]).key +
                                       "' and '" + s.person_at(vs[i + 1]).key + "' on a path");
            on_path.emplace(std::min(vs[i], vs[i + 1]), std::max(vs[i], vs[i + 1]));
        }
    }
    // Context: the warmest visible contacts of each path person (adjacency is sorted by cost).
    if (opt.neighbours > 0) {
        std::vector<V> path_people;
        for (const auto& [v, r] : shown) path_people.push_back(v);
        for (V v : path_people) {
            std::size_t added = 0;
            for (auto a = s.arc_begin(v); a != s.arc_end(v) && added < opt.neighbours; ++a) {
                const V w = s.arc_target(a);
                if (!s.arc_visible(a, asker) || avoided.count(w)) continue;
                shown.emplace(w, role::context);  // keeps a path person's role
                ++added;
            }
        }
    }

    os << "graph " << detail::dot_quote(opt.graph_name) << " {\n";
    os << "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];\n";
    os << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11];\n";
    os << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (const auto& [v, r] : shown) {
        const person& p = s.person_at(v);
        std::string label = p.name.empty() ? p.key : p.name;
        if (!p.organization.empty()) label += "\n" + p.organization;
        const char* fill = r == role::source ? "#c6dbef" : r == role::target ? "#c7e9c0" : r == role::introducer ? "#fff3b0" : "#ffffff";
        os << "  " << detail::dot_quote(p.key) << " [label=" << detail::dot_quote(label) << ", fillcolor=\"" << fill << "\"";
        if (r == role::context) os << ", color=\"#9e9e9e\", fontcolor=\"#616161\"";
        else os << ", penwidth=1.5";
        os << "];\n";
    }
    for (const auto& [v, r] : shown) {
        std::vector<std::pair<V, snapshot::arc_index>> out;
        for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a) {
            const V w = s.arc_target(a);
            if (w > v && shown.count(w) && s.arc_visible(a, asker)) out.emplace_back(w, a);
        }
        std::sort(out.begin(), out.end());
        for (const auto& [w, a] : out) {
            const double warmth = s.arc_warmth(a);
            const bool path_tie = on_path.count({v, w}) != 0;
            os << "  " << detail::dot_quote(s.person_at(v).key) << " -- " << detail::dot_quote(s.person_at(w).key)
               << " [penwidth=" << detail::dot_number(opt.min_penwidth + (opt.max_penwidth - opt.min_penwidth) * warmth)
               << ", color=\"" << tier_colour(tier_of(warmth)) << "\"";
            if (path_tie) os << ", label=\"" << detail::dot_number(warmth) << "\"";
            else os << ", style=dashed";
            os << ", tooltip=\"" << to_string(tier_of(warmth)) << " " << detail::dot_number(warmth) << "\"];\n";
        }
    }
    os << "}\n";
}

/// The DOT text of `write_dot` as a string. Complexity, Throws: as `write_dot`.
inline std::string to_dot(const snapshot& s, const std::vector<warm_path>& paths, const dot_options& opt = {}) {
    std::ostringstream os;
    write_dot(os, s, paths, opt);
    return os.str();
}

} // namespace kith::io
