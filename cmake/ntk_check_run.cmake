# ntk_check_run.cmake - runs one ntk command for a ctest test and checks its
# exit status and output (cmake -P script; see ntk_add_tool_test() in
# NtkBuild.cmake, which writes the spec file this reads).
#
#   cmake -DNTK_TOOL=<path of ntk> -DNTK_CHECK_SPEC=<spec file> -P ntk_check_run.cmake
#
# The spec sets NTK_CHECK_NAME, NTK_CHECK_EXPECT_EXIT, NTK_CHECK_TIMEOUT and,
# one variable per item, NTK_CHECK_ARG_<i>, NTK_CHECK_STDOUT_<i> and
# NTK_CHECK_STDERR_<i> with their _COUNT. Both outputs are printed when a
# check fails, so that a failing test explains itself in the ctest log.
cmake_minimum_required(VERSION 3.20)

foreach(required NTK_TOOL NTK_CHECK_SPEC)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "ntk_check_run.cmake: -D${required}=... is required")
  endif()
endforeach()
include(${NTK_CHECK_SPEC})

set(command ${NTK_TOOL})
set(index 0)
while(index LESS NTK_CHECK_ARG_COUNT)
  list(APPEND command "${NTK_CHECK_ARG_${index}}")
  math(EXPR index "${index} + 1")
endwhile()

execute_process(
  COMMAND ${command}
  RESULT_VARIABLE exit_status
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr
  TIMEOUT ${NTK_CHECK_TIMEOUT})

set(problems "")
if(NOT "${exit_status}" STREQUAL "${NTK_CHECK_EXPECT_EXIT}")
  string(APPEND problems "  exit status ${exit_status}, expected ${NTK_CHECK_EXPECT_EXIT}\n")
endif()
foreach(stream stdout stderr)
  string(TOUPPER ${stream} upper)
  set(index 0)
  while(index LESS NTK_CHECK_${upper}_COUNT)
    set(regex "${NTK_CHECK_${upper}_${index}}")
    if(NOT "${${stream}}" MATCHES "${regex}")
      string(APPEND problems "  ${stream} does not match: ${regex}\n")
    endif()
    math(EXPR index "${index} + 1")
  endwhile()
endforeach()

string(REPLACE ";" " " printable_command "${command}")
if(problems)
  message("---- command ----\n${printable_command}\n"
          "---- stdout ----\n${stdout}\n"
          "---- stderr ----\n${stderr}\n"
          "----------------")
  message(FATAL_ERROR "${NTK_CHECK_NAME} failed:\n${problems}")
endif()
message(STATUS "${NTK_CHECK_NAME}: exit status ${exit_status} and output as expected")
