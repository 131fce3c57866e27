# compare_sample.cmake -- regenerate the sample network and compare it with the
# checked-in copy, byte for byte.
#
#   cmake -DGEN=<kith_make_sample> -DOUT=<scratch dir> -DREF=<examples/data> -P compare_sample.cmake
#
# Fails (naming the file) when a file differs, is missing from either side, or
# the generator fails.

cmake_minimum_required(VERSION 3.14)  # IN_LIST, continue()

foreach(var GEN OUT REF)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "compare_sample.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT IS_DIRECTORY "${REF}")
  message(FATAL_ERROR "compare_sample.cmake: reference directory ${REF} does not exist")
endif()

file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${GEN}" "${OUT}"
                RESULT_VARIABLE gen_result
                OUTPUT_VARIABLE gen_output
                ERROR_VARIABLE gen_output)
if(NOT gen_result EQUAL 0)
  message(FATAL_ERROR "kith_make_sample failed (${gen_result}):\n${gen_output}")
endif()

file(GLOB generated RELATIVE "${OUT}" "${OUT}/*.csv")
file(GLOB reference RELATIVE "${REF}" "${REF}/*.csv")
list(SORT generated)
list(SORT reference)
if(NOT generated)
  message(FATAL_ERROR "kith_make_sample wrote no CSV files into ${OUT}")
endif()

set(problems "")
foreach(f IN LISTS generated)
  if(NOT f IN_LIST reference)
    string(APPEND problems "  ${f}: generated but not checked in under ${REF}\n")
  endif()
endforeach()
foreach(f IN LISTS reference)
  if(NOT f IN_LIST generated)
    string(APPEND problems "  ${f}: checked in but no longer generated\n")
    continue()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}/${f}" "${REF}/${f}"
                  RESULT_VARIABLE differs OUTPUT_QUIET ERROR_QUIET)
  if(NOT differs EQUAL 0)
    string(APPEND problems "  ${f}: ${REF}/${f} differs from the generator output ${OUT}/${f}\n")
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "The checked-in sample network is out of date:\n${problems}"
                      "Regenerate it with: kith_make_sample ${REF}")
endif()
list(LENGTH reference n)
message(STATUS "sample network up to date (${n} files identical)")
