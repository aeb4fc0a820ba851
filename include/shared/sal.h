/*
 * sal.h - the Microsoft source-code annotation language (SAL 2, the older
 * SAL 1 buffer forms, the concurrency annotations and the legacy lower-case
 * specstrings spellings) for ntk.
 *
 * Windows headers and driver sources annotate nearly every declaration.
 * The annotations only mean something to Microsoft's static analysers; for
 * GCC each one expands to nothing.  Function-like annotations are defined
 * variadic so arguments holding commas (_When_(a, b), _At_(p, _In_range_(0, 9)))
 * vanish as well.  Each definition is guarded so that one made earlier by
 * another header or by the project being compiled is kept.
 *
 * The driver-specific (_IRQL_..., __drv_...) annotations are defined in
 * driverspecs.h, which this header includes at its end.
 */
#ifndef NTK_SAL_H
#define NTK_SAL_H

/* The SAL level this header provides, as Microsoft's sal.h reports it;
 * some headers test it before using SAL 2 spellings. */
#ifndef _SAL_VERSION
#define _SAL_VERSION 20
#endif
/* Neither attribute nor declspec syntax is used: all annotations are empty. */
#ifndef _USE_ATTRIBUTES_FOR_SAL
#define _USE_ATTRIBUTES_FOR_SAL 0
#endif
#ifndef _USE_DECLSPECS_FOR_SAL
#define _USE_DECLSPECS_FOR_SAL 0
#endif

/* ---- Lock and concurrency annotations (concurrencysal) ---- */

#ifndef __blocksOn
#define __blocksOn(...)
#endif
#ifndef _Acquires_exclusive_lock_
#define _Acquires_exclusive_lock_(...)
#endif
#ifndef _Acquires_lock_
#define _Acquires_lock_(...)
#endif
#ifndef _Acquires_nonreentrant_lock_
#define _Acquires_nonreentrant_lock_(...)
#endif
#ifndef _Acquires_shared_lock_
#define _Acquires_shared_lock_(...)
#endif
#ifndef _Analysis_assume_lock_acquired_
#define _Analysis_assume_lock_acquired_(...)
#endif
#ifndef _Analysis_assume_lock_held_
#define _Analysis_assume_lock_held_(...)
#endif
#ifndef _Analysis_assume_lock_not_held_
#define _Analysis_assume_lock_not_held_(...)
#endif
#ifndef _Analysis_assume_lock_released_
#define _Analysis_assume_lock_released_(...)
#endif
#ifndef _Analysis_assume_same_lock_
#define _Analysis_assume_same_lock_(...)
#endif
#ifndef _Analysis_assume_section_locked_
#define _Analysis_assume_section_locked_(...)
#endif
#ifndef _Analysis_assume_section_unlocked_
#define _Analysis_assume_section_unlocked_(...)
#endif
#ifndef _Analysis_suppress_lock_checking_
#define _Analysis_suppress_lock_checking_(...)
#endif
#ifndef _Benign_race_begin_
#define _Benign_race_begin_
#endif
#ifndef _Benign_race_end_
#define _Benign_race_end_
#endif
#ifndef _Create_lock_level_
#define _Create_lock_level_(...)
#endif
#ifndef _Function_ignore_lock_checking_
#define _Function_ignore_lock_checking_(...)
#endif
#ifndef _Global_cancel_spin_lock_
#define _Global_cancel_spin_lock_
#endif
#ifndef _Global_critical_region_
#define _Global_critical_region_
#endif
#ifndef _Global_interlock_
#define _Global_interlock_
#endif
#ifndef _Global_priority_region_
#define _Global_priority_region_
#endif
#ifndef _Guarded_by_
#define _Guarded_by_(...)
#endif
#ifndef _Has_lock_kind_
#define _Has_lock_kind_(...)
#endif
#ifndef _Has_lock_level_
#define _Has_lock_level_(...)
#endif
#ifndef _Interlocked_
#define _Interlocked_
#endif
#ifndef _Interlocked_operand_
#define _Interlocked_operand_
#endif
#ifndef _Internal_create_CSAL_identifier_
#define _Internal_create_CSAL_identifier_(...)
#endif
#ifndef _Internal_lock_level_order_
#define _Internal_lock_level_order_(...)
#endif
#ifndef _Lock_kind_critical_section_
#define _Lock_kind_critical_section_
#endif
#ifndef _Lock_kind_event_
#define _Lock_kind_event_
#endif
#ifndef _Lock_kind_mutex_
#define _Lock_kind_mutex_
#endif
#ifndef _Lock_kind_semaphore_
#define _Lock_kind_semaphore_
#endif
#ifndef _Lock_kind_spin_lock_
#define _Lock_kind_spin_lock_
#endif
#ifndef _Lock_level_order_
#define _Lock_level_order_(...)
#endif
#ifndef _No_competing_thread_
#define _No_competing_thread_
#endif
#ifndef _No_competing_thread_begin_
#define _No_competing_thread_begin_
#endif
#ifndef _No_competing_thread_end_
#define _No_competing_thread_end_
#endif
#ifndef _Post_same_lock_
#define _Post_same_lock_(...)
#endif
#ifndef _Releases_exclusive_lock_
#define _Releases_exclusive_lock_(...)
#endif
#ifndef _Releases_lock_
#define _Releases_lock_(...)
#endif
#ifndef _Releases_nonreentrant_lock_
#define _Releases_nonreentrant_lock_(...)
#endif
#ifndef _Releases_shared_lock_
#define _Releases_shared_lock_(...)
#endif
#ifndef _Requires_exclusive_lock_held_
#define _Requires_exclusive_lock_held_(...)
#endif
#ifndef _Requires_lock_held_
#define _Requires_lock_held_(...)
#endif
#ifndef _Requires_lock_not_held_
#define _Requires_lock_not_held_(...)
#endif
#ifndef _Requires_no_locks_held_
#define _Requires_no_locks_held_
#endif
#ifndef _Requires_shared_lock_held_
#define _Requires_shared_lock_held_(...)
#endif
#ifndef _Write_guarded_by_
#define _Write_guarded_by_(...)
#endif

/* ---- Analysis-control annotations and pseudo-statements ---- */

#ifndef _Analysis_assume_
#define _Analysis_assume_(...)
#endif
#ifndef _Analysis_assume_nullterminated_
#define _Analysis_assume_nullterminated_(...)
#endif
#ifndef _Analysis_mode_
#define _Analysis_mode_(...)
#endif
#ifndef _Analysis_noreturn_
#define _Analysis_noreturn_
#endif
#ifndef _Landmark_
#define _Landmark_(...)
#endif
#ifndef _Macro_defined_
#define _Macro_defined_(...)
#endif
#ifndef _Unreferenced_parameter_
#define _Unreferenced_parameter_
#endif
#ifndef _Use_decl_annotations_
#define _Use_decl_annotations_
#endif

/* ---- SAL 1 (Visual Studio 2008 style) buffer annotations ---- */

