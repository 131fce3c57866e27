# cmake -DPROGRAM=<exe> -DEXPECTED=<file> -DACTUAL=<file> -P kith_check_output.cmake
#
# Runs PROGRAM without arguments and compares its stdout byte for byte with EXPECTED. On a
# mismatch writes the output to ACTUAL and prints a unified diff (when `diff` exists).
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS PROGRAM EXPECTED ACTUAL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "kith_check_output.cmake: -D${var}=... is required")
  endif()
endforeach()

execute_process(COMMAND "${PROGRAM}"
                OUTPUT_VARIABLE actual
                ERROR_VARIABLE errors
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}\nstderr:\n${errors}\nstdout:\n${actual}")
endif()

file(READ "${EXPECTED}" expected)
if(actual STREQUAL expected)
  file(REMOVE "${ACTUAL}")
  return()
endif()

file(WRITE "${ACTUAL}" "${actual}")
find_program(DIFF_PROGRAM diff)
if(DIFF_PROGRAM)
  execute_process(COMMAND "${DIFF_PROGRAM}" -u "${EXPECTED}" "${ACTUAL}" OUTPUT_VARIABLE diff_text)
  message("${diff_text}")
endif()
message(FATAL_ERROR "The output of ${PROGRAM} differs from ${EXPECTED}\n"
                    "(actual output written to ${ACTUAL}; copy it over the .expected file if the change is intended)")
