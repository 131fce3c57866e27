// kith/io/detail/csv_reader.hpp -- an RFC 4180 record reader (internal).
//
// Reads records from an in-memory UTF-8 buffer: fields separated by commas,
// records by LF, CRLF or a lone CR; a field may be quoted ("..."), and a quoted
// field may hold commas, line breaks and doubled quotes (""). Blank lines are
// skipped. Spaces and tabs around a field (outside its quotes) are dropped.
// A final record without a line break is read. Every field remembers where it
// starts, so errors can name line and column (in code points, 1-based).
#pragma once

#include <kith/core/error.hpp>
#include <kith/io/detail/text.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kith::io::detail {

/// One field of a record.
struct csv_field {
    std::string value{};          ///< unquoted, unescaped, trimmed
    std::size_t line = 0;         ///< 1-based line of the field's first character
    std::size_t line_start = 0;   ///< byte offset of that line's start
    std::size_t pos = 0;          ///< byte offset of the field's first character
    bool quoted = false;
};

class csv_reader {
public:
    /// `data` must outlive the reader. A UTF-8 BOM at its start is skipped.
    /// Throws `parse_error` for bytes that are not UTF-8 (found as \xHH).
    csv_reader(std::string_view data, std::string file, std::string fn, std::size_t max_field_bytes)
        : data_(data), file_(std::move(file)), fn_(std::move(fn)), max_field_(max_field_bytes) {
        if (data_.size() >= 3 && std::memcmp(data_.data(), "\xEF\xBB\xBF", 3) == 0) {
            p_ = 3;
            line_start_ = 3;
        }
        const std::size_t bad = find_invalid_utf8(data_.substr(p_));
        if (bad != std::string_view::npos) {
            const std::size_t at = p_ + bad;
            std::size_t line = 1, ls = p_;
            for (std::size_t i = p_; i < at; ++i)
                if (data_[i] == '\n' || (data_[i] == '\r' && (i + 1 >= data_.size() || data_[i + 1] != '\n'))) {
                    ++line;
                    ls = i + 1;
                }
            throw parse_error(file_, line, column_of(data_, ls, at), shorten(data_.substr(at, 4), 4),
                              "UTF-8 text", fn_ + ": the file is not valid UTF-8");
        }
    }

    const std::string& file() const noexcept { return file_; }
    const std::string& function() const noexcept { return fn_; }
    std::string_view data() const noexcept { return data_; }
    /// Bytes consumed so far.
    std::size_t offset() const noexcept { return p_; }
    /// The current (1-based) line.
    std::size_t line() const noexcept { return line_; }

    /// Reads the next non-blank record into `out`; false at the end of the data.
    bool next(std::vector<csv_field>& out) {
        out.clear();
        skip_blank_lines();
        if (p_ >= data_.size()) return false;
        record_line_ = line_;
        record_line_start_ = line_start_;
        for (;;) {
            csv_field f;
            while (p_ < data_.size() && (data_[p_] == ' ' || data_[p_] == '\t')) ++p_;
            f.line = line_;
            f.line_start = line_start_;
            f.pos = p_;
            if (p_ < data_.size() && data_[p_] == '"') {
                read_quoted(f);
            } else {
                read_plain(f);
            }
            if (f.value.size() > max_field_) fail_at(f.line, f.line_start, f.pos, f.value, "a field of at most " + std::to_string(max_field_) + " bytes (csv_options::max_field_bytes)", "field too long (" + std::to_string(f.value.size()) + " bytes)");
            out.push_back(std::move(f));
            if (p_ < data_.size() && data_[p_] == ',') {
                ++p_;
                continue;
            }
            end_line();
            return true;
        }
    }

    /// Line of the last record's first field, and where that line starts.
    std::size_t record_line() const noexcept { return record_line_; }