#ifndef _Deref_in_bytecount_
#define _Deref_in_bytecount_(...)
#endif
#ifndef _Deref_in_count_
#define _Deref_in_count_(...)
#endif
#ifndef _Deref_inout_bytecap_
#define _Deref_inout_bytecap_(...)
#endif
#ifndef _Deref_inout_bytecount_
#define _Deref_inout_bytecount_(...)
#endif
#ifndef _Deref_inout_cap_
#define _Deref_inout_cap_(...)
#endif
#ifndef _Deref_inout_count_
#define _Deref_inout_count_(...)
#endif
#ifndef _Deref_inout_z_bytecap_c_
#define _Deref_inout_z_bytecap_c_(...)
#endif
#ifndef _Deref_inout_z_cap_c_
#define _Deref_inout_z_cap_c_(...)
#endif
#ifndef _Deref_out_bytecap_
#define _Deref_out_bytecap_(...)
#endif
#ifndef _Deref_out_bytecount_
#define _Deref_out_bytecount_(...)
#endif
#ifndef _Deref_out_cap_
#define _Deref_out_cap_(...)
#endif
#ifndef _Deref_out_count_
#define _Deref_out_count_(...)
#endif
#ifndef _Deref_out_opt_bytecap_
#define _Deref_out_opt_bytecap_(...)
#endif
#ifndef _Deref_out_opt_bytecount_
#define _Deref_out_opt_bytecount_(...)
#endif
#ifndef _Deref_out_opt_cap_
#define _Deref_out_opt_cap_(...)
#endif
#ifndef _Deref_out_opt_count_
#define _Deref_out_opt_count_(...)
#endif
#ifndef _Deref_out_z_bytecap_c_
#define _Deref_out_z_bytecap_c_(...)
#endif
#ifndef _Deref_out_z_cap_c_
#define _Deref_out_z_cap_c_(...)
#endif
#ifndef _Deref_post_bytecap_
#define _Deref_post_bytecap_(...)
#endif
#ifndef _Deref_post_bytecount_
#define _Deref_post_bytecount_(...)
#endif
#ifndef _Deref_post_bytecount_c_
#define _Deref_post_bytecount_c_(...)
#endif
#ifndef _Deref_post_cap_
#define _Deref_post_cap_(...)
#endif
#ifndef _Deref_post_count_
#define _Deref_post_count_(...)
#endif
#ifndef _Deref_post_count_c_
#define _Deref_post_count_c_(...)
#endif
#ifndef _Deref_post_opt_bytecap_
#define _Deref_post_opt_bytecap_(...)
#endif
#ifndef _Deref_post_opt_bytecount_
#define _Deref_post_opt_bytecount_(...)
#endif
#ifndef _Deref_post_opt_cap_
#define _Deref_post_opt_cap_(...)
#endif
#ifndef _Deref_post_opt_count_
#define _Deref_post_opt_count_(...)
#endif
#ifndef _Deref_post_opt_z_bytecap_
#define _Deref_post_opt_z_bytecap_(...)
#endif
#ifndef _Deref_post_opt_z_cap_
#define _Deref_post_opt_z_cap_(...)
#endif
#ifndef _Deref_post_z_bytecap_
#define _Deref_post_z_bytecap_(...)
#endif
#ifndef _Deref_post_z_cap_
#define _Deref_post_z_cap_(...)
#endif
#ifndef _Deref_pre_bytecap_
#define _Deref_pre_bytecap_(...)
#endif
#ifndef _Deref_pre_bytecount_
#define _Deref_pre_bytecount_(...)
#endif
#ifndef _Deref_pre_cap_
#define _Deref_pre_cap_(...)
#endif
#ifndef _Deref_pre_count_
#define _Deref_pre_count_(...)
#endif
#ifndef _Deref_pre_opt_bytecap_
#define _Deref_pre_opt_bytecap_(...)
#endif
#ifndef _Deref_pre_opt_bytecount_
#define _Deref_pre_opt_bytecount_(...)
#endif
#ifndef _Deref_pre_opt_cap_
#define _Deref_pre_opt_cap_(...)
#endif
#ifndef _Deref_pre_opt_count_
#define _Deref_pre_opt_count_(...)
#endif
#ifndef _Deref_pre_z_bytecap_
#define _Deref_pre_z_bytecap_(...)
#endif
#ifndef _Deref_pre_z_cap_
#define _Deref_pre_z_cap_(...)
#endif
#ifndef _In_bytecount_
#define _In_bytecount_(...)
#endif
#ifndef _In_bytecount_c_
#define _In_bytecount_c_(...)
#endif
#ifndef _In_bytecount_x_
#define _In_bytecount_x_(...)
#endif
#ifndef _In_count_
#define _In_count_(...)
#endif
#ifndef _In_count_c_
#define _In_count_c_(...)
#endif
#ifndef _In_count_x_
#define _In_count_x_(...)
#endif
#ifndef _In_opt_bytecount_
#define _In_opt_bytecount_(...)
#endif
#ifndef _In_opt_bytecount_c_
#define _In_opt_bytecount_c_(...)
#endif
#ifndef _In_opt_bytecount_x_
#define _In_opt_bytecount_x_(...)
#endif
#ifndef _In_opt_count_
#define _In_opt_count_(...)
#endif
#ifndef _In_opt_count_c_
#define _In_opt_count_c_(...)
#endif
#ifndef _In_opt_count_x_
#define _In_opt_count_x_(...)
#endif
#ifndef _In_opt_ptrdiff_count_
#define _In_opt_ptrdiff_count_(...)
#endif
#ifndef _In_opt_z_bytecount_
#define _In_opt_z_bytecount_(...)
#endif
#ifndef _In_opt_z_bytecount_c_
#define _In_opt_z_bytecount_c_(...)
#endif
#ifndef _In_opt_z_count_
#define _In_opt_z_count_(...)
#endif
#ifndef _In_opt_z_count_c_
#define _In_opt_z_count_c_(...)
#endif
#ifndef _In_ptrdiff_count_
#define _In_ptrdiff_count_(...)
#endif
#ifndef _In_z_bytecount_
#define _In_z_bytecount_(...)
#endif
#ifndef _In_z_bytecount_c_
#define _In_z_bytecount_c_(...)
#endif
#ifndef _In_z_count_
#define _In_z_count_(...)
#endif
#ifndef _In_z_count_c_
#define _In_z_count_c_(...)
#endif
#ifndef _Inout_bytecap_
#define _Inout_bytecap_(...)
#endif
#ifndef _Inout_bytecap_c_
#define _Inout_bytecap_c_(...)
#endif
#ifndef _Inout_bytecap_x_
#define _Inout_bytecap_x_(...)
#endif
#ifndef _Inout_bytecount_
#define _Inout_bytecount_(...)
#endif
#ifndef _Inout_bytecount_c_
#define _Inout_bytecount_c_(...)
#endif
#ifndef _Inout_bytecount_x_
#define _Inout_bytecount_x_(...)
#endif
#ifndef _Inout_cap_
#define _Inout_cap_(...)
#endif
#ifndef _Inout_cap_c_
#define _Inout_cap_c_(...)
#endif
#ifndef _Inout_cap_x_
#define _Inout_cap_x_(...)
#endif
#ifndef _Inout_count_
#define _Inout_count_(...)
#endif
#ifndef _Inout_count_c_
#define _Inout_count_c_(...)
#endif
#ifndef _Inout_count_x_
#define _Inout_count_x_(...)
#endif
#ifndef _Inout_opt_bytecap_
#define _Inout_opt_bytecap_(...)
#endif
#ifndef _Inout_opt_bytecap_c_
#define _Inout_opt_bytecap_c_(...)
#endif
#ifndef _Inout_opt_bytecap_x_
#define _Inout_opt_bytecap_x_(...)
#endif
#ifndef _Inout_opt_bytecount_
#define _Inout_opt_bytecount_(...)
#endif
#ifndef _Inout_opt_bytecount_c_
#define _Inout_opt_bytecount_c_(...)
#endif
#ifndef _Inout_opt_bytecount_x_
#define _Inout_opt_bytecount_x_(...)
#endif
#ifndef _Inout_opt_cap_
#define _Inout_opt_cap_(...)
#endif
#ifndef _Inout_opt_cap_c_
#define _Inout_opt_cap_c_(...)
#endif
#ifndef _Inout_opt_cap_x_
#define _Inout_opt_cap_x_(...)
#endif
#ifndef _Inout_opt_count_
#define _Inout_opt_count_(...)
#endif
#ifndef _Inout_opt_count_c_
#define _Inout_opt_count_c_(...)
#endif
#ifndef _Inout_opt_count_x_
#define _Inout_opt_count_x_(...)
#endif
#ifndef _Inout_opt_ptrdiff_count_
#define _Inout_opt_ptrdiff_count_(...)
#endif
#ifndef _Inout_opt_z_bytecap_
#define _Inout_opt_z_bytecap_(...)
#endif
#ifndef _Inout_opt_z_bytecap_c_
#define _Inout_opt_z_bytecap_c_(...)
#endif
#ifndef _Inout_opt_z_bytecap_x_
#define _Inout_opt_z_bytecap_x_(...)
#endif
#ifndef _Inout_opt_z_bytecount_
#define _Inout_opt_z_bytecount_(...)
#endif
#ifndef _Inout_opt_z_bytecount_c_
#define _Inout_opt_z_bytecount_c_(...)
#endif
#ifndef _Inout_opt_z_cap_
#define _Inout_opt_z_cap_(...)
#endif
#ifndef _Inout_opt_z_cap_c_
#define _Inout_opt_z_cap_c_(...)
#endif
#ifndef _Inout_opt_z_cap_x_
#define _Inout_opt_z_cap_x_(...)
#endif
#ifndef _Inout_opt_z_count_
#define _Inout_opt_z_count_(...)
#endif
#ifndef _Inout_opt_z_count_c_
#define _Inout_opt_z_count_c_(...)
#endif
#ifndef _Inout_ptrdiff_count_
#define _Inout_ptrdiff_count_(...)
#endif
#ifndef _Inout_z_bytecap_
#define _Inout_z_bytecap_(...)
#endif
#ifndef _Inout_z_bytecap_c_
#define _Inout_z_bytecap_c_(...)
#endif
#ifndef _Inout_z_bytecap_x_
#define _Inout_z_bytecap_x_(...)
#endif
#ifndef _Inout_z_bytecount_
#define _Inout_z_bytecount_(...)
#endif
#ifndef _Inout_z_bytecount_c_
#define _Inout_z_bytecount_c_(...)
#endif
#ifndef _Inout_z_cap_
#define _Inout_z_cap_(...)
#endif
#ifndef _Inout_z_cap_c_
#define _Inout_z_cap_c_(...)
#endif
#ifndef _Inout_z_cap_x_
#define _Inout_z_cap_x_(...)
#endif
#ifndef _Inout_z_count_
#define _Inout_z_count_(...)
#endif
#ifndef _Inout_z_count_c_
#define _Inout_z_count_c_(...)
#endif
#ifndef _Out_bytecap_
#define _Out_bytecap_(...)
#endif
#ifndef _Out_bytecap_c_
#define _Out_bytecap_c_(...)
#endif
#ifndef _Out_bytecap_post_bytecount_
#define _Out_bytecap_post_bytecount_(...)
#endif
#ifndef _Out_bytecap_x_
#define _Out_bytecap_x_(...)
#endif
#ifndef _Out_bytecapcount_
#define _Out_bytecapcount_(...)
#endif
#ifndef _Out_bytecapcount_x_
#define _Out_bytecapcount_x_(...)
#endif
#ifndef _Out_cap_
#define _Out_cap_(...)
#endif
#ifndef _Out_cap_c_
#define _Out_cap_c_(...)
#endif
#ifndef _Out_cap_m_
#define _Out_cap_m_(...)
#endif
#ifndef _Out_cap_post_count_
#define _Out_cap_post_count_(...)
#endif
#ifndef _Out_cap_x_
#define _Out_cap_x_(...)
#endif
#ifndef _Out_capcount_
#define _Out_capcount_(...)
#endif
#ifndef _Out_capcount_x_
#define _Out_capcount_x_(...)
#endif
#ifndef _Out_opt_bytecap_
#define _Out_opt_bytecap_(...)
#endif
#ifndef _Out_opt_bytecap_c_
#define _Out_opt_bytecap_c_(...)
#endif
#ifndef _Out_opt_bytecap_post_bytecount_
#define _Out_opt_bytecap_post_bytecount_(...)
#endif
#ifndef _Out_opt_bytecap_x_
#define _Out_opt_bytecap_x_(...)
#endif
#ifndef _Out_opt_bytecapcount_
#define _Out_opt_bytecapcount_(...)
#endif
#ifndef _Out_opt_bytecapcount_x_
#define _Out_opt_bytecapcount_x_(...)
#endif
#ifndef _Out_opt_cap_
#define _Out_opt_cap_(...)
#endif
#ifndef _Out_opt_cap_c_
#define _Out_opt_cap_c_(...)
#endif
#ifndef _Out_opt_cap_m_
#define _Out_opt_cap_m_(...)
#endif
#ifndef _Out_opt_cap_post_count_
#define _Out_opt_cap_post_count_(...)
#endif
#ifndef _Out_opt_cap_x_
#define _Out_opt_cap_x_(...)
#endif
#ifndef _Out_opt_capcount_
#define _Out_opt_capcount_(...)
#endif
#ifndef _Out_opt_capcount_x_
#define _Out_opt_capcount_x_(...)
#endif
#ifndef _Out_opt_ptrdiff_cap_
#define _Out_opt_ptrdiff_cap_(...)
#endif
#ifndef _Out_opt_z_bytecap_
#define _Out_opt_z_bytecap_(...)
#endif
#ifndef _Out_opt_z_bytecap_c_
#define _Out_opt_z_bytecap_c_(...)
#endif
#ifndef _Out_opt_z_bytecap_post_bytecount_
#define _Out_opt_z_bytecap_post_bytecount_(...)
#endif
#ifndef _Out_opt_z_bytecap_x_
#define _Out_opt_z_bytecap_x_(...)
#endif
#ifndef _Out_opt_z_bytecapcount_
#define _Out_opt_z_bytecapcount_(...)
#endif
#ifndef _Out_opt_z_cap_
#define _Out_opt_z_cap_(...)
#endif
#ifndef _Out_opt_z_cap_c_
#define _Out_opt_z_cap_c_(...)
#endif
#ifndef _Out_opt_z_cap_m_
#define _Out_opt_z_cap_m_(...)
#endif
#ifndef _Out_opt_z_cap_post_count_
#define _Out_opt_z_cap_post_count_(...)
#endif
#ifndef _Out_opt_z_cap_x_
#define _Out_opt_z_cap_x_(...)
#endif
#ifndef _Out_opt_z_capcount_
#define _Out_opt_z_capcount_(...)
#endif
#ifndef _Out_ptrdiff_cap_
#define _Out_ptrdiff_cap_(...)
#endif
#ifndef _Out_z_bytecap_
#define _Out_z_bytecap_(...)
#endif
#ifndef _Out_z_bytecap_c_
#define _Out_z_bytecap_c_(...)
#endif
#ifndef _Out_z_bytecap_post_bytecount_
#define _Out_z_bytecap_post_bytecount_(...)
#endif
#ifndef _Out_z_bytecap_x_
#define _Out_z_bytecap_x_(...)
#endif
#ifndef _Out_z_bytecapcount_
#define _Out_z_bytecapcount_(...)
#endif
#ifndef _Out_z_cap_
#define _Out_z_cap_(...)
#endif
#ifndef _Out_z_cap_c_
#define _Out_z_cap_c_(...)
#endif
#ifndef _Out_z_cap_m_
#define _Out_z_cap_m_(...)
#endif
#ifndef _Out_z_cap_post_count_
#define _Out_z_cap_post_count_(...)
#endif
#ifndef _Out_z_cap_x_
#define _Out_z_cap_x_(...)
#endif
#ifndef _Out_z_capcount_
#define _Out_z_capcount_(...)
#endif
#ifndef _Post_bytecap_
#define _Post_bytecap_(...)
#endif
#ifndef _Post_bytecount_
#define _Post_bytecount_(...)
#endif
#ifndef _Post_bytecount_c_
#define _Post_bytecount_c_(...)
#endif
#ifndef _Post_bytecount_x_
#define _Post_bytecount_x_(...)
#endif
#ifndef _Post_cap_
#define _Post_cap_(...)
#endif
#ifndef _Post_count_
#define _Post_count_(...)
#endif
#ifndef _Post_count_c_
#define _Post_count_c_(...)
#endif
#ifndef _Post_count_x_
#define _Post_count_x_(...)
#endif
#ifndef _Post_z_bytecount_
#define _Post_z_bytecount_(...)
#endif
#ifndef _Post_z_bytecount_c_
#define _Post_z_bytecount_c_(...)
#endif
#ifndef _Post_z_bytecount_x_
#define _Post_z_bytecount_x_(...)
#endif
#ifndef _Post_z_count_
#define _Post_z_count_(...)
#endif
#ifndef _Post_z_count_c_
#define _Post_z_count_c_(...)
#endif
#ifndef _Post_z_count_x_
#define _Post_z_count_x_(...)
#endif
#ifndef _Pre_bytecap_
#define _Pre_bytecap_(...)
#endif
#ifndef _Pre_bytecap_c_
#define _Pre_bytecap_c_(...)
#endif
#ifndef _Pre_bytecap_x_
#define _Pre_bytecap_x_(...)
#endif
#ifndef _Pre_bytecount_
#define _Pre_bytecount_(...)
#endif
#ifndef _Pre_bytecount_c_
#define _Pre_bytecount_c_(...)
#endif
#ifndef _Pre_bytecount_x_
#define _Pre_bytecount_x_(...)
#endif
#ifndef _Pre_cap_
#define _Pre_cap_(...)
#endif
#ifndef _Pre_cap_c_
#define _Pre_cap_c_(...)
#endif
#ifndef _Pre_cap_for_
#define _Pre_cap_for_(...)
#endif
#ifndef _Pre_cap_m_
#define _Pre_cap_m_(...)
#endif
#ifndef _Pre_cap_x_
#define _Pre_cap_x_(...)
#endif
#ifndef _Pre_count_
#define _Pre_count_(...)
#endif
#ifndef _Pre_count_c_
#define _Pre_count_c_(...)
#endif
#ifndef _Pre_count_x_
#define _Pre_count_x_(...)
#endif
#ifndef _Pre_opt_bytecap_
#define _Pre_opt_bytecap_(...)
#endif
#ifndef _Pre_opt_bytecap_c_
#define _Pre_opt_bytecap_c_(...)
#endif
#ifndef _Pre_opt_bytecap_x_
#define _Pre_opt_bytecap_x_(...)
#endif
#ifndef _Pre_opt_bytecount_
#define _Pre_opt_bytecount_(...)
#endif
#ifndef _Pre_opt_bytecount_c_
#define _Pre_opt_bytecount_c_(...)
#endif
#ifndef _Pre_opt_bytecount_x_
#define _Pre_opt_bytecount_x_(...)
#endif
#ifndef _Pre_opt_cap_
#define _Pre_opt_cap_(...)
#endif
#ifndef _Pre_opt_cap_c_
#define _Pre_opt_cap_c_(...)
#endif
#ifndef _Pre_opt_cap_for_
#define _Pre_opt_cap_for_(...)
#endif
#ifndef _Pre_opt_cap_m_
#define _Pre_opt_cap_m_(...)
#endif
#ifndef _Pre_opt_cap_x_
#define _Pre_opt_cap_x_(...)
#endif
#ifndef _Pre_opt_count_
#define _Pre_opt_count_(...)
#endif
#ifndef _Pre_opt_count_c_
#define _Pre_opt_count_c_(...)
#endif
#ifndef _Pre_opt_count_x_
#define _Pre_opt_count_x_(...)
#endif
#ifndef _Pre_opt_ptrdiff_cap_
#define _Pre_opt_ptrdiff_cap_(...)
#endif
#ifndef _Pre_opt_ptrdiff_count_
#define _Pre_opt_ptrdiff_count_(...)
#endif
#ifndef _Pre_opt_valid_bytecap_
#define _Pre_opt_valid_bytecap_(...)
#endif
#ifndef _Pre_opt_valid_bytecap_c_
#define _Pre_opt_valid_bytecap_c_(...)
#endif
#ifndef _Pre_opt_valid_bytecap_x_
#define _Pre_opt_valid_bytecap_x_(...)
#endif
#ifndef _Pre_opt_valid_cap_
#define _Pre_opt_valid_cap_(...)
#endif
#ifndef _Pre_opt_valid_cap_c_
#define _Pre_opt_valid_cap_c_(...)
#endif
#ifndef _Pre_opt_valid_cap_x_
#define _Pre_opt_valid_cap_x_(...)
#endif
#ifndef _Pre_opt_z_bytecap_
#define _Pre_opt_z_bytecap_(...)
#endif
#ifndef _Pre_opt_z_bytecap_c_
#define _Pre_opt_z_bytecap_c_(...)
#endif
#ifndef _Pre_opt_z_bytecap_x_
#define _Pre_opt_z_bytecap_x_(...)
#endif
#ifndef _Pre_opt_z_cap_
#define _Pre_opt_z_cap_(...)
#endif
#ifndef _Pre_opt_z_cap_c_
#define _Pre_opt_z_cap_c_(...)
#endif
#ifndef _Pre_opt_z_cap_x_
#define _Pre_opt_z_cap_x_(...)
#endif
#ifndef _Pre_ptrdiff_cap_
#define _Pre_ptrdiff_cap_(...)
#endif
#ifndef _Pre_ptrdiff_count_
#define _Pre_ptrdiff_count_(...)
#endif
#ifndef _Pre_valid_bytecap_
#define _Pre_valid_bytecap_(...)
#endif
#ifndef _Pre_valid_bytecap_c_
#define _Pre_valid_bytecap_c_(...)
#endif
#ifndef _Pre_valid_bytecap_x_
#define _Pre_valid_bytecap_x_(...)
#endif
#ifndef _Pre_valid_cap_
#define _Pre_valid_cap_(...)
#endif
#ifndef _Pre_valid_cap_c_
#define _Pre_valid_cap_c_(...)
#endif
#ifndef _Pre_valid_cap_x_
#define _Pre_valid_cap_x_(...)
#endif
#ifndef _Pre_z_bytecap_
#define _Pre_z_bytecap_(...)
#endif
#ifndef _Pre_z_bytecap_c_
#define _Pre_z_bytecap_c_(...)
#endif
#ifndef _Pre_z_bytecap_x_
#define _Pre_z_bytecap_x_(...)
#endif
#ifndef _Pre_z_cap_
#define _Pre_z_cap_(...)
#endif
#ifndef _Pre_z_cap_c_
#define _Pre_z_cap_c_(...)
#endif
#ifndef _Pre_z_cap_x_
#define _Pre_z_cap_x_(...)
#endif
#ifndef _Ret_bytecap_
#define _Ret_bytecap_(...)
#endif
#ifndef _Ret_bytecap_c_
#define _Ret_bytecap_c_(...)
#endif
#ifndef _Ret_bytecap_x_
#define _Ret_bytecap_x_(...)
#endif
#ifndef _Ret_bytecount_
#define _Ret_bytecount_(...)
#endif
#ifndef _Ret_bytecount_c_
#define _Ret_bytecount_c_(...)
#endif
#ifndef _Ret_bytecount_x_
#define _Ret_bytecount_x_(...)
#endif
#ifndef _Ret_cap_
#define _Ret_cap_(...)
#endif
#ifndef _Ret_cap_c_
#define _Ret_cap_c_(...)
#endif
#ifndef _Ret_cap_x_
#define _Ret_cap_x_(...)
#endif
#ifndef _Ret_count_
#define _Ret_count_(...)
#endif
#ifndef _Ret_count_c_
#define _Ret_count_c_(...)
#endif
#ifndef _Ret_count_x_
#define _Ret_count_x_(...)
#endif
#ifndef _Ret_opt_bytecap_
#define _Ret_opt_bytecap_(...)
#endif
#ifndef _Ret_opt_bytecap_c_
#define _Ret_opt_bytecap_c_(...)
#endif
#ifndef _Ret_opt_bytecap_x_
#define _Ret_opt_bytecap_x_(...)
#endif
#ifndef _Ret_opt_bytecount_
#define _Ret_opt_bytecount_(...)
#endif
#ifndef _Ret_opt_bytecount_c_
#define _Ret_opt_bytecount_c_(...)
#endif
#ifndef _Ret_opt_bytecount_x_
#define _Ret_opt_bytecount_x_(...)
#endif
#ifndef _Ret_opt_cap_
#define _Ret_opt_cap_(...)
#endif
#ifndef _Ret_opt_cap_c_
#define _Ret_opt_cap_c_(...)
#endif
#ifndef _Ret_opt_cap_x_
#define _Ret_opt_cap_x_(...)
#endif
#ifndef _Ret_opt_count_
#define _Ret_opt_count_(...)
#endif
#ifndef _Ret_opt_count_c_
#define _Ret_opt_count_c_(...)
#endif
#ifndef _Ret_opt_count_x_
#define _Ret_opt_count_x_(...)
#endif
#ifndef _Ret_opt_z_bytecap_
#define _Ret_opt_z_bytecap_(...)
#endif
#ifndef _Ret_opt_z_bytecount_
#define _Ret_opt_z_bytecount_(...)
#endif
#ifndef _Ret_opt_z_cap_
#define _Ret_opt_z_cap_(...)
#endif
#ifndef _Ret_opt_z_count_
#define _Ret_opt_z_count_(...)
#endif
#ifndef _Ret_z_bytecap_
#define _Ret_z_bytecap_(...)
#endif
#ifndef _Ret_z_bytecount_
#define _Ret_z_bytecount_(...)
#endif
#ifndef _Ret_z_cap_
#define _Ret_z_cap_(...)
#endif
#ifndef _Ret_z_count_
#define _Ret_z_count_(...)
#endif

