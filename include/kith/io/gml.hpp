// kith/io/gml.hpp -- a small GML reader (Newman's network files: karate.gml, lesmis.gml).
//
// Design decisions: reads the subset of GML that network files use --
// `graph [ node [ id N label "..." ] edge [ source a target b value w ] ]` --
// and skips every other key (including nested lists such as `graphics [...]`).
// A node's key is its id as written; its `label`, when present, becomes the
// person's name. Edges follow the edge-list rules: read as undirected
// (`directed 1` too), repeated pairs keep the warmest and are counted, self-loops
// are skipped and counted; the weight key (default `value`) must be a warmth in
// (0,1] unless mapped by `weight_scale` / `weight_offset`, never clamped; an edge
// without a weight gets `default_warmth`. Strings are "..." without escapes
// (GML uses &-entities, which are kept as written). Lines starting with `#` are
// comments. All-or-nothing: the file is parsed completely before a copy of the
// network is changed and swapped in.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/types.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/network.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kith::io {

/// Options of `read_gml`.
struct gml_options {
    /// Warmth of an edge without a weight. Must be in (0,1].
    double default_warmth = 0.5;
    /// When set, a weight w maps to (w + weight_offset) / weight_scale, which must be in (0,1].
    std::optional<double> weight_scale{};
    double weight_offset = 0.0;
    /// The edge key holding the weight ("value" in Newman's files, "weight" elsewhere).
    std::string weight_key = "value";
};

/// What `read_gml` did.
struct gml_report {
    std::size_t nodes = 0;       ///< node records
    std::size_t people = 0;      ///< people created (ids not already keys in the network)
    std::size_t edges = 0;       ///< edge records
    std::size_t ties = 0;        ///< distinct ties
    std::size_t duplicates = 0;  ///< edges repeating an earlier pair
    std::size_t self_loops = 0;  ///< edges with source == target (skipped)
    std::size_t weighted = 0;    ///< edges with a weight
    bool directed = false;       ///< the file said `directed 1` (read as undirected anyway)

    friend bool operator==(const gml_report& x, const gml_report& y) {
        return x.nodes == y.nodes && x.people == y.people && x.edges == y.edges && x.ties == y.ties &&
               x.duplicates == y.duplicates && x.self_loops == y.self_loops && x.weighted == y.weighted &&
               x.directed == y.directed;
    }
    friend bool operator!=(const gml_report& x, const gml_report& y) { return !(x == y); }
};

namespace detail {

class gml_parser {
public:
    gml_parser(std::string_view data, std::string file, const gml_options& opt)
        : data_(data), file_(std::move(file)), opt_(opt) {
        if (!(opt.default_warmth > 0.0 && opt.default_warmth <= 1.0))
            throw invalid_argument("read_gml: default_warmth " + std::to_string(opt.default_warmth) + " is outside (0,1]");
        if (opt.weight_scale && !(std::isfinite(*opt.weight_scale) && *opt.weight_scale > 0.0))
            throw invalid_argument("read_gml: weight_scale " + std::to_string(*opt.weight_scale) + " must be finite and > 0");
        if (!std::isfinite(opt.weight_offset))
            throw invalid_argument("read_gml: weight_offset " + std::to_string(opt.weight_offset) + " must be finite");
        if (data_.size() >= 3 && data_.substr(0, 3) == "\xEF\xBB\xBF") p_ = line_start_ = 3;
        const std::size_t bad = find_invalid_utf8(data_);
        if (bad != std::string_view::npos) {
            for (std::size_t i = p_; i < bad; ++i)
                if (data_[i] == '\n') { ++line_; line_start_ = i + 1; }
            fail(bad, data_.substr(bad, 4), "UTF-8 text", "the file is not valid UTF-8");
        }
        line_ = 1;
        line_start_ = p_;
    }

    void parse() {
        bool seen_graph = false;
        token t;
        while (next(t)) {
            if (t.kind != token::key) fail(t.pos, t.text, "a key", "unexpected token");
            token v = value_of(t);
            if (t.text == "graph") {
                if (v.kind != token::open) fail(v.pos, v.text, "'['", "graph is not a list");
                seen_graph = true;
                graph();
            } else if (v.kind == token::open) {
                skip_list();
            }
        }
        if (!seen_graph) throw parse_error(file_, line_, 1, "", "graph [ ... ]", "read_gml: no graph in the file");
    }

