# check_reg_roundtrip.cmake - "ntk reg" against real stores:
#  1. a UTF-8 .reg file with every value form, a continued hex line, a value
#     deletion and a key deletion is imported into a new store;
#  2. query lists it as reg.exe does;
#  3. export writes regedit's format (UTF-16LE with a BOM); importing that
#     into a second store and exporting again gives the same bytes;
#  4. a store the kernel wrote (the registry unit test's "write" phase, a
#     process with NTK_REGISTRY set) reads back through the tool.
#
#   cmake -DNTK_TOOL=<ntk> -DSTORE_WRITER=<unit_cm_test_store> -DWORK=<dir> -P check_reg_roundtrip.cmake
cmake_minimum_required(VERSION 3.20)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "'${ARGN}' failed (${status}):\n${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
  endif()
endfunction()

file(WRITE ${WORK}/in.reg
"Windows Registry Editor Version 5.00\r
\r
; every value form\r
[HKEY_LOCAL_MACHINE\\SOFTWARE\\NtkRegTool]\r
@=\"default \\\"quoted\\\" \\\\ back\"\r
\"Num\"=dword:0000002a\r
\"Bin\"=hex:00,ff,10\r
\"Exp\"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,\\\r
  25,00,00,00\r
\"Multi\"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00\r
\"Q\"=hex(b):01,02,03,04,05,06,07,08\r
\"None\"=hex(0):\r
\"Gone\"=\"x\"\r
\"Gone\"=-\r
\r
[HKEY_LOCAL_MACHINE\\SOFTWARE\\NtkRegTool\\Sub]\r
\"Unicode\"=\"héllo\"\r
\r
[HKEY_LOCAL_MACHINE\\SOFTWARE\\NtkRegTool\\Doomed]\r
\"a\"=\"b\"\r
\r
[-HKEY_LOCAL_MACHINE\\SOFTWARE\\NtkRegTool\\Doomed]\r
\r
[HKEY_CURRENT_USER\\Software\\NtkRegTool]\r
\"User\"=dword:00000001\r
")

run(${NTK_TOOL} reg --store ${WORK}/a.db import ${WORK}/in.reg)
run(${NTK_TOOL} reg --store ${WORK}/a.db query HKLM\\Software\\NtkRegTool)
expect("${out}" "^\nHKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\NtkRegTool\n")
expect("${out}" "\n    [(]Default[)]    REG_SZ    default \"quoted\" \\\\ back\n")
expect("${out}" "\n    Num    REG_DWORD    0x2a\n")
expect("${out}" "\n    Bin    REG_BINARY    00FF10\n")
expect("${out}" "\n    Exp    REG_EXPAND_SZ    %SystemRoot%\n")
expect("${out}" "\n    Multi    REG_MULTI_SZ    a\\\\0bc\n")
expect("${out}" "\n    Q    REG_QWORD    0x807060504030201\n")
expect("${out}" "\n\nHKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\NtkRegTool\\\\Sub\n$")
if(out MATCHES "Gone|Doomed")
  message(FATAL_ERROR "deleted value or key still listed:\n${out}")
endif()
run(${NTK_TOOL} reg --store ${WORK}/a.db query HKCU\\Software\\NtkRegTool)
expect("${out}" "HKEY_USERS\\\\.DEFAULT\\\\Software\\\\NtkRegTool\n    User    REG_DWORD    0x1\n")

# A missing key: reg.exe's message and status 1.
execute_process(COMMAND ${NTK_TOOL} reg --store ${WORK}/a.db query HKLM\\Software\\NtkRegTool\\Doomed
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 1 OR NOT err MATCHES "unable to find the specified registry key")
  message(FATAL_ERROR "query of a deleted key: status ${status}, ${err}")
endif()

run(${NTK_TOOL} reg --store ${WORK}/a.db export HKEY_LOCAL_MACHINE\\Software\\NtkRegTool ${WORK}/a.reg)
file(READ ${WORK}/a.reg head LIMIT 12 HEX)
if(NOT head STREQUAL "fffe570069006e0064006f00")
  message(FATAL_ERROR "export is not UTF-16LE with a BOM: ${head}")
endif()
run(${NTK_TOOL} reg --store ${WORK}/b.db import ${WORK}/a.reg)
run(${NTK_TOOL} reg --store ${WORK}/b.db export HKLM\\SOFTWARE\\NtkRegTool ${WORK}/b.reg)
file(SHA256 ${WORK}/a.reg a_hash)
file(SHA256 ${WORK}/b.reg b_hash)
if(NOT a_hash STREQUAL b_hash)
  message(FATAL_ERROR "export -> import -> export changed the file (${WORK}/a.reg, ${WORK}/b.reg)")
endif()
run(${NTK_TOOL} reg --store ${WORK}/b.db query HKLM\\Software\\NtkRegTool\\Sub)
expect("${out}" "    Unicode    REG_SZ    héllo\n")

# What a kernel persisted, read by the tool.
run(${CMAKE_COMMAND} -E env NTK_REGISTRY=${WORK}/kernel.db ${STORE_WRITER} write)
run(${CMAKE_COMMAND} -E env NTK_REGISTRY=${WORK}/kernel.db ${NTK_TOOL} reg query HKLM\\Software\\NtkStore)
expect("${out}" "\n    Dword    REG_DWORD    0x1\n")
expect("${out}" "\n    Qword    REG_QWORD    0x123456789abcdef\n")
expect("${out}" "\nHKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\NtkStore\\\\Sub\n")
if(out MATCHES "Volatile|Gone")
  message(FATAL_ERROR "a volatile or deleted key reached the store:\n${out}")
endif()
message(STATUS "ntk reg: import, query, export round trip and kernel store checked")
