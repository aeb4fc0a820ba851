/*
 * mutex.c - mutex (mutant) objects: owned by one thread at a time,
 * recursively; SignalState is 1 when free and goes down by one for each
 * acquisition by the owner.
 *
 * A thread lists the mutexes it owns (MutantListHead), touched only by that
 * thread: a wait that makes it the owner adds the mutex (KiMutantAcquired,
 * on the waiting thread after the wait), the final release removes it, and
 * when the thread ends each one left is abandoned: freed, marked, and the
 * next thread to take it learns so (STATUS_ABANDONED_WAIT_0 + index).
 *
 * A KMUTEX (KeInitializeMutex) disables normal kernel APCs while owned, as
 * on Windows, so a thread that ends owning one is a bug check
 * (KERNEL_APC_PENDING_DURING_EXIT) before anything is abandoned. The
 * mutants applications create through handles (CreateMutex) do not, and
 * hold a reference on their object while owned so that closing the last
 * handle cannot free a mutant some thread still owns.
 */
#include <internal/ke.h>

void KiInitializeMutant(PKMUTANT Mutant, BOOLEAN InitialOwner, UCHAR ApcDisable)
{
    KiInitializeDispatcherHeader(&Mutant->Header, MutantObject, sizeof(KMUTANT) / sizeof(LONG), 1);
    Mutant->MutantListEntry.Flink = Mutant->MutantListEntry.Blink = NULL;
    Mutant->OwnerThread = NULL;
    Mutant->Abandoned = FALSE;
    Mutant->ApcDisable = ApcDisable;
    if (InitialOwner) {
        PKTHREAD t = KiThread();
        Mutant->Header.SignalState = 0;
        Mutant->OwnerThread = t;
        KiMutantAcquired(t, Mutant);
    }
}

void KiMutantAcquired(PKTHREAD t, PKMUTANT m)
{
    if (m->MutantListEntry.Flink)
        return; /* a recursive acquisition */
    InsertTailList(&t->MutantListHead, &m->MutantListEntry);
    t->KernelApcDisable -= m->ApcDisable;
    if (!m->ApcDisable)
        ObfReferenceObject(m);
}

LONG KiReleaseMutant(PKMUTANT Mutant, BOOLEAN Abandon, BOOLEAN Raise, NTSTATUS *Status)
{
    PDISPATCHER_HEADER h = &Mutant->Header;
    PKTHREAD self = KiThread();
    KiAcquireDispatcherObject(h);
    LONG previous = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED);
    PKTHREAD owner = Mutant->OwnerThread;
    if (Abandon) {
        __atomic_store_n(&h->SignalState, 1, __ATOMIC_RELAXED);
        Mutant->Abandoned = TRUE;
    } else {
        if (owner != self) {
            NTSTATUS status = Mutant->Abandoned ? STATUS_ABANDONED : STATUS_MUTANT_NOT_OWNED;
            KiReleaseDispatcherObject(h);
            if (Raise)
                ExRaiseStatus(status);
            *Status = status;
            return previous;
        }
        __atomic_store_n(&h->SignalState, previous + 1, __ATOMIC_RELAXED);
    }
    BOOLEAN freed = __atomic_load_n(&h->SignalState, __ATOMIC_RELAXED) == 1;
    BOOLEAN dereference = FALSE;
    if (freed) {
        Mutant->OwnerThread = NULL;
        if (Mutant->MutantListEntry.Flink) {
            RemoveEntryList(&Mutant->MutantListEntry);
            Mutant->MutantListEntry.Flink = Mutant->MutantListEntry.Blink = NULL;
            owner->KernelApcDisable += Mutant->ApcDisable;
            dereference = !Mutant->ApcDisable;
        }
        KiWakeWaiters(h);
    }
    KiReleaseDispatcherObject(h);
    if (dereference)
        ObfDereferenceObject(Mutant);
    if (Status)
        *Status = STATUS_SUCCESS;
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI KeInitializeMutex(PRKMUTEX Mutex, ULONG Level)
{
    (void)Level; /* ignored, as on Windows */
    KiInitializeMutant(Mutex, FALSE, 1);
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait)
{
    KI_CHECK_IRQL(KeReleaseMutex);
    LONG previous = KiReleaseMutant(Mutex, FALSE, TRUE, NULL);
    if (Wait)
        KiSetWaitNext(KiThread());
    return previous;
}

/* @implemented */
DECLSPEC_EXPORT LONG NTAPI KeReadStateMutex(PRKMUTEX Mutex)
{
    return __atomic_load_n(&Mutex->Header.SignalState, __ATOMIC_ACQUIRE);
}