/* ---- Parameter annotations ---- */

#ifndef _COM_Outptr_
#define _COM_Outptr_
#endif
#ifndef _COM_Outptr_opt_
#define _COM_Outptr_opt_
#endif
#ifndef _COM_Outptr_opt_result_maybenull_
#define _COM_Outptr_opt_result_maybenull_
#endif
#ifndef _COM_Outptr_result_maybenull_
#define _COM_Outptr_result_maybenull_
#endif
#ifndef _Const_
#define _Const_
#endif
#ifndef _In_
#define _In_
#endif
#ifndef _In_bound_
#define _In_bound_
#endif
#ifndef _In_defensive_
#define _In_defensive_(...)
#endif
#ifndef _In_NLS_string_
#define _In_NLS_string_(...)
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _In_opt_z_
#define _In_opt_z_
#endif
#ifndef _In_range_
#define _In_range_(...)
#endif
#ifndef _In_reads_
#define _In_reads_(...)
#endif
#ifndef _In_reads_bytes_
#define _In_reads_bytes_(...)
#endif
#ifndef _In_reads_bytes_opt_
#define _In_reads_bytes_opt_(...)
#endif
#ifndef _In_reads_opt_
#define _In_reads_opt_(...)
#endif
#ifndef _In_reads_opt_z_
#define _In_reads_opt_z_(...)
#endif
#ifndef _In_reads_or_z_
#define _In_reads_or_z_(...)
#endif
#ifndef _In_reads_or_z_opt_
#define _In_reads_or_z_opt_(...)
#endif
#ifndef _In_reads_to_ptr_
#define _In_reads_to_ptr_(...)
#endif
#ifndef _In_reads_to_ptr_opt_
#define _In_reads_to_ptr_opt_(...)
#endif
#ifndef _In_reads_to_ptr_opt_z_
#define _In_reads_to_ptr_opt_z_(...)
#endif
#ifndef _In_reads_to_ptr_z_
#define _In_reads_to_ptr_z_(...)
#endif
#ifndef _In_reads_z_
#define _In_reads_z_(...)
#endif
#ifndef _In_z_
#define _In_z_
#endif
#ifndef _Inexpressible_
#define _Inexpressible_(...)
#endif
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Inout_defensive_
#define _Inout_defensive_(...)
#endif
#ifndef _Inout_opt_
#define _Inout_opt_
#endif
#ifndef _Inout_opt_z_
#define _Inout_opt_z_
#endif
#ifndef _Inout_updates_
#define _Inout_updates_(...)
#endif
#ifndef _Inout_updates_all_
#define _Inout_updates_all_(...)
#endif
#ifndef _Inout_updates_all_opt_
#define _Inout_updates_all_opt_(...)
#endif
#ifndef _Inout_updates_bytes_
#define _Inout_updates_bytes_(...)
#endif
#ifndef _Inout_updates_bytes_all_
#define _Inout_updates_bytes_all_(...)
#endif
#ifndef _Inout_updates_bytes_all_opt_
#define _Inout_updates_bytes_all_opt_(...)
#endif
#ifndef _Inout_updates_bytes_opt_
#define _Inout_updates_bytes_opt_(...)
#endif
#ifndef _Inout_updates_bytes_to_
#define _Inout_updates_bytes_to_(...)
#endif
#ifndef _Inout_updates_bytes_to_opt_
#define _Inout_updates_bytes_to_opt_(...)
#endif
#ifndef _Inout_updates_opt_
#define _Inout_updates_opt_(...)
#endif
#ifndef _Inout_updates_opt_z_
#define _Inout_updates_opt_z_(...)
#endif
#ifndef _Inout_updates_to_
#define _Inout_updates_to_(...)
#endif
#ifndef _Inout_updates_to_opt_
#define _Inout_updates_to_opt_(...)
#endif
#ifndef _Inout_updates_z_
#define _Inout_updates_z_(...)
#endif
#ifndef _Inout_z_
#define _Inout_z_
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_bound_
#define _Out_bound_
#endif
#ifndef _Out_defensive_
#define _Out_defensive_(...)
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Out_range_
#define _Out_range_(...)
#endif
#ifndef _Out_writes_
#define _Out_writes_(...)
#endif
#ifndef _Out_writes_all_
#define _Out_writes_all_(...)
#endif
#ifndef _Out_writes_all_opt_
#define _Out_writes_all_opt_(...)
#endif
#ifndef _Out_writes_bytes_
#define _Out_writes_bytes_(...)
#endif
#ifndef _Out_writes_bytes_all_
#define _Out_writes_bytes_all_(...)
#endif
#ifndef _Out_writes_bytes_all_opt_
#define _Out_writes_bytes_all_opt_(...)
#endif
#ifndef _Out_writes_bytes_opt_
#define _Out_writes_bytes_opt_(...)
#endif
#ifndef _Out_writes_bytes_to_
#define _Out_writes_bytes_to_(...)
#endif
#ifndef _Out_writes_bytes_to_opt_
#define _Out_writes_bytes_to_opt_(...)
#endif
#ifndef _Out_writes_opt_
#define _Out_writes_opt_(...)
#endif
#ifndef _Out_writes_opt_z_
#define _Out_writes_opt_z_(...)
#endif
#ifndef _Out_writes_to_
#define _Out_writes_to_(...)
#endif
#ifndef _Out_writes_to_opt_
#define _Out_writes_to_opt_(...)
#endif
#ifndef _Out_writes_to_ptr_
#define _Out_writes_to_ptr_(...)
#endif
#ifndef _Out_writes_to_ptr_opt_
#define _Out_writes_to_ptr_opt_(...)
#endif
#ifndef _Out_writes_to_ptr_opt_z_
#define _Out_writes_to_ptr_opt_z_(...)
#endif
#ifndef _Out_writes_to_ptr_z_
#define _Out_writes_to_ptr_z_(...)
#endif
#ifndef _Out_writes_z_
#define _Out_writes_z_(...)
#endif
#ifndef _Outptr_
#define _Outptr_
#endif
#ifndef _Outptr_opt_
#define _Outptr_opt_
#endif
#ifndef _Outptr_opt_result_buffer_
#define _Outptr_opt_result_buffer_(...)
#endif
#ifndef _Outptr_opt_result_buffer_all_
#define _Outptr_opt_result_buffer_all_(...)
#endif
#ifndef _Outptr_opt_result_buffer_all_maybenull_
#define _Outptr_opt_result_buffer_all_maybenull_(...)
#endif
#ifndef _Outptr_opt_result_buffer_maybenull_
#define _Outptr_opt_result_buffer_maybenull_(...)
#endif
#ifndef _Outptr_opt_result_buffer_to_
#define _Outptr_opt_result_buffer_to_(...)
#endif
#ifndef _Outptr_opt_result_buffer_to_maybenull_
#define _Outptr_opt_result_buffer_to_maybenull_(...)
#endif
#ifndef _Outptr_opt_result_bytebuffer_
#define _Outptr_opt_result_bytebuffer_(...)
#endif
#ifndef _Outptr_opt_result_bytebuffer_all_
#define _Outptr_opt_result_bytebuffer_all_(...)
#endif
#ifndef _Outptr_opt_result_bytebuffer_all_maybenull_
#define _Outptr_opt_result_bytebuffer_all_maybenull_(...)
#endif
#ifndef _Outptr_opt_result_bytebuffer_maybenull_
#define _Outptr_opt_result_bytebuffer_maybenull_(...)
#endif
#ifndef _Outptr_opt_result_bytebuffer_to_
#define _Outptr_opt_result_bytebuffer_to_(...)
#endif
#ifndef _Outptr_opt_result_bytebuffer_to_maybenull_
#define _Outptr_opt_result_bytebuffer_to_maybenull_(...)
#endif
#ifndef _Outptr_opt_result_maybenull_
#define _Outptr_opt_result_maybenull_
#endif
#ifndef _Outptr_opt_result_maybenull_z_
#define _Outptr_opt_result_maybenull_z_
#endif
#ifndef _Outptr_opt_result_nullonfailure_
#define _Outptr_opt_result_nullonfailure_
#endif
#ifndef _Outptr_opt_result_z_
#define _Outptr_opt_result_z_
#endif
#ifndef _Outptr_result_buffer_
#define _Outptr_result_buffer_(...)
#endif
#ifndef _Outptr_result_buffer_all_
#define _Outptr_result_buffer_all_(...)
#endif
#ifndef _Outptr_result_buffer_all_maybenull_
#define _Outptr_result_buffer_all_maybenull_(...)
#endif
#ifndef _Outptr_result_buffer_maybenull_
#define _Outptr_result_buffer_maybenull_(...)
#endif
#ifndef _Outptr_result_buffer_to_
#define _Outptr_result_buffer_to_(...)
#endif
#ifndef _Outptr_result_buffer_to_maybenull_
#define _Outptr_result_buffer_to_maybenull_(...)
#endif
#ifndef _Outptr_result_bytebuffer_
#define _Outptr_result_bytebuffer_(...)
#endif
#ifndef _Outptr_result_bytebuffer_all_
#define _Outptr_result_bytebuffer_all_(...)
#endif
#ifndef _Outptr_result_bytebuffer_all_maybenull_
#define _Outptr_result_bytebuffer_all_maybenull_(...)
#endif
#ifndef _Outptr_result_bytebuffer_maybenull_
#define _Outptr_result_bytebuffer_maybenull_(...)
#endif
#ifndef _Outptr_result_bytebuffer_to_
#define _Outptr_result_bytebuffer_to_(...)
#endif
#ifndef _Outptr_result_bytebuffer_to_maybenull_
#define _Outptr_result_bytebuffer_to_maybenull_(...)
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _Outptr_result_maybenull_z_
#define _Outptr_result_maybenull_z_
#endif
#ifndef _Outptr_result_nullonfailure_
#define _Outptr_result_nullonfailure_
#endif
#ifndef _Outptr_result_z_
#define _Outptr_result_z_
#endif
#ifndef _Outref_
#define _Outref_
#endif
#ifndef _Outref_result_buffer_
#define _Outref_result_buffer_(...)
#endif
#ifndef _Outref_result_buffer_all_
#define _Outref_result_buffer_all_(...)
#endif
#ifndef _Outref_result_buffer_all_maybenull_
#define _Outref_result_buffer_all_maybenull_(...)
#endif
#ifndef _Outref_result_buffer_maybenull_
#define _Outref_result_buffer_maybenull_(...)
#endif
#ifndef _Outref_result_buffer_to_
#define _Outref_result_buffer_to_(...)
#endif
#ifndef _Outref_result_buffer_to_maybenull_
#define _Outref_result_buffer_to_maybenull_(...)
#endif
#ifndef _Outref_result_bytebuffer_
#define _Outref_result_bytebuffer_(...)
#endif
#ifndef _Outref_result_bytebuffer_all_
#define _Outref_result_bytebuffer_all_(...)
#endif
#ifndef _Outref_result_bytebuffer_all_maybenull_
#define _Outref_result_bytebuffer_all_maybenull_(...)
#endif
#ifndef _Outref_result_bytebuffer_maybenull_
#define _Outref_result_bytebuffer_maybenull_(...)
#endif
#ifndef _Outref_result_bytebuffer_to_
#define _Outref_result_bytebuffer_to_(...)
#endif
#ifndef _Outref_result_bytebuffer_to_maybenull_
#define _Outref_result_bytebuffer_to_maybenull_(...)
#endif
#ifndef _Outref_result_maybenull_
#define _Outref_result_maybenull_
#endif
#ifndef _Outref_result_nullonfailure_
#define _Outref_result_nullonfailure_
#endif
#ifndef _Reserved_
#define _Reserved_
#endif
#ifndef _Writes_and_advances_ptr_
#define _Writes_and_advances_ptr_(...)
#endif
#ifndef _Writes_bytes_and_advances_ptr_
#define _Writes_bytes_and_advances_ptr_(...)
#endif

