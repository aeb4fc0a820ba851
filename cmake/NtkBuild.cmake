# NtkBuild.cmake - build Windows drivers and Win32 console apps with
# "ntk cc", and register ctest tests that run them with "ntk run".
#
#   ntk_add_driver(NAME SOURCES src... [INCLUDES dir...] [DEFINES def...]
#                  [OPTIONS opt...] [DEPENDS file-or-target...])
#     -> ${CMAKE_BINARY_DIR}/drivers/NAME.sys, built by the target NAME (in ALL)
#
#   ntk_add_app(NAME SOURCES src... [INCLUDES dir...] [DEFINES def...]
#               [OPTIONS opt...] [DEPENDS file-or-target...])
#     -> ${CMAKE_BINARY_DIR}/apps/NAME, built by the target NAME (in ALL)
#
#   ntk_add_run_test(TEST_NAME [DRIVERS driver...] APP app [ARGS arg...]
#                    [EXPECT_EXIT n] [EXPECT_STDOUT regex...]
#                    [EXPECT_STDERR regex...] [LABELS label...]
#                    [TIMEOUT seconds] [WORKING_DIRECTORY dir])
#     A test running "ntk run --driver ... -- app args...". A driver is the
#     NAME of an ntk_add_driver() target or a path to a .sys (anything with
#     a '/'; relative to the current binary directory), optionally followed
#     by =SERVICE; the app likewise an ntk_add_app() NAME or a path.
#     EXPECT_EXIT defaults to 0. The test is skipped ("Not Run") while the
#     driver or app files have not been built.
#
#   ntk_add_tool_test(TEST_NAME ARGS arg... [EXPECT_EXIT n]
#                     [EXPECT_STDOUT regex...] [EXPECT_STDERR regex...]
#                     [LABELS label...] [TIMEOUT seconds]
#                     [WORKING_DIRECTORY dir])
#     A test running "ntk ARGS..." (what ntk_add_run_test is built on).
#
# Relative SOURCES and INCLUDES are relative to the calling directory.
# DEFINES are NAME or NAME=VALUE (a leading -D is accepted). OPTIONS are
# passed to ntk cc as they are (-Werror, -O2, -l..., see "ntk cc --help").
# Headers a source includes are tracked through a dependency file, so
# editing one rebuilds what uses it.
#
# The regexes are CMake regular expressions matched anywhere in the output
# ("." also matches a newline; no \d, use [0-9]). Each must match. Test
# arguments and regexes cannot contain ';' (CMake's list separator).
include_guard(GLOBAL)

set(_NTK_BUILD_MODULE_DIR ${CMAKE_CURRENT_LIST_DIR})
get_filename_component(_NTK_BUILD_SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR} DIRECTORY)

