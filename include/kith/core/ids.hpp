// kith/core/ids.hpp -- strong ids for people, organisations, groups and events.
//
// Design decisions: an id is a 32-bit index wrapped in a distinct type per
// entity, so a person id cannot be passed where a group id is expected and
// neither converts silently from an integer (the constructor is explicit).
// Person ids are stable for the life of a `network`: removal leaves a
// tombstone and ids are never reused. This header includes no Boost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>

namespace kith {

/// A strongly typed 32-bit id. `Tag` only distinguishes the entity kinds.
template <class Tag>
class basic_id {
public:
    using value_type = std::uint32_t;

    /// The largest valid id value; `max_value + 1` is reserved as "no id".
    static constexpr value_type max_value = std::numeric_limits<value_type>::max() - 1;

    constexpr basic_id() noexcept = default;
    constexpr explicit basic_id(value_type v) noexcept : value_(v) {}

    /// The raw index (dense, starting at 0, in creation order).
    constexpr value_type value() const noexcept { return value_; }

    friend constexpr bool operator==(basic_id a, basic_id b) noexcept { return a.value_ == b.value_; }
    friend constexpr bool operator!=(basic_id a, basic_id b) noexcept { return a.value_ != b.value_; }
    friend constexpr bool operator<(basic_id a, basic_id b) noexcept { return a.value_ < b.value_; }
    friend constexpr bool operator>(basic_id a, basic_id b) noexcept { return a.value_ > b.value_; }
    friend constexpr bool operator<=(basic_id a, basic_id b) noexcept { return a.value_ <= b.value_; }
    friend constexpr bool operator>=(basic_id a, basic_id b) noexcept { return a.value_ >= b.value_; }
    friend std::ostream& operator<<(std::ostream& os, basic_id id) { return os << id.value_; }

private:
    value_type value_ = 0;
};

struct person_tag;
struct organization_tag;
struct group_tag;
struct event_tag;

/// A person in a `network`; stable for the network's life, never reused.
using person_id = basic_id<person_tag>;
/// An organisation (company) in a `network`.
using organization_id = basic_id<organization_tag>;
/// A group (community: service club, sports team, class, association).
using group_id = basic_id<group_tag>;
/// An event (conference, meetup).
using event_id = basic_id<event_tag>;

} // namespace kith

template <class Tag>
struct std::hash<kith::basic_id<Tag>> {
    std::size_t operator()(kith::basic_id<Tag> id) const noexcept {
        return std::hash<std::uint32_t>{}(id.value());
    }
};