/* ---- Dereference annotations ---- */

#ifndef _Deref_in_bound_
#define _Deref_in_bound_
#endif
#ifndef _Deref_in_range_
#define _Deref_in_range_(...)
#endif
#ifndef _Deref_inout_bound_
#define _Deref_inout_bound_
#endif
#ifndef _Deref_inout_range_
#define _Deref_inout_range_(...)
#endif
#ifndef _Deref_inout_z_
#define _Deref_inout_z_
#endif
#ifndef _Deref_opt_out_
#define _Deref_opt_out_
#endif
#ifndef _Deref_opt_out_opt_
#define _Deref_opt_out_opt_
#endif
#ifndef _Deref_opt_out_opt_z_
#define _Deref_opt_out_opt_z_
#endif
#ifndef _Deref_opt_out_z_
#define _Deref_opt_out_z_
#endif
#ifndef _Deref_out_
#define _Deref_out_
#endif
#ifndef _Deref_out_bound_
#define _Deref_out_bound_
#endif
#ifndef _Deref_out_opt_
#define _Deref_out_opt_
#endif
#ifndef _Deref_out_opt_z_
#define _Deref_out_opt_z_
#endif
#ifndef _Deref_out_range_
#define _Deref_out_range_(...)
#endif
#ifndef _Deref_out_z_
#define _Deref_out_z_
#endif
#ifndef _Deref_post_maybenull_
#define _Deref_post_maybenull_
#endif
#ifndef _Deref_post_notnull_
#define _Deref_post_notnull_
#endif
#ifndef _Deref_post_null_
#define _Deref_post_null_
#endif
#ifndef _Deref_post_opt_valid_
#define _Deref_post_opt_valid_
#endif
#ifndef _Deref_post_opt_z_
#define _Deref_post_opt_z_
#endif
#ifndef _Deref_post_valid_
#define _Deref_post_valid_
#endif
#ifndef _Deref_post_z_
#define _Deref_post_z_
#endif
#ifndef _Deref_pre_invalid_
#define _Deref_pre_invalid_
#endif
#ifndef _Deref_pre_maybenull_
#define _Deref_pre_maybenull_
#endif
#ifndef _Deref_pre_notnull_
#define _Deref_pre_notnull_
#endif
#ifndef _Deref_pre_null_
#define _Deref_pre_null_
#endif
#ifndef _Deref_pre_opt_valid_
#define _Deref_pre_opt_valid_
#endif
#ifndef _Deref_pre_opt_z_
#define _Deref_pre_opt_z_
#endif
#ifndef _Deref_pre_readonly_
#define _Deref_pre_readonly_
#endif
#ifndef _Deref_pre_valid_
#define _Deref_pre_valid_
#endif
#ifndef _Deref_pre_writeonly_
#define _Deref_pre_writeonly_
#endif
#ifndef _Deref_pre_z_
#define _Deref_pre_z_
#endif
#ifndef _Deref_ret_opt_z_
#define _Deref_ret_opt_z_
#endif
#ifndef _Deref_ret_range_
#define _Deref_ret_range_(...)
#endif
#ifndef _Deref_ret_z_
#define _Deref_ret_z_
#endif

