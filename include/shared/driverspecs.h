/*
 * driverspecs.h - the driver annotations of the WDK (IRQL rules, dispatch
 * types, kernel resources, memory ownership) and their older __drv_
 * spellings, for ntk.
 *
 * Like the general annotations in sal.h, each expands to nothing under GCC;
 * function-like ones are variadic so comma-holding arguments vanish.  Each
 * definition is guarded so that one made earlier is kept.
 */
#ifndef DRIVERSPECS_H
#define DRIVERSPECS_H

#include <sal.h>

/* ---- IRQL annotations ---- */

#ifndef _IRQL_requires_
#define _IRQL_requires_(...)
#endif
#ifndef _IRQL_requires_max_
#define _IRQL_requires_max_(...)
#endif
#ifndef _IRQL_requires_min_
#define _IRQL_requires_min_(...)
#endif
#ifndef _IRQL_raises_
#define _IRQL_raises_(...)
#endif
#ifndef _IRQL_lowers_
#define _IRQL_lowers_(...)
#endif
#ifndef _IRQL_saves_
#define _IRQL_saves_
#endif
#ifndef _IRQL_restores_
#define _IRQL_restores_
#endif
#ifndef _IRQL_saves_global_
#define _IRQL_saves_global_(...)
#endif
#ifndef _IRQL_restores_global_
#define _IRQL_restores_global_(...)
#endif
#ifndef _IRQL_always_function_min_
#define _IRQL_always_function_min_(...)
#endif
#ifndef _IRQL_always_function_max_
#define _IRQL_always_function_max_(...)
#endif
#ifndef _IRQL_requires_same_
#define _IRQL_requires_same_
#endif
#ifndef _IRQL_uses_cancel_
#define _IRQL_uses_cancel_
#endif
#ifndef _IRQL_is_cancel_
#define _IRQL_is_cancel_
#endif
#ifndef _IRQL_limited_to_
#define _IRQL_limited_to_(...)
#endif

/* ---- Dispatch routines, kernel resources, floating point and memory ownership ---- */

#ifndef _Dispatch_type_
#define _Dispatch_type_(...)
#endif
#ifndef _Kernel_float_saved_
#define _Kernel_float_saved_
#endif
#ifndef _Kernel_float_restored_
#define _Kernel_float_restored_
#endif
#ifndef _Kernel_float_used_
#define _Kernel_float_used_
#endif
#ifndef _Kernel_requires_resource_held_
#define _Kernel_requires_resource_held_(...)
#endif
#ifndef _Kernel_requires_resource_not_held_
#define _Kernel_requires_resource_not_held_(...)
#endif
#ifndef _Kernel_acquires_resource_
#define _Kernel_acquires_resource_(...)
#endif
#ifndef _Kernel_releases_resource_
#define _Kernel_releases_resource_(...)
#endif
#ifndef _Kernel_clear_do_init_
#define _Kernel_clear_do_init_(...)
#endif
#ifndef _Kernel_IoGetDmaAdapter_
#define _Kernel_IoGetDmaAdapter_
#endif
#ifndef _Kernel_ExAllocatePoolWithTag_
#define _Kernel_ExAllocatePoolWithTag_
#endif
#ifndef _Drv_
#define _Drv_(...)
#endif
#ifndef _Drv_same_
#define _Drv_same_
#endif
#ifndef _Drv_aliasesMem_
#define _Drv_aliasesMem_
#endif
#ifndef _Drv_allocatesMem_
#define _Drv_allocatesMem_(...)
#endif
#ifndef _Drv_freesMem_
#define _Drv_freesMem_(...)
#endif

/* ---- Legacy __drv_ spellings: IRQL ---- */

