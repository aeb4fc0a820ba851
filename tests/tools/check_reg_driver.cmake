# check_reg_driver.cmake - a driver run by "ntk run" reads its configuration
# from the RegistryPath it is given: the service key the loader completes
# (Type=1, Start=3, ImagePath), a Parameters value imported with
# "ntk reg import", and a counter under its persistent-state key that counts
# across runs when NTK_REGISTRY names a store (and restarts without one).
#
#   cmake -DNTK_TOOL=<ntk> -DDRIVER_SRC=<reg_config_driver.c> -DAPP=<void_main> -DWORK=<dir>
#         -P check_reg_driver.cmake
cmake_minimum_required(VERSION 3.20)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "'${ARGN}' failed (${status}):\n${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
  endif()
endfunction()

run(${NTK_TOOL} cc --driver -Werror -o ${WORK}/regcfg.sys ${DRIVER_SRC})
file(WRITE ${WORK}/params.reg
"Windows Registry Editor Version 5.00\r
\r
[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NtkRegCfg\\Parameters]\r
\"Greeting\"=\"hello from the store\"\r
")
run(${NTK_TOOL} reg --store ${WORK}/store.db import ${WORK}/params.reg)

set(line "regcfg: status=0x00000000 type=1 start=3 image=[^ ]*regcfg[.]sys")
foreach(n 1 2)
  run(${CMAKE_COMMAND} -E env NTK_REGISTRY=${WORK}/store.db
      ${NTK_TOOL} run --driver ${WORK}/regcfg.sys=NtkRegCfg -- ${APP})
  expect("${err}" "${line} greeting=hello from the store runs=${n}\n")
endforeach()

# The loader's values are in the store, next to the imported key.
run(${NTK_TOOL} reg --store ${WORK}/store.db query HKLM\\SYSTEM\\CurrentControlSet\\Services\\NtkRegCfg)
expect("${out}" "\n    Type    REG_DWORD    0x1\n    Start    REG_DWORD    0x3\n")
expect("${out}" "\n    ImagePath    REG_EXPAND_SZ    [^\n]*regcfg[.]sys\n")
expect("${out}" "NtkRegCfg\\\\Parameters\n")

# Without a store the registry lives in memory: a fresh start every run.
run(${CMAKE_COMMAND} -E env --unset=NTK_REGISTRY ${NTK_TOOL} run --driver ${WORK}/regcfg.sys=NtkRegCfg -- ${APP})
expect("${err}" "${line} greeting=no greeting runs=1\n")
message(STATUS "a driver read its configuration through its RegistryPath")
