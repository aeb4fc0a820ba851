/*
 * test_resource_concurrent.c - executive synchronisation under contention:
 * an ERESOURCE shared by many readers and a few writers (mutual exclusion,
 * several readers inside at once, writers not starved by readers that keep
 * coming), guarded mutexes, and SLIST push/pop from many threads (nothing
 * lost or duplicated). Also run under ThreadSanitizer.
 */
#include "ntk_test.h"
#include <internal/ke.h>
#include <ntk/ntk.h>
#include <pthread.h>

#define READERS 6
#define WRITERS 3
#define WRITES 100

static ERESOURCE Resource;
static volatile LONG ReadersIn, WritersIn, MaxReadersIn, Violations, WritersDone;
static LONG Counter; /* written only under the resource held exclusive */

static void *writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < WRITES; i++) {
        KeEnterCriticalRegion();
        ExAcquireResourceExclusiveLite(&Resource, TRUE);
        if (__atomic_add_fetch(&WritersIn, 1, __ATOMIC_SEQ_CST) != 1 || __atomic_load_n(&ReadersIn, __ATOMIC_SEQ_CST))
            __atomic_add_fetch(&Violations, 1, __ATOMIC_SEQ_CST);
        if (i % 2) { /* recursion and shared-while-exclusive by the owner */
            ExAcquireResourceSharedLite(&Resource, TRUE);
            ExReleaseResourceLite(&Resource);
        }
        Counter++;
        __atomic_sub_fetch(&WritersIn, 1, __ATOMIC_SEQ_CST);
        ExReleaseResourceLite(&Resource);
        KeLeaveCriticalRegion();
    }
    __atomic_add_fetch(&WritersDone, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void *reader(void *arg)
{
    LONG reads = 0, last = -1;
    (void)arg;
    /* Readers keep coming until every writer is done: writers must still get in. */
    while (__atomic_load_n(&WritersDone, __ATOMIC_SEQ_CST) < WRITERS) {
        KeEnterCriticalRegion();
        ExAcquireResourceSharedLite(&Resource, TRUE);
        LONG in = __atomic_add_fetch(&ReadersIn, 1, __ATOMIC_SEQ_CST);
        LONG max = __atomic_load_n(&MaxReadersIn, __ATOMIC_SEQ_CST);
        while (in > max && !__atomic_compare_exchange_n(&MaxReadersIn, &max, in, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            ;
        if (__atomic_load_n(&WritersIn, __ATOMIC_SEQ_CST))
            __atomic_add_fetch(&Violations, 1, __ATOMIC_SEQ_CST);
        if (Counter < last) /* the value never goes back */
            __atomic_add_fetch(&Violations, 1, __ATOMIC_SEQ_CST);
        last = Counter;
        if (ExIsResourceAcquiredSharedLite(&Resource) != 1)
            __atomic_add_fetch(&Violations, 1, __ATOMIC_SEQ_CST);
        usleep(50); /* stay a while so that readers overlap */
        __atomic_sub_fetch(&ReadersIn, 1, __ATOMIC_SEQ_CST);
        ExReleaseResourceLite(&Resource);
        KeLeaveCriticalRegion();
        reads++;
    }
    return (void *)(ULONG_PTR)reads;
}

static void test_readers_and_writers(void **state)
{
    (void)state;
    ExInitializeResourceLite(&Resource);
    pthread_t r[READERS], w[WRITERS];
    for (int i = 0; i < READERS; i++)
        pthread_create(&r[i], NULL, reader, NULL);
    for (int i = 0; i < WRITERS; i++)
        pthread_create(&w[i], NULL, writer, NULL);
    for (int i = 0; i < WRITERS; i++)
        pthread_join(w[i], NULL);
    ULONG_PTR total = 0;
    for (int i = 0; i < READERS; i++) {
        void *n;
        pthread_join(r[i], &n);
        total += (ULONG_PTR)n;
    }
    assert_int_equal(Violations, 0);
    assert_int_equal(Counter, WRITERS * WRITES);
    assert_true(total > 0);
    assert_true(MaxReadersIn > 1); /* shared really is shared */
    assert_int_equal(ExGetExclusiveWaiterCount(&Resource), 0);
    assert_int_equal(ExGetSharedWaiterCount(&Resource), 0);
    assert_true(ExTryToAcquireResourceExclusiveLite(&Resource));
    ExReleaseResourceLite(&Resource);
    ExDeleteResourceLite(&Resource);
}

/* After an exclusive owner lets go, all shared waiters get in together. */
static volatile LONG SharedIn;
static void *shared_waiter(void *arg)
{
    (void)arg;
    ExAcquireResourceSharedLite(&Resource, TRUE);
    __atomic_add_fetch(&SharedIn, 1, __ATOMIC_SEQ_CST);
    /* Stay until all are in: they hold it together. */
    for (int i = 0; i < 10000 && __atomic_load_n(&SharedIn, __ATOMIC_SEQ_CST) < READERS; i++)
        usleep(500);
    LONG seen = __atomic_load_n(&SharedIn, __ATOMIC_SEQ_CST);
    ExReleaseResourceLite(&Resource);
    return (void *)(ULONG_PTR)seen;
}

static void test_exclusive_release_admits_all_shared_waiters(void **state)
{
    (void)state;
    ExInitializeResourceLite(&Resource);
    ExAcquireResourceExclusiveLite(&Resource, TRUE);
    pthread_t t[READERS];
    for (int i = 0; i < READERS; i++)
        pthread_create(&t[i], NULL, shared_waiter, NULL);
    for (int i = 0; i < 10000 && ExGetSharedWaiterCount(&Resource) != READERS; i++)
        usleep(500);
    assert_int_equal(ExGetSharedWaiterCount(&Resource), READERS);
    ExReleaseResourceLite(&Resource);
    for (int i = 0; i < READERS; i++) {
        void *seen;
        pthread_join(t[i], &seen);
        assert_int_equal((ULONG_PTR)seen, READERS);
    }
    ExDeleteResourceLite(&Resource);
}

/* Guarded mutex: mutual exclusion among threads. */
static KGUARDED_MUTEX Mutex;
static LONG MutexCounter;
static void *mutex_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        KeAcquireGuardedMutex(&Mutex);
        MutexCounter++;
        KeReleaseGuardedMutex(&Mutex);
    }
    return NULL;
}

static void test_guarded_mutex_contention(void **state)
{
    (void)state;
    KeInitializeGuardedMutex(&Mutex);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, mutex_worker, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(MutexCounter, 4 * 1000);
}

/* SLIST: items move between threads through one list. */
#define SLIST_THREADS 4
#define ITEMS_PER_THREAD 64
#define ROUNDS 1000
typedef struct {
    SLIST_ENTRY Link;
    volatile LONG Holder; /* 0 on the list, else the thread holding it */
} ITEM;
static SLIST_HEADER List;
static ITEM Items[SLIST_THREADS * ITEMS_PER_THREAD];
static volatile LONG SlistErrors;

static void *slist_worker(void *arg)
{
    LONG me = (LONG)(ULONG_PTR)arg;
    PSLIST_ENTRY held[8];
    for (int r = 0; r < ROUNDS; r++) {
        int n = 0;
        for (; n < 8; n++) {
            held[n] = InterlockedPopEntrySList(&List);
            if (!held[n])
                break;
            ITEM *it = CONTAINING_RECORD(held[n], ITEM, Link);
            LONG expected = 0;
            if (!__atomic_compare_exchange_n(&it->Holder, &expected, me, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
                __atomic_add_fetch(&SlistErrors, 1, __ATOMIC_SEQ_CST); /* popped twice */
        }
        while (n-- > 0) {
            __atomic_store_n(&CONTAINING_RECORD(held[n], ITEM, Link)->Holder, 0, __ATOMIC_SEQ_CST);
            InterlockedPushEntrySList(&List, held[n]);
        }
    }
    return NULL;
}

static void test_slist_many_threads(void **state)
{
    (void)state;
    InitializeSListHead(&List);
    for (int i = 0; i < SLIST_THREADS * ITEMS_PER_THREAD; i++)
        InterlockedPushEntrySList(&List, &Items[i].Link);
    pthread_t t[SLIST_THREADS];
    for (int i = 0; i < SLIST_THREADS; i++)
        pthread_create(&t[i], NULL, slist_worker, (void *)(ULONG_PTR)(i + 1));
    for (int i = 0; i < SLIST_THREADS; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(SlistErrors, 0);
    assert_int_equal(QueryDepthSList(&List), SLIST_THREADS * ITEMS_PER_THREAD);
    int count = 0;
    for (PSLIST_ENTRY e = InterlockedFlushSList(&List); e; e = e->Next)
        count++;
    assert_int_equal(count, SLIST_THREADS * ITEMS_PER_THREAD);
}

int main(void)
{
    ntk_boot();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readers_and_writers),
        cmocka_unit_test(test_exclusive_release_admits_all_shared_waiters),
        cmocka_unit_test(test_guarded_mutex_contention),
        cmocka_unit_test(test_slist_many_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
