/*
 * ntk_interlocked.h - the Interlocked* family (winnt.h and wdm.h both
 * provide it on Windows), as full-barrier GCC atomics.
 */
#ifndef NTK_INTERLOCKED_H
#define NTK_INTERLOCKED_H

#include <ntk_basetypes.h>

#define NTK_ATOMIC_RMW(name, type, op)                                  \
    FORCEINLINE type name(type volatile *Target, type Value)             \
    {                                                                   \
        return op(Target, Value, __ATOMIC_SEQ_CST);                     \
    }

FORCEINLINE LONG InterlockedIncrement(LONG volatile *Addend) { return __atomic_add_fetch(Addend, 1, __ATOMIC_SEQ_CST); }
FORCEINLINE LONG InterlockedDecrement(LONG volatile *Addend) { return __atomic_sub_fetch(Addend, 1, __ATOMIC_SEQ_CST); }
FORCEINLINE LONG64 InterlockedIncrement64(LONG64 volatile *Addend) { return __atomic_add_fetch(Addend, 1, __ATOMIC_SEQ_CST); }
FORCEINLINE LONG64 InterlockedDecrement64(LONG64 volatile *Addend) { return __atomic_sub_fetch(Addend, 1, __ATOMIC_SEQ_CST); }
FORCEINLINE SHORT InterlockedIncrement16(SHORT volatile *Addend) { return __atomic_add_fetch(Addend, 1, __ATOMIC_SEQ_CST); }
FORCEINLINE SHORT InterlockedDecrement16(SHORT volatile *Addend) { return __atomic_sub_fetch(Addend, 1, __ATOMIC_SEQ_CST); }
NTK_ATOMIC_RMW(InterlockedExchange, LONG, __atomic_exchange_n)
NTK_ATOMIC_RMW(InterlockedExchange64, LONG64, __atomic_exchange_n)
NTK_ATOMIC_RMW(InterlockedExchangeAdd, LONG, __atomic_fetch_add)
NTK_ATOMIC_RMW(InterlockedExchangeAdd64, LONG64, __atomic_fetch_add)
NTK_ATOMIC_RMW(InterlockedOr, LONG, __atomic_fetch_or)
NTK_ATOMIC_RMW(InterlockedAnd, LONG, __atomic_fetch_and)
NTK_ATOMIC_RMW(InterlockedXor, LONG, __atomic_fetch_xor)
NTK_ATOMIC_RMW(InterlockedOr64, LONG64, __atomic_fetch_or)
NTK_ATOMIC_RMW(InterlockedAnd64, LONG64, __atomic_fetch_and)
NTK_ATOMIC_RMW(InterlockedXor64, LONG64, __atomic_fetch_xor)
NTK_ATOMIC_RMW(InterlockedOr8, CHAR, __atomic_fetch_or)
NTK_ATOMIC_RMW(InterlockedAnd8, CHAR, __atomic_fetch_and)
NTK_ATOMIC_RMW(InterlockedOr16, SHORT, __atomic_fetch_or)
NTK_ATOMIC_RMW(InterlockedAnd16, SHORT, __atomic_fetch_and)
#define InterlockedAdd(Target, Value) (InterlockedExchangeAdd((Target), (Value)) + (Value))
#define InterlockedAdd64(Target, Value) (InterlockedExchangeAdd64((Target), (Value)) + (Value))

FORCEINLINE LONG InterlockedCompareExchange(LONG volatile *Destination, LONG Exchange, LONG Comperand)
{
    __atomic_compare_exchange_n(Destination, &Comperand, Exchange, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return Comperand;
}
FORCEINLINE LONG64 InterlockedCompareExchange64(LONG64 volatile *Destination, LONG64 Exchange, LONG64 Comperand)
{
    __atomic_compare_exchange_n(Destination, &Comperand, Exchange, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return Comperand;
}
FORCEINLINE PVOID InterlockedCompareExchangePointer(PVOID volatile *Destination, PVOID Exchange, PVOID Comperand)
{
    __atomic_compare_exchange_n(Destination, &Comperand, Exchange, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return Comperand;
}
FORCEINLINE PVOID InterlockedExchangePointer(PVOID volatile *Target, PVOID Value)
{
    return __atomic_exchange_n(Target, Value, __ATOMIC_SEQ_CST);
}
#define InterlockedIncrementAcquire InterlockedIncrement
#define InterlockedIncrementRelease InterlockedIncrement
#define InterlockedDecrementAcquire InterlockedDecrement
#define InterlockedDecrementRelease InterlockedDecrement
#define InterlockedCompareExchangeAcquire InterlockedCompareExchange
#define InterlockedCompareExchangeRelease InterlockedCompareExchange
#define InterlockedExchangeAcquire InterlockedExchange
#define InterlockedIncrementNoFence InterlockedIncrement
#define InterlockedDecrementNoFence InterlockedDecrement
#define MemoryBarrier() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define KeMemoryBarrier() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define KeMemoryBarrierWithoutFence() __asm__ __volatile__("" ::: "memory")
#define YieldProcessor() __builtin_ia32_pause()
#define _ReadWriteBarrier() __asm__ __volatile__("" ::: "memory")
#define ReadNoFence(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define WriteNoFence(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

#undef NTK_ATOMIC_RMW
#endif