# Every ntk header, so that a change in one rebuilds drivers and apps.
function(_ntk_public_headers out_var)
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${_NTK_BUILD_SOURCE_DIR}/include/*.h)
  set(${out_var} ${headers} PARENT_SCOPE)
endfunction()

# The common part of ntk_add_driver and ntk_add_app.
function(_ntk_add_cc_target kind name output_dir suffix)
  cmake_parse_arguments(PARSE_ARGV 4 arg "" "" "SOURCES;INCLUDES;DEFINES;OPTIONS;DEPENDS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ntk_add_${kind}(${name}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "ntk_add_${kind}(${name}): SOURCES is required")
  endif()

  set(sources "")
  foreach(src IN LISTS arg_SOURCES)
    get_filename_component(src ${src} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND sources ${src})
  endforeach()
  set(include_flags "")
  foreach(dir IN LISTS arg_INCLUDES)
    get_filename_component(dir ${dir} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND include_flags -I ${dir})
  endforeach()
  set(define_flags "")
  foreach(def IN LISTS arg_DEFINES)
    string(REGEX REPLACE "^-D" "" def "${def}")
    list(APPEND define_flags -D ${def})
  endforeach()

  set(output ${output_dir}/${name}${suffix})
  set(depfile ${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/ntk_${kind}_${name}.d)
  file(MAKE_DIRECTORY ${output_dir})
  _ntk_public_headers(headers)
  set(runtime_targets "")
  if(kind STREQUAL "app")
    set(runtime_targets ntkrnl ntkwin32 ntkcrt)
  endif()

  add_custom_command(
    OUTPUT ${output}
    COMMAND $<TARGET_FILE:ntk_tool> cc --${kind} -o ${output} --depfile ${depfile}
            ${include_flags} ${define_flags} ${arg_OPTIONS} ${sources}
    DEPENDS ${sources} ntk_tool ${runtime_targets} ${headers} ${arg_DEPENDS}
    DEPFILE ${depfile}
    COMMENT "Building Windows ${kind} ${name}${suffix}"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${output})
  set_target_properties(${name} PROPERTIES NTK_KIND ${kind} NTK_OUTPUT ${output})
endfunction()

function(ntk_add_driver name)
  _ntk_add_cc_target(driver ${name} ${CMAKE_BINARY_DIR}/drivers .sys ${ARGN})
endfunction()

function(ntk_add_app name)
  _ntk_add_cc_target(app ${name} ${CMAKE_BINARY_DIR}/apps "" ${ARGN})
endfunction()

# Quotes value as a CMake bracket argument that cannot end early.
function(_ntk_bracket out_var value)
  # A newline right after the opening bracket is dropped: supply a spare.
  if(value MATCHES "^\n")
    set(value "\n${value}")
  endif()
  set(equals "=")
  while(value MATCHES "]${equals}]")
    string(APPEND equals "=")
  endwhile()
  set(${out_var} "[${equals}[${value}]${equals}]" PARENT_SCOPE)
endfunction()

# Appends "set(<prefix>_COUNT n)" and "set(<prefix>_<i> [[item]])" lines to
# the variable named by content_var: one variable per item, so that the
# checker gets each one back exactly, whatever characters it contains.
function(_ntk_spec_list content_var prefix)
  set(content "${${content_var}}")
  set(index 0)
  foreach(item IN LISTS ARGN)
    _ntk_bracket(quoted "${item}")
    string(APPEND content "set(${prefix}_${index} ${quoted})\n")
    math(EXPR index "${index} + 1")
  endforeach()
  string(APPEND content "set(${prefix}_COUNT ${index})\n")
  set(${content_var} "${content}" PARENT_SCOPE)
endfunction()

# Writes content to path unless it already holds exactly that (which
# would needlessly make everything depending on it out of date).
function(_ntk_write_if_changed path content)
  if(EXISTS ${path})
    file(READ ${path} existing)
    if(existing STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE ${path} "${content}")
endfunction()

function(ntk_add_tool_test test_name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "EXPECT_EXIT;TIMEOUT;WORKING_DIRECTORY"
                        "ARGS;EXPECT_STDOUT;EXPECT_STDERR;LABELS;_REQUIRED_FILES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ntk_add_tool_test(${test_name}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT DEFINED arg_EXPECT_EXIT)
    set(arg_EXPECT_EXIT 0)
  endif()
  if(NOT arg_EXPECT_EXIT MATCHES "^[0-9]+$")
    message(FATAL_ERROR "ntk_add_tool_test(${test_name}): EXPECT_EXIT must be a number, not '${arg_EXPECT_EXIT}'")
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 60)
  endif()
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  endif()

  # The test's expectations go to a file rather than onto the command line,
  # where regexes would need escaping for CMake and for the shell alike.
  _ntk_bracket(quoted_name "${test_name}")
  set(spec "# Generated by ntk_add_tool_test(); read by ntk_check_run.cmake.\n")
  string(APPEND spec "set(NTK_CHECK_NAME ${quoted_name})\n")
  string(APPEND spec "set(NTK_CHECK_EXPECT_EXIT ${arg_EXPECT_EXIT})\n")
  string(APPEND spec "set(NTK_CHECK_TIMEOUT ${arg_TIMEOUT})\n")
  _ntk_spec_list(spec NTK_CHECK_ARG ${arg_ARGS})
  _ntk_spec_list(spec NTK_CHECK_STDOUT ${arg_EXPECT_STDOUT})
  _ntk_spec_list(spec NTK_CHECK_STDERR ${arg_EXPECT_STDERR})
  string(MAKE_C_IDENTIFIER "${test_name}" spec_name)
  string(MD5 name_hash "${test_name}")
  string(SUBSTRING ${name_hash} 0 8 name_hash)
  set(spec_file ${CMAKE_CURRENT_BINARY_DIR}/ntk_tests/${spec_name}-${name_hash}.cmake)
  _ntk_write_if_changed(${spec_file} "${spec}")

  add_test(NAME ${test_name}
           COMMAND ${CMAKE_COMMAND} -DNTK_TOOL=$<TARGET_FILE:ntk_tool> -DNTK_CHECK_SPEC=${spec_file}
                   -P ${_NTK_BUILD_MODULE_DIR}/ntk_check_run.cmake
           WORKING_DIRECTORY ${arg_WORKING_DIRECTORY})
  # ctest's own limit comes after the checker's, so that the checker can
  # still report what the command printed before it hung.
  math(EXPR ctest_timeout "${arg_TIMEOUT} + 15")
  set_tests_properties(${test_name} PROPERTIES TIMEOUT ${ctest_timeout})
  if(arg_LABELS)
    set_tests_properties(${test_name} PROPERTIES LABELS "${arg_LABELS}")
  endif()
  if(arg__REQUIRED_FILES)
    set_tests_properties(${test_name} PROPERTIES REQUIRED_FILES "${arg__REQUIRED_FILES}")
  endif()
endfunction()

# The file a DRIVERS/APP entry names: a path (anything with a '/') or the
# NAME of an ntk_add_driver()/ntk_add_app() target.
function(_ntk_resolve_built_file out_var value output_dir suffix)
  if(value MATCHES "/")
    get_filename_component(value ${value} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_BINARY_DIR})
    set(${out_var} ${value} PARENT_SCOPE)
  else()
    set(${out_var} ${output_dir}/${value}${suffix} PARENT_SCOPE)
  endif()
endfunction()

function(ntk_add_run_test test_name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "APP;EXPECT_EXIT;TIMEOUT;WORKING_DIRECTORY"
                        "DRIVERS;ARGS;EXPECT_STDOUT;EXPECT_STDERR;LABELS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ntk_add_run_test(${test_name}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_APP)
    message(FATAL_ERROR "ntk_add_run_test(${test_name}): APP is required")
  endif()

  set(run_args run)
  set(required_files "")
  foreach(driver IN LISTS arg_DRIVERS)
    # "=SERVICE" follows ".sys" in a path, or a target's NAME (as in ntk run).
    # (Separate if()s: one if() evaluating several MATCHES keeps only the
    # captures of the last one evaluated.)
    set(service "")
    set(split FALSE)
    if(driver MATCHES "^(.+[.][sS][yY][sS])=([^/]+)$")
      set(split TRUE)
    elseif(NOT driver MATCHES "/")
      if(driver MATCHES "^([^=]+)=([^=]+)$")
        set(split TRUE)
      endif()
    endif()
    if(split)
      set(driver ${CMAKE_MATCH_1})
      set(service "=${CMAKE_MATCH_2}")
    endif()
    _ntk_resolve_built_file(driver_file ${driver} ${CMAKE_BINARY_DIR}/drivers .sys)
    list(APPEND run_args --driver "${driver_file}${service}")
    list(APPEND required_files ${driver_file})
  endforeach()
  _ntk_resolve_built_file(app_file ${arg_APP} ${CMAKE_BINARY_DIR}/apps "")
  list(APPEND run_args -- ${app_file} ${arg_ARGS})
  list(APPEND required_files ${app_file})

  set(forwarded "")
  foreach(keyword EXPECT_EXIT TIMEOUT WORKING_DIRECTORY)
    if(DEFINED arg_${keyword})
      list(APPEND forwarded ${keyword} ${arg_${keyword}})
    endif()
  endforeach()
  ntk_add_tool_test(${test_name} ARGS ${run_args} ${forwarded}
                    EXPECT_STDOUT ${arg_EXPECT_STDOUT}
                    EXPECT_STDERR ${arg_EXPECT_STDERR}
                    LABELS ${arg_LABELS}
                    _REQUIRED_FILES ${required_files})
endfunction()