/* ---- Return-value and success annotations ---- */

#ifndef _Check_return_
#define _Check_return_
#endif
#ifndef _Check_return_opt_
#define _Check_return_opt_
#endif
#ifndef _Check_return_wat_
#define _Check_return_wat_
#endif
#ifndef _Must_inspect_result_
#define _Must_inspect_result_
#endif
#ifndef _Post_equals_last_error_
#define _Post_equals_last_error_
#endif
#ifndef _Result_nullonfailure_
#define _Result_nullonfailure_
#endif
#ifndef _Result_zeroonfailure_
#define _Result_zeroonfailure_
#endif
#ifndef _Ret_bound_
#define _Ret_bound_
#endif
#ifndef _Ret_maybenull_
#define _Ret_maybenull_
#endif
#ifndef _Ret_maybenull_z_
#define _Ret_maybenull_z_
#endif
#ifndef _Ret_notnull_
#define _Ret_notnull_
#endif
#ifndef _Ret_null_
#define _Ret_null_
#endif
#ifndef _Ret_opt_valid_
#define _Ret_opt_valid_
#endif
#ifndef _Ret_opt_z_
#define _Ret_opt_z_
#endif
#ifndef _Ret_range_
#define _Ret_range_(...)
#endif
#ifndef _Ret_reallocated_bytes_
#define _Ret_reallocated_bytes_(...)
#endif
#ifndef _Ret_valid_
#define _Ret_valid_
#endif
#ifndef _Ret_writes_
#define _Ret_writes_(...)
#endif
#ifndef _Ret_writes_bytes_
#define _Ret_writes_bytes_(...)
#endif
#ifndef _Ret_writes_bytes_maybenull_
#define _Ret_writes_bytes_maybenull_(...)
#endif
#ifndef _Ret_writes_bytes_to_
#define _Ret_writes_bytes_to_(...)
#endif
#ifndef _Ret_writes_bytes_to_maybenull_
#define _Ret_writes_bytes_to_maybenull_(...)
#endif
#ifndef _Ret_writes_maybenull_
#define _Ret_writes_maybenull_(...)
#endif
#ifndef _Ret_writes_maybenull_z_
#define _Ret_writes_maybenull_z_(...)
#endif
#ifndef _Ret_writes_to_
#define _Ret_writes_to_(...)
#endif
#ifndef _Ret_writes_to_maybenull_
#define _Ret_writes_to_maybenull_(...)
#endif
#ifndef _Ret_writes_z_
#define _Ret_writes_z_(...)
#endif
#ifndef _Ret_z_
#define _Ret_z_
#endif
#ifndef _Return_type_success_
#define _Return_type_success_(...)
#endif
#ifndef _Success_
#define _Success_(...)
#endif
#ifndef _Translates_last_error_to_HRESULT_
#define _Translates_last_error_to_HRESULT_
#endif
#ifndef _Translates_NTSTATUS_to_HRESULT_
#define _Translates_NTSTATUS_to_HRESULT_(...)
#endif
#ifndef _Translates_Win32_to_HRESULT_
#define _Translates_Win32_to_HRESULT_(...)
#endif

/* ---- Pre- and post-condition building blocks ---- */

#ifndef _Always_
#define _Always_(...)
#endif
#ifndef _At_
#define _At_(...)
#endif
#ifndef _At_buffer_
#define _At_buffer_(...)
#endif
#ifndef _Maybenull_
#define _Maybenull_
#endif
#ifndef _Notnull_
#define _Notnull_
#endif
#ifndef _Null_
#define _Null_
#endif
#ifndef _Null_terminated_
#define _Null_terminated_
#endif
#ifndef _On_failure_
#define _On_failure_(...)
#endif
#ifndef _Post_
#define _Post_
#endif
#ifndef _Post_defensive_
#define _Post_defensive_
#endif
#ifndef _Post_equal_to_
#define _Post_equal_to_(...)
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef _Post_maybenull_
#define _Post_maybenull_
#endif
#ifndef _Post_maybez_
#define _Post_maybez_
#endif
#ifndef _Post_notnull_
#define _Post_notnull_
#endif
#ifndef _Post_null_
#define _Post_null_
#endif
#ifndef _Post_ptr_invalid_
#define _Post_ptr_invalid_
#endif
#ifndef _Post_readable_byte_size_
#define _Post_readable_byte_size_(...)
#endif
#ifndef _Post_readable_size_
#define _Post_readable_size_(...)
#endif
#ifndef _Post_satisfies_
#define _Post_satisfies_(...)
#endif
#ifndef _Post_valid_
#define _Post_valid_
#endif
#ifndef _Post_writable_byte_size_
#define _Post_writable_byte_size_(...)
#endif
#ifndef _Post_writable_size_
#define _Post_writable_size_(...)
#endif
#ifndef _Post_z_
#define _Post_z_
#endif
#ifndef _Pre_
#define _Pre_
#endif
#ifndef _Pre_cap_c_one_
#define _Pre_cap_c_one_
#endif
#ifndef _Pre_defensive_
#define _Pre_defensive_
#endif
#ifndef _Pre_equal_to_
#define _Pre_equal_to_(...)
#endif
#ifndef _Pre_invalid_
#define _Pre_invalid_
#endif
#ifndef _Pre_maybenull_
#define _Pre_maybenull_
#endif
#ifndef _Pre_notnull_
#define _Pre_notnull_
#endif
#ifndef _Pre_null_
#define _Pre_null_
#endif
#ifndef _Pre_opt_cap_c_one_
#define _Pre_opt_cap_c_one_
#endif
#ifndef _Pre_opt_valid_
#define _Pre_opt_valid_
#endif
#ifndef _Pre_opt_z_
#define _Pre_opt_z_
#endif
#ifndef _Pre_readable_byte_size_
#define _Pre_readable_byte_size_(...)
#endif
#ifndef _Pre_readable_size_
#define _Pre_readable_size_(...)
#endif
#ifndef _Pre_readonly_
#define _Pre_readonly_
#endif
#ifndef _Pre_satisfies_
#define _Pre_satisfies_(...)
#endif
#ifndef _Pre_unknown_
#define _Pre_unknown_
#endif
#ifndef _Pre_valid_
#define _Pre_valid_
#endif
#ifndef _Pre_writable_byte_size_
#define _Pre_writable_byte_size_(...)
#endif
#ifndef _Pre_writable_size_
#define _Pre_writable_size_(...)
#endif
#ifndef _Pre_writeonly_
#define _Pre_writeonly_
#endif
#ifndef _Pre_z_
#define _Pre_z_
#endif
#ifndef _Prepost_z_
#define _Prepost_z_
#endif
#ifndef _Readable_bytes_
#define _Readable_bytes_(...)
#endif
#ifndef _Readable_elements_
#define _Readable_elements_(...)
#endif
#ifndef _Unchanged_
#define _Unchanged_(...)
#endif
#ifndef _When_
#define _When_(...)
#endif
#ifndef _Writable_bytes_
#define _Writable_bytes_(...)
#endif
#ifndef _Writable_elements_
#define _Writable_elements_(...)
#endif