    void commit(network& net, gml_report& rep) {
        rep.nodes = nodes_.size();
        const bool empty_net = net.id_bound() == 0;
        std::vector<person_id> pid(nodes_.size());
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            std::optional<person_id> found;
            if (!empty_net) found = net.find(nodes_[i].first);
            if (found) {
                pid[i] = *found;
                if (!nodes_[i].second.empty()) {
                    person p = net.at(*found);
                    p.name = nodes_[i].second;
                    net.update_person(*found, std::move(p));
                }
            } else {
                person p;
                p.key = nodes_[i].first;
                p.name = nodes_[i].second;
                pid[i] = net.add_person(std::move(p));
                ++rep.people;
            }
        }
        for (const auto& [key, w] : edges_) net.set_warmth(pid[key.first], pid[key.second], w < 0 ? opt_.default_warmth : w);
        rep.edges = edge_records_;
        rep.ties = edges_.size();
        rep.duplicates = duplicates_;
        rep.self_loops = self_loops_;
        rep.weighted = weighted_;
        rep.directed = directed_;
    }

private:
    struct token {
        enum kind_t { key, number, string, open, close } kind = key;
        std::string_view text{};
        std::size_t pos = 0, line = 0, line_start = 0;
    };

    [[noreturn]] void fail(std::size_t pos, std::string_view text, const std::string& expected, const std::string& message) const {
        std::size_t line = 1, ls = 0;
        for (std::size_t i = 0; i < pos && i < data_.size(); ++i)
            if (data_[i] == '\n') { ++line; ls = i + 1; }
        throw parse_error(file_, line, column_of(data_, ls, pos), shorten(text), expected, "read_gml: " + message);
    }

    bool next(token& t) {
        for (;;) {
            while (p_ < data_.size() && (data_[p_] == ' ' || data_[p_] == '\t' || data_[p_] == '\r' || data_[p_] == '\n')) ++p_;
            if (p_ >= data_.size()) return false;
            if (data_[p_] == '#' && (p_ == 0 || data_[p_ - 1] == '\n' || data_[p_ - 1] == '\r')) {
                while (p_ < data_.size() && data_[p_] != '\n') ++p_;
                continue;
            }
            break;
        }
        t.pos = p_;
        const char c = data_[p_];
        if (c == '[' || c == ']') {
            t.kind = c == '[' ? token::open : token::close;
            t.text = data_.substr(p_++, 1);
            return true;
        }
        if (c == '"') {
            const std::size_t close = data_.find('"', p_ + 1);
            if (close == std::string_view::npos) fail(p_, data_.substr(p_, 40), "a closing quote", "unterminated string");
            t.kind = token::string;
            t.text = data_.substr(p_ + 1, close - p_ - 1);
            p_ = close + 1;
            return true;
        }
        const std::size_t b = p_;
        while (p_ < data_.size() && data_[p_] != ' ' && data_[p_] != '\t' && data_[p_] != '\r' && data_[p_] != '\n' &&
               data_[p_] != '[' && data_[p_] != ']' && data_[p_] != '"')
            ++p_;
        t.text = data_.substr(b, p_ - b);
        const char f = t.text.front();
        t.kind = (is_digit(f) || f == '-' || f == '+' || f == '.') ? token::number : token::key;
        return true;
    }

    token value_of(const token& k) {
        token v;
        if (!next(v)) fail(data_.size(), "", "a value", "key '" + std::string(k.text) + "' has no value");
        if (v.kind == token::close) fail(v.pos, v.text, "a value (number, \"string\" or [list])", "key '" + std::string(k.text) + "' has no value");
        if (v.kind == token::key)
            fail(v.pos, v.text, "a value (number, \"string\" or [list])", "bad value for key '" + std::string(k.text) + "'");
        return v;
    }

    void skip_list() {
        int depth = 1;
        token t;
        const std::size_t start = p_;
        while (depth > 0) {
            if (!next(t)) fail(start, data_.substr(start > 0 ? start - 1 : 0, 20), "']'", "unbalanced '['");
            if (t.kind == token::open) ++depth;
            if (t.kind == token::close) --depth;
        }
    }

    double number_at(const token& v, const char* what) const {
        if (v.kind != token::number) fail(v.pos, v.text, "a number", std::string(what) + " is not a number");
        const auto d = parse_double(v.text);
        if (!d) fail(v.pos, v.text, "a number", std::string(what) + " is not a number");
        return *d;
    }

    void graph() {
        token t;
        const std::size_t open = p_ - 1;
        for (;;) {
            if (!next(t)) fail(open, "[", "']'", "unbalanced '[' of graph");
            if (t.kind == token::close) return;
            if (t.kind != token::key) fail(t.pos, t.text, "a key", "unexpected token in graph");
            token v = value_of(t);
            if (t.text == "node" && v.kind == token::open) node(v);
            else if (t.text == "edge" && v.kind == token::open) edge(v);
            else if (t.text == "directed") directed_ = v.text == "1";
            else if (v.kind == token::open) skip_list();
        }
    }