    /// Position just after the last field of the last record (for "missing column" errors).
    [[noreturn]] void fail_at(std::size_t line, std::size_t line_start, std::size_t pos, std::string_view text,
                              const std::string& expected, const std::string& message) const {
        throw parse_error(file_, line, column_of(data_, line_start, pos), shorten(text), expected, fn_ + ": " + message);
    }
    [[noreturn]] void fail(const csv_field& f, std::string_view text, const std::string& expected,
                           const std::string& message) const {
        fail_at(f.line, f.line_start, f.pos, text, expected, message);
    }

private:
    void newline_at(std::size_t i) {  // a line break ends at i (exclusive)
        ++line_;
        line_start_ = i;
    }

    void skip_blank_lines() {
        for (;;) {
            std::size_t q = p_;
            while (q < data_.size() && (data_[q] == ' ' || data_[q] == '\t')) ++q;
            if (q >= data_.size()) { p_ = q; return; }
            if (data_[q] == '\n') { p_ = q + 1; newline_at(p_); continue; }
            if (data_[q] == '\r') {
                p_ = q + 1;
                if (p_ < data_.size() && data_[p_] == '\n') ++p_;
                newline_at(p_);
                continue;
            }
            return;
        }
    }

    void end_line() {
        if (p_ >= data_.size()) return;
        if (data_[p_] == '\r') {
            ++p_;
            if (p_ < data_.size() && data_[p_] == '\n') ++p_;
        } else {
            ++p_;  // '\n'
        }
        newline_at(p_);
    }

    void read_plain(csv_field& f) {
        const std::size_t b = p_;
        while (p_ < data_.size()) {
            const char c = data_[p_];
            if (c == ',' || c == '\n' || c == '\r') break;
            if (c == '"')
                fail_at(line_, line_start_, p_, data_.substr(b, p_ - b + 1),
                        "a field quoted as a whole (\"...\", with \"\" for a quote)",
                        "quote inside an unquoted field");
            ++p_;
        }
        f.value = std::string(trim(data_.substr(b, p_ - b)));
    }

    void read_quoted(csv_field& f) {
        f.quoted = true;
        const std::size_t open = p_, open_line = line_, open_ls = line_start_;
        ++p_;
        for (;;) {
            const void* hit = p_ < data_.size() ? std::memchr(data_.data() + p_, '"', data_.size() - p_) : nullptr;
            const std::size_t q = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - data_.data()) : data_.size();
            // Count line breaks inside the quoted text.
            for (std::size_t i = p_; i < q; ++i) {
                if (data_[i] == '\n') newline_at(i + 1);
                else if (data_[i] == '\r' && (i + 1 >= q || data_[i + 1] != '\n')) newline_at(i + 1);
            }
            f.value.append(data_.data() + p_, q - p_);
            if (f.value.size() > max_field_)
                fail_at(open_line, open_ls, open, f.value,
                        "a field of at most " + std::to_string(max_field_) + " bytes (csv_options::max_field_bytes)",
                        "field too long (more than " + std::to_string(max_field_) + " bytes)");
            if (!hit)
                fail_at(open_line, open_ls, open, data_.substr(open, 40), "a closing quote",
                        "unbalanced quote: the quoted field never ends");
            p_ = q + 1;
            if (p_ < data_.size() && data_[p_] == '"') {
                f.value += '"';
                ++p_;
                continue;
            }
            break;
        }
        while (p_ < data_.size() && (data_[p_] == ' ' || data_[p_] == '\t')) ++p_;
        if (p_ < data_.size() && data_[p_] != ',' && data_[p_] != '\n' && data_[p_] != '\r')
            fail_at(line_, line_start_, p_, data_.substr(p_, 1), "',' or the end of the line",
                    "unexpected text after a closing quote (write \"\" for a quote inside a quoted field)");
    }

    std::string_view data_;
    std::string file_;
    std::string fn_;
    std::size_t max_field_;
    std::size_t p_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
    std::size_t record_line_ = 1;
    std::size_t record_line_start_ = 0;
};

}  // namespace kith::io::detail
