// tests/main.cpp -- main() of kith_tests when Catch2::Catch2WithMain is not used
// (Catch2 v2 without it, or -DKITH_TESTS_PREBUILT_CATCH_MAIN=OFF).
// It is excluded from the precompiled header so CATCH_CONFIG_MAIN is seen before catch.hpp.
#define CATCH_CONFIG_MAIN
#include "kith_catch.hpp"