    void node(const token& open) {
        std::optional<token> id;
        std::string label;
        token t;
        for (;;) {
            if (!next(t)) fail(open.pos, "[", "']'", "unbalanced '[' of node");
            if (t.kind == token::close) break;
            if (t.kind != token::key) fail(t.pos, t.text, "a key", "unexpected token in node");
            token v = value_of(t);
            if (t.text == "id") {
                if (v.kind != token::number && v.kind != token::string) fail(v.pos, v.text, "an id", "bad node id");
                id = v;
            } else if (t.text == "label" && v.kind == token::string) {
                label = std::string(v.text);
            } else if (v.kind == token::open) {
                skip_list();
            }
        }
        if (!id) fail(open.pos, "node", "an id", "node without an id");
        auto [it, fresh] = index_.emplace(std::string(id->text), static_cast<std::uint32_t>(nodes_.size()));
        if (!fresh) fail(id->pos, id->text, "each node id once", "duplicate node id '" + std::string(id->text) + "'");
        nodes_.emplace_back(std::string(id->text), std::move(label));
    }

    void edge(const token& open) {
        std::optional<token> s, g;
        std::optional<double> w;
        token t;
        for (;;) {
            if (!next(t)) fail(open.pos, "[", "']'", "unbalanced '[' of edge");
            if (t.kind == token::close) break;
            if (t.kind != token::key) fail(t.pos, t.text, "a key", "unexpected token in edge");
            token v = value_of(t);
            if (t.text == "source") s = v;
            else if (t.text == "target") g = v;
            else if (t.text == opt_.weight_key) w = weight(v);
            else if (v.kind == token::open) skip_list();
        }
        if (!s || !g) fail(open.pos, "edge", "source and target", "edge without source or target");
        const std::uint32_t a = node_index(*s), b = node_index(*g);
        ++edge_records_;
        if (a == b) { ++self_loops_; return; }
        if (w) ++weighted_;
        const auto key = std::make_pair(std::min(a, b), std::max(a, b));
        auto [it, fresh] = edges_.emplace(key, w ? *w : -1.0);
        if (!fresh) {
            ++duplicates_;
            if (w && *w > it->second) it->second = *w;
        }
    }

    std::uint32_t node_index(const token& v) const {
        auto it = index_.find(std::string(v.text));
        if (it == index_.end()) fail(v.pos, v.text, "the id of a node", "edge to unknown node '" + std::string(v.text) + "'");
        return it->second;
    }

    double weight(const token& v) const {
        const double x = number_at(v, "weight");
        if (!std::isfinite(x)) fail(v.pos, v.text, "a finite weight", "weight is not finite");
        if (!opt_.weight_scale) {
            if (!(x > 0.0 && x <= 1.0))
                fail(v.pos, v.text, "a warmth in (0,1]", "weight is outside (0,1]: use weight_scale (and weight_offset)");
            return x;
        }
        const double m = (x + opt_.weight_offset) / *opt_.weight_scale;
        if (!(m > 0.0 && m <= 1.0))
            fail(v.pos, v.text, "a weight that maps into (0,1]",
                 "weight maps to warmth " + std::to_string(m) + ", outside (0,1]");
        return m;
    }

    std::string_view data_;
    std::string file_;
    const gml_options& opt_;
    std::size_t p_ = 0, line_ = 1, line_start_ = 0;
    std::vector<std::pair<std::string, std::string>> nodes_;  // (id, label) in file order
    std::unordered_map<std::string, std::uint32_t> index_;
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> edges_;  // sorted: deterministic insertion
    std::size_t edge_records_ = 0, duplicates_ = 0, self_loops_ = 0, weighted_ = 0;
    bool directed_ = false;
};

inline gml_report load_gml(network& net, std::string_view data, std::string name, const gml_options& opt) {
    gml_parser p(data, std::move(name), opt);
    p.parse();
    network work = net;
    gml_report rep;
    p.commit(work, rep);
    net.swap(work);
    return rep;
}

}  // namespace detail

/// Reads a GML graph file into `net`: one person per node (key = id, name = label), one tie
/// per distinct edge (see the header comment for the rules).
/// Complexity: O(file size + E log E + size of `net`). Preconditions: none. Returns: counts.
/// Throws: `invalid_argument` for bad options; `parse_error` (file, line, column, text) for
/// bad UTF-8, an unterminated string, unbalanced brackets, a key without a value, a node
/// without or with a duplicate id, an edge to an unknown node or without source/target, a
/// weight that is not a number or not in (0,1] after mapping, no `graph`; (line 0) a file
/// that cannot be read. On any exception `net` is unchanged. Exact.
inline gml_report read_gml(network& net, const std::string& path, const gml_options& opt = {}) {
    const std::string data = detail::read_file(path, "read_gml");
    return detail::load_gml(net, data, path, opt);
}

/// Reads GML from a stream; `name` names it in errors. Same rules as the path overload.
/// Complexity, Preconditions, Returns, Throws: as the path overload (no "cannot open" error). Exact.
inline gml_report read_gml(network& net, std::istream& in, std::string_view name, const gml_options& opt = {}) {
    const std::string data = detail::read_stream(in);
    return detail::load_gml(net, data, std::string(name), opt);
}

}  // namespace kith::io