/* ---- Structure and field annotations ---- */

#ifndef _Enum_is_bitflag_
#define _Enum_is_bitflag_
#endif
#ifndef _Field_range_
#define _Field_range_(...)
#endif
#ifndef _Field_size_
#define _Field_size_(...)
#endif
#ifndef _Field_size_bytes_
#define _Field_size_bytes_(...)
#endif
#ifndef _Field_size_bytes_full_
#define _Field_size_bytes_full_(...)
#endif
#ifndef _Field_size_bytes_full_opt_
#define _Field_size_bytes_full_opt_(...)
#endif
#ifndef _Field_size_bytes_opt_
#define _Field_size_bytes_opt_(...)
#endif
#ifndef _Field_size_bytes_part_
#define _Field_size_bytes_part_(...)
#endif
#ifndef _Field_size_bytes_part_opt_
#define _Field_size_bytes_part_opt_(...)
#endif
#ifndef _Field_size_full_
#define _Field_size_full_(...)
#endif
#ifndef _Field_size_full_opt_
#define _Field_size_full_opt_(...)
#endif
#ifndef _Field_size_opt_
#define _Field_size_opt_(...)
#endif
#ifndef _Field_size_part_
#define _Field_size_part_(...)
#endif
#ifndef _Field_size_part_opt_
#define _Field_size_part_opt_(...)
#endif
#ifndef _Field_z_
#define _Field_z_
#endif
#ifndef _Strict_type_match_
#define _Strict_type_match_
#endif
#ifndef _Struct_size_bytes_
#define _Struct_size_bytes_(...)
#endif

/* ---- Strings, formats, memory ownership and miscellany ---- */

#ifndef _Called_from_function_class_
#define _Called_from_function_class_(...)
#endif
#ifndef _Frees_ptr_
#define _Frees_ptr_
#endif
#ifndef _Frees_ptr_opt_
#define _Frees_ptr_opt_
#endif
#ifndef _Function_class_
#define _Function_class_(...)
#endif
#ifndef _Kernel_entry_
#define _Kernel_entry_
#endif
#ifndef _Kernel_entry_always_
#define _Kernel_entry_always_
#endif
#ifndef _Literal_
#define _Literal_
#endif
#ifndef _Maybe_raises_SEH_exception_
#define _Maybe_raises_SEH_exception_
#endif
#ifndef _Notliteral_
#define _Notliteral_
#endif
#ifndef _NullNull_terminated_
#define _NullNull_terminated_
#endif
#ifndef _Points_to_data_
#define _Points_to_data_
#endif
#ifndef _Printf_format_string_
#define _Printf_format_string_
#endif
#ifndef _Printf_format_string_params_
#define _Printf_format_string_params_(...)
#endif
#ifndef _Raises_SEH_exception_
#define _Raises_SEH_exception_
#endif
#ifndef _Reallocation_function_
#define _Reallocation_function_(...)
#endif
#ifndef _Scanf_format_string_
#define _Scanf_format_string_
#endif
#ifndef _Scanf_format_string_params_
#define _Scanf_format_string_params_(...)
#endif
#ifndef _Scanf_s_format_string_
#define _Scanf_s_format_string_
#endif
#ifndef _Scanf_s_format_string_params_
#define _Scanf_s_format_string_params_(...)
#endif
#ifndef _User_always_
#define _User_always_
#endif
#ifndef _User_always_and_needs_probe_on_
#define _User_always_and_needs_probe_on_(...)
#endif
#ifndef _User_on_
#define _User_on_(...)
#endif

/* ---- Legacy (SAL 1 / specstrings) lower-case annotations ---- */

#ifndef __allocator
#define __allocator
#endif
/* Spelled exactly as ntk_msvc.h spells it, so that either header may come
 * first: an identical redefinition is allowed, a different one is not. */