#ifndef __drv_maxIRQL
#define __drv_maxIRQL(...)
#endif
#ifndef __drv_minIRQL
#define __drv_minIRQL(...)
#endif
#ifndef __drv_requiresIRQL
#define __drv_requiresIRQL(...)
#endif
#ifndef __drv_raisesIRQL
#define __drv_raisesIRQL(...)
#endif
#ifndef __drv_setsIRQL
#define __drv_setsIRQL(...)
#endif
#ifndef __drv_savesIRQL
#define __drv_savesIRQL
#endif
#ifndef __drv_savesIRQLGlobal
#define __drv_savesIRQLGlobal(...)
#endif
#ifndef __drv_restoresIRQL
#define __drv_restoresIRQL
#endif
#ifndef __drv_restoresIRQLGlobal
#define __drv_restoresIRQLGlobal(...)
#endif
#ifndef __drv_minFunctionIRQL
#define __drv_minFunctionIRQL(...)
#endif
#ifndef __drv_maxFunctionIRQL
#define __drv_maxFunctionIRQL(...)
#endif
#ifndef __drv_sameIRQL
#define __drv_sameIRQL
#endif
#ifndef __drv_useCancelIRQL
#define __drv_useCancelIRQL
#endif
#ifndef __drv_isCancelIRQL
#define __drv_isCancelIRQL
#endif

/* ---- Legacy __drv_ spellings: dispatch, function classes, resources and locks ---- */

#ifndef __drv_dispatchType
#define __drv_dispatchType(...)
#endif
#ifndef __drv_dispatchType_other
#define __drv_dispatchType_other
#endif
#ifndef __drv_functionClass
#define __drv_functionClass(...)
#endif
#ifndef __drv_clearDoInit
#define __drv_clearDoInit(...)
#endif
#ifndef __drv_callbackType
#define __drv_callbackType(...)
#endif
#ifndef __drv_completionType
#define __drv_completionType(...)
#endif
#ifndef __drv_mustHold
#define __drv_mustHold(...)
#endif
#ifndef __drv_mustHoldGlobal
#define __drv_mustHoldGlobal(...)
#endif
#ifndef __drv_neverHold
#define __drv_neverHold(...)
#endif
#ifndef __drv_neverHoldGlobal
#define __drv_neverHoldGlobal(...)
#endif
#ifndef __drv_acquiresResource
#define __drv_acquiresResource(...)
#endif
#ifndef __drv_acquiresResourceGlobal
#define __drv_acquiresResourceGlobal(...)
#endif
#ifndef __drv_releasesResource
#define __drv_releasesResource(...)
#endif
#ifndef __drv_releasesResourceGlobal
#define __drv_releasesResourceGlobal(...)
#endif
#ifndef __drv_acquiresExclusiveResource
#define __drv_acquiresExclusiveResource(...)
#endif
#ifndef __drv_acquiresExclusiveResourceGlobal
#define __drv_acquiresExclusiveResourceGlobal(...)
#endif
#ifndef __drv_releasesExclusiveResource
#define __drv_releasesExclusiveResource(...)
#endif
#ifndef __drv_releasesExclusiveResourceGlobal
#define __drv_releasesExclusiveResourceGlobal(...)
#endif
#ifndef __drv_innerMustHold
#define __drv_innerMustHold(...)
#endif
#ifndef __drv_innerNeverHold
#define __drv_innerNeverHold(...)
#endif
#ifndef __drv_innerMustHoldGlobal
#define __drv_innerMustHoldGlobal(...)
#endif
#ifndef __drv_innerNeverHoldGlobal
#define __drv_innerNeverHoldGlobal(...)
#endif
#ifndef __drv_innerAcquiresGlobal
#define __drv_innerAcquiresGlobal(...)
#endif
#ifndef __drv_innerReleasesGlobal
#define __drv_innerReleasesGlobal(...)
#endif
#ifndef __drv_acquiresCancelSpinLock
#define __drv_acquiresCancelSpinLock
#endif
#ifndef __drv_releasesCancelSpinLock
#define __drv_releasesCancelSpinLock
#endif
#ifndef __drv_mustHoldCancelSpinLock
#define __drv_mustHoldCancelSpinLock
#endif
#ifndef __drv_neverHoldCancelSpinLock
#define __drv_neverHoldCancelSpinLock
#endif
#ifndef __drv_holdsCancelSpinLock
#define __drv_holdsCancelSpinLock(...)
#endif
#ifndef __drv_acquiresCriticalRegion
#define __drv_acquiresCriticalRegion
#endif
#ifndef __drv_releasesCriticalRegion
#define __drv_releasesCriticalRegion
#endif
#ifndef __drv_mustHoldCriticalRegion
#define __drv_mustHoldCriticalRegion
#endif
#ifndef __drv_neverHoldCriticalRegion
#define __drv_neverHoldCriticalRegion
#endif
#ifndef __drv_holdsCriticalRegion
#define __drv_holdsCriticalRegion(...)
#endif
#ifndef __drv_acquiresPriorityRegion
#define __drv_acquiresPriorityRegion
#endif
#ifndef __drv_releasesPriorityRegion
#define __drv_releasesPriorityRegion
#endif
#ifndef __drv_mustHoldPriorityRegion
#define __drv_mustHoldPriorityRegion
#endif
#ifndef __drv_neverHoldPriorityRegion
#define __drv_neverHoldPriorityRegion
#endif
#ifndef __drv_holdsPriorityRegion
#define __drv_holdsPriorityRegion(...)
#endif
#ifndef __drv_interlocked
#define __drv_interlocked
#endif
#ifndef __drv_floatSaved
#define __drv_floatSaved
#endif
#ifndef __drv_floatRestored
#define __drv_floatRestored
#endif
#ifndef __drv_floatUsed
#define __drv_floatUsed
#endif
#ifndef __drv_IoGetDmaAdapter
#define __drv_IoGetDmaAdapter
#endif

