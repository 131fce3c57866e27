// tests/kith_catch.hpp -- the one way kith's tests include Catch2.
//
// Works with Catch2 v2.13 (Debian's, <catch2/catch.hpp>) and v3 (<catch2/catch_all.hpp>).
// Use only what both share: TEST_CASE, SECTION, REQUIRE/CHECK, TEMPLATE_LIST_TEST_CASE,
// REQUIRE_THROWS_AS, CHECK_THAT with WithinRel / WithinAbs (not Catch::Approx).
// After this header, `WithinRel` and `WithinAbs` can be used unqualified (or as
// Catch::Matchers::WithinRel / WithinAbs) with either version.
//
// The build defines KITH_CATCH2_MAJOR (2 or 3) from the Catch2 package it found; without it the
// header picks v3 when <catch2/catch_all.hpp> is reachable, else v2.
#pragma once

#if defined(KITH_CATCH2_MAJOR)
#  if KITH_CATCH2_MAJOR >= 3
#    include <catch2/catch_all.hpp>
#  else
#    include <catch2/catch.hpp>
#  endif
#elif defined(__has_include)
#  if __has_include(<catch2/catch_all.hpp>)
#    include <catch2/catch_all.hpp>
#  else
#    include <catch2/catch.hpp>
#  endif
#else
#  include <catch2/catch.hpp>
#endif

// Both versions declare these in Catch::Matchers (v2.13: catch.hpp; v3: catch_matchers_floating_point.hpp).
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