#ifndef __analysis_assume
#define __analysis_assume(e) ((void)0)
#endif
#ifndef __analysis_hint
#define __analysis_hint(...)
#endif
#ifndef __analysis_noreturn
#define __analysis_noreturn
#endif
#ifndef __bcount
#define __bcount(...)
#endif
#ifndef __bcount_opt
#define __bcount_opt(...)
#endif
#ifndef __benign_race
#define __benign_race
#endif
#ifndef __bound
#define __bound
#endif
#ifndef __byte_readableTo
#define __byte_readableTo(...)
#endif
#ifndef __byte_writableTo
#define __byte_writableTo(...)
#endif
#ifndef __callback
#define __callback
#endif
#ifndef __checkReturn
#define __checkReturn
#endif
#ifndef __control_entrypoint
#define __control_entrypoint(...)
#endif
#ifndef __data_entrypoint
#define __data_entrypoint(...)
#endif
#ifndef __deref
#define __deref
#endif
#ifndef __deref_bcount
#define __deref_bcount(...)
#endif
#ifndef __deref_bcount_opt
#define __deref_bcount_opt(...)
#endif
#ifndef __deref_ecount
#define __deref_ecount(...)
#endif
#ifndef __deref_ecount_opt
#define __deref_ecount_opt(...)
#endif
#ifndef __deref_in
#define __deref_in
#endif
#ifndef __deref_in_bcount
#define __deref_in_bcount(...)
#endif
#ifndef __deref_in_bcount_opt
#define __deref_in_bcount_opt(...)
#endif
#ifndef __deref_in_ecount
#define __deref_in_ecount(...)
#endif
#ifndef __deref_in_ecount_opt
#define __deref_in_ecount_opt(...)
#endif
#ifndef __deref_in_opt
#define __deref_in_opt
#endif
#ifndef __deref_in_range
#define __deref_in_range(...)
#endif
#ifndef __deref_inout
#define __deref_inout
#endif
#ifndef __deref_inout_bcount
#define __deref_inout_bcount(...)
#endif
#ifndef __deref_inout_bcount_full
#define __deref_inout_bcount_full(...)
#endif
#ifndef __deref_inout_bcount_full_opt
#define __deref_inout_bcount_full_opt(...)
#endif
#ifndef __deref_inout_bcount_nz
#define __deref_inout_bcount_nz(...)
#endif
#ifndef __deref_inout_bcount_nz_opt
#define __deref_inout_bcount_nz_opt(...)
#endif
#ifndef __deref_inout_bcount_opt
#define __deref_inout_bcount_opt(...)
#endif
#ifndef __deref_inout_bcount_part
#define __deref_inout_bcount_part(...)
#endif
#ifndef __deref_inout_bcount_part_opt
#define __deref_inout_bcount_part_opt(...)
#endif
#ifndef __deref_inout_bcount_z
#define __deref_inout_bcount_z(...)
#endif
#ifndef __deref_inout_bcount_z_opt
#define __deref_inout_bcount_z_opt(...)
#endif
#ifndef __deref_inout_ecount
#define __deref_inout_ecount(...)
#endif
#ifndef __deref_inout_ecount_full
#define __deref_inout_ecount_full(...)
#endif
#ifndef __deref_inout_ecount_full_opt
#define __deref_inout_ecount_full_opt(...)
#endif
#ifndef __deref_inout_ecount_nz
#define __deref_inout_ecount_nz(...)
#endif
#ifndef __deref_inout_ecount_nz_opt
#define __deref_inout_ecount_nz_opt(...)
#endif
#ifndef __deref_inout_ecount_opt
#define __deref_inout_ecount_opt(...)
#endif
#ifndef __deref_inout_ecount_part
#define __deref_inout_ecount_part(...)
#endif
#ifndef __deref_inout_ecount_part_opt
#define __deref_inout_ecount_part_opt(...)
#endif
#ifndef __deref_inout_ecount_z
#define __deref_inout_ecount_z(...)
#endif
#ifndef __deref_inout_ecount_z_opt
#define __deref_inout_ecount_z_opt(...)
#endif
#ifndef __deref_inout_nz
#define __deref_inout_nz
#endif
#ifndef __deref_inout_nz_opt
#define __deref_inout_nz_opt
#endif
#ifndef __deref_inout_opt
#define __deref_inout_opt
#endif
#ifndef __deref_inout_range
#define __deref_inout_range(...)
#endif
#ifndef __deref_inout_z
#define __deref_inout_z
#endif
#ifndef __deref_inout_z_opt
#define __deref_inout_z_opt
#endif
#ifndef __deref_opt_bcount
#define __deref_opt_bcount(...)
#endif
#ifndef __deref_opt_bcount_opt
#define __deref_opt_bcount_opt(...)
#endif
#ifndef __deref_opt_ecount
#define __deref_opt_ecount(...)
#endif
#ifndef __deref_opt_ecount_opt
#define __deref_opt_ecount_opt(...)
#endif
#ifndef __deref_opt_in
#define __deref_opt_in
#endif
#ifndef __deref_opt_in_bcount
#define __deref_opt_in_bcount(...)
#endif
#ifndef __deref_opt_in_bcount_opt
#define __deref_opt_in_bcount_opt(...)
#endif
#ifndef __deref_opt_in_ecount
#define __deref_opt_in_ecount(...)
#endif
#ifndef __deref_opt_in_ecount_opt
#define __deref_opt_in_ecount_opt(...)
#endif
#ifndef __deref_opt_in_opt
#define __deref_opt_in_opt
#endif
#ifndef __deref_opt_inout
#define __deref_opt_inout
#endif
#ifndef __deref_opt_inout_bcount
#define __deref_opt_inout_bcount(...)
#endif
#ifndef __deref_opt_inout_bcount_full
#define __deref_opt_inout_bcount_full(...)
#endif
#ifndef __deref_opt_inout_bcount_full_opt
#define __deref_opt_inout_bcount_full_opt(...)
#endif
#ifndef __deref_opt_inout_bcount_nz
#define __deref_opt_inout_bcount_nz(...)
#endif
#ifndef __deref_opt_inout_bcount_nz_opt
#define __deref_opt_inout_bcount_nz_opt(...)
#endif
#ifndef __deref_opt_inout_bcount_opt
#define __deref_opt_inout_bcount_opt(...)
#endif
#ifndef __deref_opt_inout_bcount_part
#define __deref_opt_inout_bcount_part(...)
#endif
#ifndef __deref_opt_inout_bcount_part_opt
#define __deref_opt_inout_bcount_part_opt(...)
#endif
#ifndef __deref_opt_inout_bcount_z
#define __deref_opt_inout_bcount_z(...)
#endif
#ifndef __deref_opt_inout_bcount_z_opt
#define __deref_opt_inout_bcount_z_opt(...)
#endif
#ifndef __deref_opt_inout_ecount
#define __deref_opt_inout_ecount(...)
#endif
#ifndef __deref_opt_inout_ecount_full
#define __deref_opt_inout_ecount_full(...)
#endif
#ifndef __deref_opt_inout_ecount_full_opt
#define __deref_opt_inout_ecount_full_opt(...)
#endif
#ifndef __deref_opt_inout_ecount_nz
#define __deref_opt_inout_ecount_nz(...)
#endif
#ifndef __deref_opt_inout_ecount_nz_opt
#define __deref_opt_inout_ecount_nz_opt(...)
#endif
#ifndef __deref_opt_inout_ecount_opt
#define __deref_opt_inout_ecount_opt(...)
#endif
#ifndef __deref_opt_inout_ecount_part
#define __deref_opt_inout_ecount_part(...)
#endif
#ifndef __deref_opt_inout_ecount_part_opt
#define __deref_opt_inout_ecount_part_opt(...)
#endif
#ifndef __deref_opt_inout_ecount_z
#define __deref_opt_inout_ecount_z(...)
#endif
#ifndef __deref_opt_inout_ecount_z_opt
#define __deref_opt_inout_ecount_z_opt(...)
#endif
#ifndef __deref_opt_inout_nz
#define __deref_opt_inout_nz
#endif
#ifndef __deref_opt_inout_nz_opt
#define __deref_opt_inout_nz_opt
#endif
#ifndef __deref_opt_inout_opt
#define __deref_opt_inout_opt
#endif
#ifndef __deref_opt_inout_z
#define __deref_opt_inout_z
#endif
#ifndef __deref_opt_inout_z_opt
#define __deref_opt_inout_z_opt
#endif
#ifndef __deref_opt_out
#define __deref_opt_out
#endif
#ifndef __deref_opt_out_bcount
#define __deref_opt_out_bcount(...)
#endif
#ifndef __deref_opt_out_bcount_full
#define __deref_opt_out_bcount_full(...)
#endif
#ifndef __deref_opt_out_bcount_full_opt
#define __deref_opt_out_bcount_full_opt(...)
#endif
#ifndef __deref_opt_out_bcount_nz_opt
#define __deref_opt_out_bcount_nz_opt(...)
#endif
#ifndef __deref_opt_out_bcount_opt
#define __deref_opt_out_bcount_opt(...)
#endif
#ifndef __deref_opt_out_bcount_part
#define __deref_opt_out_bcount_part(...)
#endif
#ifndef __deref_opt_out_bcount_part_opt
#define __deref_opt_out_bcount_part_opt(...)
#endif
#ifndef __deref_opt_out_bcount_z_opt
#define __deref_opt_out_bcount_z_opt(...)
#endif
#ifndef __deref_opt_out_ecount
#define __deref_opt_out_ecount(...)
#endif
#ifndef __deref_opt_out_ecount_full
#define __deref_opt_out_ecount_full(...)
#endif
#ifndef __deref_opt_out_ecount_full_opt
#define __deref_opt_out_ecount_full_opt(...)
#endif
#ifndef __deref_opt_out_ecount_nz_opt
#define __deref_opt_out_ecount_nz_opt(...)
#endif
#ifndef __deref_opt_out_ecount_opt
#define __deref_opt_out_ecount_opt(...)
#endif
#ifndef __deref_opt_out_ecount_part
#define __deref_opt_out_ecount_part(...)
#endif
#ifndef __deref_opt_out_ecount_part_opt
#define __deref_opt_out_ecount_part_opt(...)
#endif
#ifndef __deref_opt_out_ecount_z
#define __deref_opt_out_ecount_z(...)
#endif
#ifndef __deref_opt_out_ecount_z_opt
#define __deref_opt_out_ecount_z_opt(...)
#endif
#ifndef __deref_opt_out_nz_opt
#define __deref_opt_out_nz_opt
#endif
#ifndef __deref_opt_out_opt
#define __deref_opt_out_opt
#endif
#ifndef __deref_opt_out_xcount
#define __deref_opt_out_xcount(...)
#endif
#ifndef __deref_opt_out_z
#define __deref_opt_out_z
#endif
#ifndef __deref_opt_out_z_opt
#define __deref_opt_out_z_opt
#endif
#ifndef __deref_out
#define __deref_out
#endif
#ifndef __deref_out_bcount
#define __deref_out_bcount(...)
#endif
#ifndef __deref_out_bcount_full
#define __deref_out_bcount_full(...)
#endif
#ifndef __deref_out_bcount_full_opt
#define __deref_out_bcount_full_opt(...)
#endif
#ifndef __deref_out_bcount_nz
#define __deref_out_bcount_nz(...)
#endif
#ifndef __deref_out_bcount_nz_opt
#define __deref_out_bcount_nz_opt(...)
#endif
#ifndef __deref_out_bcount_opt
#define __deref_out_bcount_opt(...)
#endif
#ifndef __deref_out_bcount_part
#define __deref_out_bcount_part(...)
#endif
#ifndef __deref_out_bcount_part_opt
#define __deref_out_bcount_part_opt(...)
#endif
#ifndef __deref_out_bcount_z
#define __deref_out_bcount_z(...)
#endif
#ifndef __deref_out_bcount_z_opt
#define __deref_out_bcount_z_opt(...)
#endif
#ifndef __deref_out_bound
#define __deref_out_bound
#endif
#ifndef __deref_out_ecount
#define __deref_out_ecount(...)
#endif
#ifndef __deref_out_ecount_full
#define __deref_out_ecount_full(...)
#endif
#ifndef __deref_out_ecount_full_opt
#define __deref_out_ecount_full_opt(...)
#endif
#ifndef __deref_out_ecount_nz
#define __deref_out_ecount_nz(...)
#endif
#ifndef __deref_out_ecount_nz_opt
#define __deref_out_ecount_nz_opt(...)
#endif
#ifndef __deref_out_ecount_opt
#define __deref_out_ecount_opt(...)
#endif
#ifndef __deref_out_ecount_part
#define __deref_out_ecount_part(...)
#endif
#ifndef __deref_out_ecount_part_opt
#define __deref_out_ecount_part_opt(...)
#endif
#ifndef __deref_out_ecount_z
#define __deref_out_ecount_z(...)
#endif
#ifndef __deref_out_ecount_z_opt
#define __deref_out_ecount_z_opt(...)
#endif
#ifndef __deref_out_nz
#define __deref_out_nz
#endif
#ifndef __deref_out_nz_opt
#define __deref_out_nz_opt
#endif
#ifndef __deref_out_opt
#define __deref_out_opt
#endif
#ifndef __deref_out_range
#define __deref_out_range(...)
#endif
#ifndef __deref_out_xcount
#define __deref_out_xcount(...)
#endif
#ifndef __deref_out_xcount_opt
#define __deref_out_xcount_opt(...)
#endif
#ifndef __deref_out_z
#define __deref_out_z
#endif
#ifndef __deref_out_z_opt
#define __deref_out_z_opt
#endif
#ifndef __ecount
#define __ecount(...)
#endif
#ifndef __ecount_opt
#define __ecount_opt(...)
#endif
#ifndef __elem_readableTo
#define __elem_readableTo(...)
#endif
#ifndef __elem_writableTo
#define __elem_writableTo(...)
#endif
#ifndef __encoded_array
#define __encoded_array
#endif
#ifndef __encoded_pointer
#define __encoded_pointer
#endif
#ifndef __exceptthat
#define __exceptthat
#endif
#ifndef __fallthrough
#define __fallthrough
#endif
#ifndef __field_bcount
#define __field_bcount(...)
#endif
#ifndef __field_bcount_full
#define __field_bcount_full(...)
#endif
#ifndef __field_bcount_full_opt
#define __field_bcount_full_opt(...)
#endif
#ifndef __field_bcount_opt
#define __field_bcount_opt(...)
#endif
#ifndef __field_bcount_part
#define __field_bcount_part(...)
#endif
#ifndef __field_bcount_part_opt
#define __field_bcount_part_opt(...)
#endif
#ifndef __field_ecount
#define __field_ecount(...)
#endif
#ifndef __field_ecount_full
#define __field_ecount_full(...)
#endif
#ifndef __field_ecount_full_opt
#define __field_ecount_full_opt(...)
#endif
#ifndef __field_ecount_opt
#define __field_ecount_opt(...)
#endif
#ifndef __field_ecount_part
#define __field_ecount_part(...)
#endif
#ifndef __field_ecount_part_opt
#define __field_ecount_part_opt(...)
#endif
#ifndef __field_nullterminated
#define __field_nullterminated
#endif
#ifndef __field_range
#define __field_range(...)
#endif
#ifndef __field_xcount
#define __field_xcount(...)
#endif
#ifndef __field_xcount_full
#define __field_xcount_full(...)
#endif
#ifndef __field_xcount_full_opt
#define __field_xcount_full_opt(...)
#endif
#ifndef __field_xcount_opt
#define __field_xcount_opt(...)
#endif
#ifndef __field_xcount_part
#define __field_xcount_part(...)
#endif
#ifndef __field_xcount_part_opt
#define __field_xcount_part_opt(...)
#endif
#ifndef __format_string
#define __format_string
#endif
#ifndef __gdi_entry
#define __gdi_entry
#endif
#ifndef __in
#define __in
#endif
#ifndef __in_awcount
#define __in_awcount(...)
#endif
#ifndef __in_bcount
#define __in_bcount(...)
#endif
#ifndef __in_bcount_nz
#define __in_bcount_nz(...)
#endif
#ifndef __in_bcount_nz_opt
#define __in_bcount_nz_opt(...)
#endif
#ifndef __in_bcount_opt
#define __in_bcount_opt(...)
#endif
#ifndef __in_bcount_z
#define __in_bcount_z(...)
#endif
#ifndef __in_bcount_z_opt
#define __in_bcount_z_opt(...)
#endif
#ifndef __in_bound
#define __in_bound
#endif
#ifndef __in_ecount
#define __in_ecount(...)
#endif
#ifndef __in_ecount_nz
#define __in_ecount_nz(...)
#endif
#ifndef __in_ecount_nz_opt
#define __in_ecount_nz_opt(...)
#endif
#ifndef __in_ecount_opt
#define __in_ecount_opt(...)
#endif
#ifndef __in_ecount_z
#define __in_ecount_z(...)
#endif
#ifndef __in_ecount_z_opt
#define __in_ecount_z_opt(...)
#endif
#ifndef __in_nz
#define __in_nz
#endif
#ifndef __in_nz_opt
#define __in_nz_opt
#endif
#ifndef __in_opt
#define __in_opt
#endif
#ifndef __in_range
#define __in_range(...)
#endif
#ifndef __in_xcount
#define __in_xcount(...)
#endif
#ifndef __in_xcount_opt
#define __in_xcount_opt(...)
#endif
#ifndef __in_z
#define __in_z
#endif
#ifndef __in_z_opt
#define __in_z_opt
#endif
#ifndef __inexpressible_readableTo
#define __inexpressible_readableTo(...)
#endif
#ifndef __inexpressible_writableTo
#define __inexpressible_writableTo(...)
#endif
#ifndef __inout
#define __inout
#endif
#ifndef __inout_bcount
#define __inout_bcount(...)
#endif
#ifndef __inout_bcount_full
#define __inout_bcount_full(...)
#endif
#ifndef __inout_bcount_full_opt
#define __inout_bcount_full_opt(...)
#endif
#ifndef __inout_bcount_nz
#define __inout_bcount_nz(...)
#endif
#ifndef __inout_bcount_nz_opt
#define __inout_bcount_nz_opt(...)
#endif
#ifndef __inout_bcount_opt
#define __inout_bcount_opt(...)
#endif
#ifndef __inout_bcount_part
#define __inout_bcount_part(...)
#endif
#ifndef __inout_bcount_part_opt
#define __inout_bcount_part_opt(...)
#endif
#ifndef __inout_bcount_z
#define __inout_bcount_z(...)
#endif
#ifndef __inout_bcount_z_opt
#define __inout_bcount_z_opt(...)
#endif
#ifndef __inout_ecount
#define __inout_ecount(...)
#endif
#ifndef __inout_ecount_full
#define __inout_ecount_full(...)
#endif
#ifndef __inout_ecount_full_opt
#define __inout_ecount_full_opt(...)
#endif
#ifndef __inout_ecount_nz
#define __inout_ecount_nz(...)
#endif
#ifndef __inout_ecount_nz_opt
#define __inout_ecount_nz_opt(...)
#endif
#ifndef __inout_ecount_opt
#define __inout_ecount_opt(...)
#endif
#ifndef __inout_ecount_part
#define __inout_ecount_part(...)
#endif
#ifndef __inout_ecount_part_opt
#define __inout_ecount_part_opt(...)
#endif
#ifndef __inout_ecount_z
#define __inout_ecount_z(...)
#endif
#ifndef __inout_ecount_z_opt
#define __inout_ecount_z_opt(...)
#endif
#ifndef __inout_nz
#define __inout_nz
#endif
#ifndef __inout_nz_opt
#define __inout_nz_opt
#endif
#ifndef __inout_opt
#define __inout_opt
#endif
#ifndef __inout_xcount
#define __inout_xcount(...)
#endif
#ifndef __inout_xcount_full
#define __inout_xcount_full(...)
#endif
#ifndef __inout_xcount_full_opt
#define __inout_xcount_full_opt(...)
#endif
#ifndef __inout_xcount_opt
#define __inout_xcount_opt(...)
#endif
#ifndef __inout_xcount_part
#define __inout_xcount_part(...)
#endif
#ifndef __inout_xcount_part_opt
#define __inout_xcount_part_opt(...)
#endif
#ifndef __inout_z
#define __inout_z
#endif
#ifndef __inout_z_opt
#define __inout_z_opt
#endif
#ifndef __kernel_entry
#define __kernel_entry
#endif
#ifndef __maybenull
#define __maybenull
#endif
#ifndef __maybereadonly
#define __maybereadonly
#endif
#ifndef __maybevalid
#define __maybevalid
#endif
#ifndef __nothrow
#define __nothrow
#endif
#ifndef __notnull
#define __notnull
#endif
#ifndef __notreadonly
#define __notreadonly
#endif
#ifndef __notvalid
#define __notvalid
#endif
#ifndef __nullnullterminated
#define __nullnullterminated
#endif
#ifndef __nullterminated
#define __nullterminated
#endif
#ifndef __out
#define __out
#endif
#ifndef __out_awcount
#define __out_awcount(...)
#endif
#ifndef __out_bcount
#define __out_bcount(...)
#endif
#ifndef __out_bcount_full
#define __out_bcount_full(...)
#endif
#ifndef __out_bcount_full_opt
#define __out_bcount_full_opt(...)
#endif
#ifndef __out_bcount_full_z
#define __out_bcount_full_z(...)
#endif
#ifndef __out_bcount_full_z_opt
#define __out_bcount_full_z_opt(...)
#endif
#ifndef __out_bcount_nz
#define __out_bcount_nz(...)
#endif
#ifndef __out_bcount_nz_opt
#define __out_bcount_nz_opt(...)
#endif
#ifndef __out_bcount_opt
#define __out_bcount_opt(...)
#endif
#ifndef __out_bcount_part
#define __out_bcount_part(...)
#endif
#ifndef __out_bcount_part_opt
#define __out_bcount_part_opt(...)
#endif
#ifndef __out_bcount_part_z
#define __out_bcount_part_z(...)
#endif
#ifndef __out_bcount_part_z_opt
#define __out_bcount_part_z_opt(...)
#endif
#ifndef __out_bcount_z
#define __out_bcount_z(...)
#endif
#ifndef __out_bcount_z_opt
#define __out_bcount_z_opt(...)
#endif
#ifndef __out_bound
#define __out_bound
#endif
#ifndef __out_ecount
#define __out_ecount(...)
#endif
#ifndef __out_ecount_full
#define __out_ecount_full(...)
#endif
#ifndef __out_ecount_full_opt
#define __out_ecount_full_opt(...)
#endif
#ifndef __out_ecount_full_z
#define __out_ecount_full_z(...)
#endif
#ifndef __out_ecount_full_z_opt
#define __out_ecount_full_z_opt(...)
#endif
#ifndef __out_ecount_nz
#define __out_ecount_nz(...)
#endif
#ifndef __out_ecount_nz_opt
#define __out_ecount_nz_opt(...)
#endif
#ifndef __out_ecount_opt
#define __out_ecount_opt(...)
#endif
#ifndef __out_ecount_part
#define __out_ecount_part(...)
#endif
#ifndef __out_ecount_part_opt
#define __out_ecount_part_opt(...)
#endif
#ifndef __out_ecount_part_z
#define __out_ecount_part_z(...)
#endif
#ifndef __out_ecount_part_z_opt
#define __out_ecount_part_z_opt(...)
#endif
#ifndef __out_ecount_z
#define __out_ecount_z(...)
#endif
#ifndef __out_ecount_z_opt
#define __out_ecount_z_opt(...)
#endif
#ifndef __out_nz
#define __out_nz
#endif
#ifndef __out_nz_opt
#define __out_nz_opt
#endif
#ifndef __out_opt
#define __out_opt
#endif
#ifndef __out_range
#define __out_range(...)
#endif
#ifndef __out_xcount
#define __out_xcount(...)
#endif
#ifndef __out_xcount_full
#define __out_xcount_full(...)
#endif
#ifndef __out_xcount_full_opt
#define __out_xcount_full_opt(...)
#endif
#ifndef __out_xcount_opt
#define __out_xcount_opt(...)
#endif
#ifndef __out_xcount_part
#define __out_xcount_part(...)
#endif
#ifndef __out_xcount_part_opt
#define __out_xcount_part_opt(...)
#endif
#ifndef __out_z
#define __out_z
#endif
#ifndef __out_z_opt
#define __out_z_opt
#endif
#ifndef __override
#define __override
#endif
#ifndef __possibly_notnullterminated
#define __possibly_notnullterminated
#endif
#ifndef __post
#define __post
#endif
#ifndef __post_invalid
#define __post_invalid
#endif
#ifndef __postcond
#define __postcond(...)
#endif
#ifndef __pre
#define __pre
#endif
#ifndef __precond
#define __precond(...)
#endif
#ifndef __range
#define __range(...)
#endif
#ifndef __readableTo
#define __readableTo(...)
#endif
#ifndef __readonly
#define __readonly
#endif
#ifndef __refparam
#define __refparam
#endif
/* The kernel's <linux/stat.h> (which glibc's <sys/stat.h> pulls in under
 * _GNU_SOURCE, for statx) and <linux/futex.h> have a struct member named
 * __reserved, so the annotation is left out where _GNU_SOURCE is defined;
 * NTK_SAL_NO_RESERVED leaves it out anywhere. */
#if !defined(__reserved) && !defined(_GNU_SOURCE) && !defined(NTK_SAL_NO_RESERVED)
#define __reserved
#endif
#ifndef __rpc_entry
#define __rpc_entry
#endif
#ifndef __struct_bcount
#define __struct_bcount(...)
#endif
#ifndef __struct_xcount
#define __struct_xcount(...)
#endif
#ifndef __success
#define __success(...)
#endif
#ifndef __typefix
#define __typefix(...)
#endif
#ifndef __valid
#define __valid
#endif
#ifndef __writableTo
#define __writableTo(...)
#endif

/* Every public ntk header starts with sal.h (through ntk_msvc.h); giving it
 * the driver annotations too means no source has to know which header the
 * SDK would have reached them through. */
#include <driverspecs.h>

#endif /* NTK_SAL_H */
