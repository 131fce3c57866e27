# cmake -DKITH=<exe> -DARGS_FILE=<one argument per line> -DEXIT=<code> [-DGOLDEN=<stdout file>]
#       [-DSTDERR_REGEX=<regex>] [-DFILE=<produced> -DFILE_GOLDEN=<golden>] -DACTUAL=<file>
#       -P run_case.cmake
# Runs kith, checks the exit code, compares stdout (and a produced file) byte for byte with the
# golden files, and checks stderr: empty on success, exactly one line matching STDERR_REGEX on
# failure. With KITH_UPDATE_GOLDEN set in the environment, rewrites the golden files instead.
cmake_minimum_required(VERSION 3.21)

file(STRINGS "${ARGS_FILE}" args)
execute_process(COMMAND "${KITH}" ${args}
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err
                RESULT_VARIABLE rc)

set(problems "")
if(NOT rc STREQUAL "${EXIT}")
  string(APPEND problems "exit code ${rc}, expected ${EXIT}\n")
endif()

if(EXIT STREQUAL "0")
  if(NOT err STREQUAL "")
    string(APPEND problems "unexpected stderr: ${err}\n")
  endif()
else()
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines n)
  if(NOT n EQUAL 1)
    string(APPEND problems "stderr should be exactly one line, got ${n}: ${err}\n")
  endif()
  if(NOT err MATCHES "^kith: (error|internal error): ")
    string(APPEND problems "stderr should start with 'kith: error: ', got: ${err}\n")
  endif()
endif()
if(DEFINED STDERR_REGEX AND NOT err MATCHES "${STDERR_REGEX}")
  string(APPEND problems "stderr does not match '${STDERR_REGEX}': ${err}\n")
endif()

function(compare actual_text golden label)
  if(DEFINED ENV{KITH_UPDATE_GOLDEN})
    file(WRITE "${golden}" "${actual_text}")
    return()
  endif()
  if(NOT EXISTS "${golden}")
    set(problems "${problems}${label}: golden file ${golden} is missing\n" PARENT_SCOPE)
    return()
  endif()
  file(READ "${golden}" expected)
  if(NOT actual_text STREQUAL expected)
    file(WRITE "${ACTUAL}.${label}" "${actual_text}")
    find_program(DIFF_PROGRAM diff)
    set(diff_text "")
    if(DIFF_PROGRAM)
      execute_process(COMMAND "${DIFF_PROGRAM}" -u "${golden}" "${ACTUAL}.${label}" OUTPUT_VARIABLE diff_text)
    endif()
    set(problems "${problems}${label} differs from ${golden} (actual: ${ACTUAL}.${label})\n${diff_text}\n" PARENT_SCOPE)
  endif()
endfunction()

if(DEFINED GOLDEN)
  compare("${out}" "${GOLDEN}" "stdout")
endif()
if(DEFINED FILE)
  if(EXISTS "${FILE}")
    file(READ "${FILE}" produced)
    compare("${produced}" "${FILE_GOLDEN}" "file")
  else()
    string(APPEND problems "${FILE} was not written\n")
  endif()
endif()

if(NOT problems STREQUAL "")
  list(JOIN args " " shown)
  message(FATAL_ERROR "kith ${shown}\n${problems}stdout:\n${out}\nstderr:\n${err}")
endif()