/* ---- Legacy __drv_ spellings: memory, values, types and composition ---- */

#ifndef __drv_allocatesMem
#define __drv_allocatesMem(...)
#endif
#ifndef __drv_freesMem
#define __drv_freesMem(...)
#endif
#ifndef __drv_aliasesMem
#define __drv_aliasesMem
#endif
#ifndef __drv_when
#define __drv_when(...)
#endif
#ifndef __drv_at
#define __drv_at(...)
#endif
#ifndef __drv_arg
#define __drv_arg(...)
#endif
#ifndef __drv_fun
#define __drv_fun(...)
#endif
#ifndef __drv_ret
#define __drv_ret(...)
#endif
#ifndef __drv_in
#define __drv_in(...)
#endif
#ifndef __drv_out
#define __drv_out(...)
#endif
#ifndef __drv_in_deref
#define __drv_in_deref(...)
#endif
#ifndef __drv_out_deref
#define __drv_out_deref(...)
#endif
#ifndef __drv_deref
#define __drv_deref(...)
#endif
#ifndef __drv_valueIs
#define __drv_valueIs(...)
#endif
#ifndef __drv_constant
#define __drv_constant
#endif
#ifndef __drv_nonConstant
#define __drv_nonConstant
#endif
#ifndef __drv_strictTypeMatch
#define __drv_strictTypeMatch(...)
#endif
#ifndef __drv_strictType
#define __drv_strictType(...)
#endif
#ifndef __drv_notPointer
#define __drv_notPointer
#endif
#ifndef __drv_isObjectPointer
#define __drv_isObjectPointer
#endif
#ifndef __drv_inTry
#define __drv_inTry
#endif
#ifndef __drv_notInTry
#define __drv_notInTry
#endif
#ifndef __drv_reportError
#define __drv_reportError(...)
#endif
#ifndef __drv_preferredFunction
#define __drv_preferredFunction(...)
#endif
#ifndef __drv_formatString
#define __drv_formatString(...)
#endif
#ifndef __drv_unit
#define __drv_unit(...)
#endif
#ifndef __drv_defined
#define __drv_defined(...)
#endif
#ifndef __drv_declspec
#define __drv_declspec(...)
#endif
#ifndef __drv_nop
#define __drv_nop(...)
#endif
#ifndef __drv_KMDF
#define __drv_KMDF
#endif
#ifndef __drv_WDM
#define __drv_WDM
#endif
#ifndef __drv_NDIS
#define __drv_NDIS
#endif

/* ---- Which kind of code a file is (kernel or user, driver or not) ---- */

#ifndef __internal_kernel_driver
#define __internal_kernel_driver
#endif
#ifndef __kernel_driver
#define __kernel_driver
#endif
#ifndef __kernel_code
#define __kernel_code
#endif
#ifndef __user_driver
#define __user_driver
#endif
#ifndef __user_code
#define __user_code
#endif

/* Type-check modes for __drv_strictType; unlike the annotations these are
 * values (the WDK's numbering), since code may pass them on. */
#ifndef __drv_typeConst
#define __drv_typeConst 0
#endif
#ifndef __drv_typeCond
#define __drv_typeCond 1
#endif
#ifndef __drv_typeBitset
#define __drv_typeBitset 2
#endif
#ifndef __drv_typeExpr
#define __drv_typeExpr 3
#endif

#endif /* DRIVERSPECS_H */
