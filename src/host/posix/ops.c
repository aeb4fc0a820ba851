/*
 * ops.c - the POSIX host table and ntkhost_set_ops().
 */
#include "host.h"
#include "posix_core.h"
#include "posix.h"

const struct ntkhost_ops ntkhost_posix_ops = {
    .version = NTKHOST_VERSION,
    .mem_alloc = ntkhost_posix_mem_alloc,
    .mem_free = ntkhost_posix_mem_free,
    .page_alloc = ntkhost_posix_page_alloc,
    .page_free = ntkhost_posix_page_free,
    .page_protect = ntkhost_posix_page_protect,
    .mem_probe = ntkhost_posix_mem_probe,
    .thread_create = ntkhost_posix_thread_create,
    .thread_join = ntkhost_posix_thread_join,
    .thread_yield = ntkhost_posix_thread_yield,
    .thread_exit_notify = ntkhost_posix_thread_exit_notify,
    .thread_id = ntkhost_posix_thread_id,
    .thread_prepare_faults = ntkhost_posix_thread_prepare_faults,
    .cpu_count = ntkhost_posix_cpu_count,
    .cpu_current = ntkhost_posix_cpu_current,
    .park = ntkhost_posix_park,
    .unpark = ntkhost_posix_unpark,
    .monotonic_ns = ntkhost_posix_monotonic_ns,
    .realtime_ns = ntkhost_posix_realtime_ns,
    .sleep_ns = ntkhost_posix_sleep_ns,
    .module_open = ntkhost_posix_module_open,
    .module_symbol = ntkhost_posix_module_symbol,
    .module_close = ntkhost_posix_module_close,
    .module_range = ntkhost_posix_module_range,
    .symbol_origin = ntkhost_posix_symbol_origin,
    .object_of_address = ntkhost_posix_object_of_address,
    .fault_handler_install = ntkhost_posix_fault_handler_install,
    .write_err = ntkhost_posix_write_err,
    .debug_write = ntkhost_posix_debug_write,
    .backtrace = ntkhost_posix_backtrace,
    .symbolize = ntkhost_posix_symbolize,
    .getenv = ntkhost_posix_getenv,
    .exit_process = ntkhost_posix_exit_process,
    .abort_process = ntkhost_posix_abort_process,
    .file_read_all = ntkhost_posix_file_read_all,
    .debugger_attached = ntkhost_posix_debugger_attached,
    .debug_break = ntkhost_posix_debug_break,
    .reg_open = ntkhost_posix_reg_open,
    .reg_close = ntkhost_posix_reg_close,
    .reg_load = ntkhost_posix_reg_load,
    .reg_add_key = ntkhost_posix_reg_add_key,
    .reg_delete_key = ntkhost_posix_reg_delete_key,
    .reg_set_value = ntkhost_posix_reg_set_value,
    .reg_delete_value = ntkhost_posix_reg_delete_value,
    .file_open = ntkhost_posix_file_open,
    .file_close = ntkhost_posix_file_close,
    .file_pread = ntkhost_posix_file_pread,
    .file_pwrite = ntkhost_posix_file_pwrite,
    .file_truncate = ntkhost_posix_file_truncate,
    .file_info = ntkhost_posix_file_info,
    .file_remove = ntkhost_posix_file_remove,
    .dir_find_nocase = ntkhost_posix_dir_find_nocase,
    .cwd_get = ntkhost_posix_cwd_get,
    .cwd_set = ntkhost_posix_cwd_set,
    .program_path = ntkhost_posix_program_path,
    .control_listen = ntkhost_posix_control_listen,
    .control_reply = ntkhost_posix_control_reply,
};

const struct ntkhost_ops *ntkhost = &ntkhost_posix_ops;

const struct ntkhost_ops *ntkhost_set_ops(const struct ntkhost_ops *ops)
{
    const struct ntkhost_ops *old = ntkhost;
    ntkhost = ops;
    return old;
}
