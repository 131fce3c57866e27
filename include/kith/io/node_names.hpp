// kith/io/node_names.hpp -- names for the people of an edge list ("id name" files such as
// florentine_node_map.txt).
//
// Design decisions: edge lists carry only node ids, which become person keys; a
// companion file `id name...` (one node per line, the name being the rest of the
// line, spaces allowed) gives them display names. A line naming an id that is not a
// person yet creates that person when `create_missing` is set (an isolated node,
// such as Pucci among the Florentine families), else it is an error. Same text rules
// as edge lists: `#`/`%` comments, blank lines, LF or CRLF, no final newline, BOM,
// UTF-8. All-or-nothing.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/types.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/network.hpp>

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kith::io {

/// Options of `read_node_names`.
struct node_names_options {
    /// Create a person for an id that is not yet a key in the network (else a parse_error).
    bool create_missing = true;
    /// A line whose first non-blank character is one of these is a comment.
    std::string comment_chars = "#%";
};

/// What `read_node_names` did.
struct node_names_report {
    std::size_t named = 0;    ///< people whose name was set
    std::size_t created = 0;  ///< of those, people created (create_missing)
    friend bool operator==(const node_names_report& x, const node_names_report& y) {
        return x.named == y.named && x.created == y.created;
    }
    friend bool operator!=(const node_names_report& x, const node_names_report& y) { return !(x == y); }
};

namespace detail {

inline node_names_report load_node_names(network& net, std::string_view data, const std::string& file,
                                         const node_names_options& opt) {
    auto fail = [&](std::size_t line, std::size_t line_start, std::size_t pos, std::string_view text,
                    const std::string& expected, const std::string& message) {
        throw parse_error(file, line, column_of(data, line_start, pos), shorten(text), expected,
                          "read_node_names: " + message);
    };
    std::size_t p = 0;
    if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
    const std::size_t bad = find_invalid_utf8(data);
    std::vector<std::pair<std::string, std::string>> rows;
    std::unordered_map<std::string, std::size_t> first_line;
    std::size_t line = 0;
    while (p < data.size()) {
        ++line;
        const std::size_t ls = p;
        std::size_t e = data.find('\n', p);
        const std::size_t next = e == std::string_view::npos ? data.size() : e + 1;
        if (e == std::string_view::npos) e = data.size();
        if (e > ls && data[e - 1] == '\r') --e;
        if (bad != std::string_view::npos && bad >= ls && bad < next)
            fail(line, ls, bad, data.substr(bad, 4), "UTF-8 text", "the file is not valid UTF-8");
        const std::string_view text = data.substr(ls, e - ls);
        p = next;
        const std::string_view t = trim(text);
        if (t.empty() || opt.comment_chars.find(t.front()) != std::string::npos) continue;
        const std::size_t id_at = static_cast<std::size_t>(t.data() - data.data());
        std::size_t k = 0;
        while (k < t.size() && t[k] != ' ' && t[k] != '\t') ++k;
        const std::string_view id = t.substr(0, k), name = trim(t.substr(k));
        if (name.empty()) fail(line, ls, id_at + t.size(), "", "'id name'", "missing name for '" + std::string(id) + "'");
        auto [it, fresh] = first_line.emplace(std::string(id), line);
        if (!fresh)
            fail(line, ls, id_at, id, "each id once",
                 "duplicate id '" + std::string(id) + "' (first at line " + std::to_string(it->second) + ")");
        if (!opt.create_missing && !net.find(id))
            fail(line, ls, id_at, id, "an id of the network", "unknown person '" + std::string(id) + "'");
        rows.emplace_back(std::string(id), std::string(name));
    }
    network work = net;
    node_names_report rep;
    for (auto& [id, name] : rows) {
        if (auto who = work.find(id)) {
            person x = work.at(*who);
            x.name = std::move(name);
            work.update_person(*who, std::move(x));
        } else {
            person x;
            x.key = id;
            x.name = std::move(name);
            work.add_person(std::move(x));
            ++rep.created;
        }
        ++rep.named;
    }
    net.swap(work);
    return rep;
}

}  // namespace detail

/// Sets the display names of people from an `id name...` file (see the header comment).
/// Complexity: O(file size + lines * (|name| + organisation size) + size of `net`).
/// Preconditions: none. Returns: how many people were named and created.
/// Throws: `parse_error` (file, line, column, text) for bad UTF-8, a line without a name, a
/// duplicate id, an unknown id without `create_missing`, and (line 0) an unreadable file.
/// On any exception `net` is unchanged. Exact.
inline node_names_report read_node_names(network& net, const std::string& path, const node_names_options& opt = {}) {
    const std::string data = detail::read_file(path, "read_node_names");
    return detail::load_node_names(net, data, path, opt);
}

/// Reads node names from a stream; `name` names it in errors. Same rules as the path overload.
/// Complexity, Preconditions, Returns, Throws: as the path overload (no "cannot open" error). Exact.
inline node_names_report read_node_names(network& net, std::istream& in, std::string_view name,
                                         const node_names_options& opt = {}) {
    const std::string data = detail::read_stream(in);
    return detail::load_node_names(net, data, std::string(name), opt);
}

}  // namespace kith::io
