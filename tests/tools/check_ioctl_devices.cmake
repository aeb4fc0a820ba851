# check_ioctl_devices.cmake - checks that "ntk ioctl" knows every device type
# of devioctl.h: each FILE_DEVICE_* name encodes to its value.
#
#   cmake -DNTK_TOOL=<path of ntk> -DDEVIOCTL_H=<devioctl.h> -P check_ioctl_devices.cmake
cmake_minimum_required(VERSION 3.20)

file(STRINGS ${DEVIOCTL_H} lines REGEX "^#define FILE_DEVICE_[A-Z0-9_]+ +0x[0-9A-Fa-f]+$")
list(LENGTH lines count)
if(count LESS 80)
  message(FATAL_ERROR "found only ${count} device types in ${DEVIOCTL_H}")
endif()
set(problems "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^#define (FILE_DEVICE_[A-Z0-9_]+) +0x([0-9A-Fa-f]+)$" "\\1;\\2" fields "${line}")
  list(GET fields 0 name)
  list(GET fields 1 hex)
  math(EXPR value "0x${hex} << 16" OUTPUT_FORMAT HEXADECIMAL)
  string(REGEX REPLACE "^0x" "" digits "${value}")
  string(TOLOWER "${digits}" digits)
  string(LENGTH "${digits}" length)
  while(length LESS 8)
    string(PREPEND digits "0")
    math(EXPR length "${length} + 1")
  endwhile()
  execute_process(COMMAND ${NTK_TOOL} ioctl encode ${name} 0 METHOD_BUFFERED FILE_ANY_ACCESS
                  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR NOT output STREQUAL "0x${digits}\n")
    string(APPEND problems "  ${name}: expected 0x${digits}, got status ${status}: ${output}${errors}\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "ntk ioctl does not know these device types as devioctl.h defines them:\n${problems}")
endif()
message(STATUS "${count} device types checked")
