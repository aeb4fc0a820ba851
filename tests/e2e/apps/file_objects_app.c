/*
 * file_objects_app.c - the life of file objects on a device, as the driver
 * sees it (driver: file_objects.c): one IRP_MJ_CREATE with a fresh file
 * object per open, the name remainder in FileObject->FileName, FsContext
 * private to each open, no CREATE for a duplicated handle, IRP_MJ_CLEANUP
 * when the last handle goes and IRP_MJ_CLOSE after it, the open's
 * Information as CreateFile reports it, and a failed open that leaves no
 * file object behind (io-semantics 1.G.44, 1.G.45, 1.C.28, 1.A.9, 2.2).
 *
 * The application keeps one control handle open to read the driver's log;
 * after each step it checks the events the step added.
 */
#include <windows.h>
#include <winioctl.h>
#include <stdio.h>
#include <string.h>

#include "e2e.h"
#include "file_objects.h"

#define LAST_ERROR_SENTINEL 0xdeadf00d

static HANDLE Control;
static FILE_OBJECTS_LOG Log; /* the driver's log as last fetched */
static ULONG Mark;           /* Log.Count before the current step */

static HANDLE OpenDevice(const char *remainder, DWORD disposition)
{
    char path[128];

    snprintf(path, sizeof(path), "%s%s", FILE_OBJECTS_WIN32_PATH, remainder);
    return CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, disposition,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

static void FetchLog(void)
{
    DWORD bytes = 0;

    memset(&Log, 0, sizeof(Log));
    if (!DeviceIoControl(Control, IOCTL_FILE_OBJECTS_GET_LOG, NULL, 0, &Log, sizeof(Log), &bytes,
                         NULL)) {
        CHECK(FALSE, "fetch the driver's log (error %lu)", (unsigned long)GetLastError());
    }
}

/* Starts a step: remembers how many events there were. */
static void BeginStep(void)
{
    FetchLog();
    Mark = Log.Count;
}

/* Ends a step: fetches the log and returns how many events the step added
 * (they are Log.Events[Mark...]). */
static ULONG EndStep(void)
{
    FetchLog();
    if (Log.Count > FILE_OBJECTS_MAX_EVENTS) {
        CHECK(FALSE, "the driver's log overflowed (%lu events)", (unsigned long)Log.Count);
        return 0;
    }
    return Log.Count - Mark;
}

static const FILE_OBJECT_EVENT *StepEvent(ULONG index)
{
    return &Log.Events[Mark + index];
}

static ULONG QueryOpenId(HANDLE handle)
{
    ULONG openId = 0;
    DWORD bytes = 0;

    if (!DeviceIoControl(handle, IOCTL_FILE_OBJECTS_GET_OPEN_ID, NULL, 0, &openId, sizeof(openId),
                         &bytes, NULL)) {
        CHECK(FALSE, "query a handle's open number (error %lu)", (unsigned long)GetLastError());
    }
    return openId;
}

static ULONGLONG QueryFileObject(HANDLE handle)
{
    ULONGLONG fileObject = 0;
    DWORD bytes = 0;

    if (!DeviceIoControl(handle, IOCTL_FILE_OBJECTS_GET_FILE_OBJECT, NULL, 0, &fileObject,
                         sizeof(fileObject), &bytes, NULL)) {
        CHECK(FALSE, "query a handle's file object (error %lu)", (unsigned long)GetLastError());
    }
    return fileObject;
}

static BOOL FileNameIs(const FILE_OBJECT_EVENT *event, const WCHAR *expected, size_t chars)
{
    return event->FileNameLength == chars * sizeof(WCHAR) &&
           memcmp(event->FileName, expected, chars * sizeof(WCHAR)) == 0;
}

/* Checks that a step added exactly one successful CREATE for a new file
 * object and returns it. */
static const FILE_OBJECT_EVENT *CheckOneCreate(const char *what)
{
    ULONG added = EndStep();

    CHECK_EQ(added, 1, "io-semantics 1.G.44 [%s]: exactly one IRP_MJ_CREATE", what);
    if (added != 1) {
        return NULL;
    }
    CHECK_EQ(StepEvent(0)->MajorFunction, IRP_MJ_CREATE, "io-semantics 1.G.44 [%s]: a CREATE",
             what);
    CHECK_EQ(StepEvent(0)->FileObjectType, 5, "io-semantics 1.G.44 [%s]: FileObject->Type is 5",
             what);
    return StepEvent(0);
}

/* Checks that a step added CLEANUP then CLOSE for one file object. */
static void CheckCleanupThenClose(ULONGLONG fileObject, ULONG openId, const char *what)
{
    ULONG added = EndStep();
    const FILE_OBJECT_EVENT *cleanup;
    const FILE_OBJECT_EVENT *close;

    CHECK_EQ(added, 2, "io-semantics 1.G.45 [%s]: two requests, CLEANUP and CLOSE", what);
    if (added != 2) {
        return;
    }
    cleanup = StepEvent(0);
    close = StepEvent(1);
    CHECK_EQ(cleanup->MajorFunction, IRP_MJ_CLEANUP, "io-semantics 1.G.45 [%s]: CLEANUP first",
             what);
    CHECK_EQ(close->MajorFunction, IRP_MJ_CLOSE, "io-semantics 1.G.45 [%s]: CLOSE second", what);
    CHECK_EQ_HEX(cleanup->FileObject, fileObject,
                 "io-semantics 1.G.45 [%s]: CLEANUP for the handle's file object", what);
    CHECK_EQ_HEX(close->FileObject, fileObject,
                 "io-semantics 1.G.45 [%s]: CLOSE for the handle's file object", what);
    CHECK_EQ(cleanup->OpenId, openId, "io-semantics 1.G.44 [%s]: CLEANUP sees the open's FsContext",
             what);
    CHECK_EQ(close->OpenId, openId, "io-semantics 1.G.44 [%s]: CLOSE sees the open's FsContext",
             what);
    CHECK_EQ_HEX(cleanup->IrpFlags & (IRP_CLOSE_OPERATION | IRP_SYNCHRONOUS_API),
                 IRP_CLOSE_OPERATION | IRP_SYNCHRONOUS_API,
                 "io-semantics 1.G.45 [%s]: CLEANUP carries IRP_CLOSE_OPERATION | "
                 "IRP_SYNCHRONOUS_API", what);
    CHECK_EQ(cleanup->ProcessId, GetCurrentProcessId(),
             "io-semantics 1.G.45 [%s]: CLEANUP runs in the closing process", what);
    CHECK_EQ(close->Irql, PASSIVE_LEVEL, "io-semantics 1.G.45 [%s]: CLOSE at PASSIVE_LEVEL", what);
}

int main(void)
{
    static const WCHAR subName[] = {'\\', 's', 'u', 'b'};
    const FILE_OBJECT_EVENT *event;
    ULONGLONG controlFileObject, firstFileObject, secondFileObject;
    ULONG controlId, firstId, secondId;
    HANDLE first, second, duplicate, handle;
    ULONG added, i;
    BOOL ok;

    e2e_section("opening the device");
    Control = OpenDevice("", OPEN_EXISTING);
    if (!CHECK(Control != INVALID_HANDLE_VALUE, "open %s (error %lu)", FILE_OBJECTS_WIN32_PATH,
               (unsigned long)GetLastError())) {
        return e2e_finish();
    }
    FetchLog();
    CHECK_EQ(Log.Count, 1, "the control handle's open is the first request");
    Mark = 0;
    event = StepEvent(0);
    controlFileObject = QueryFileObject(Control);
    controlId = QueryOpenId(Control);
    CHECK_EQ(event->MajorFunction, IRP_MJ_CREATE, "io-semantics 1.G.44: the open is a CREATE");
    CHECK_EQ(event->FileNameLength, 0,
             "io-semantics 1.G.44: FileName is empty when opening \\\\.\\Name");
    CHECK_EQ(event->FileObjectType, 5, "io-semantics 1.G.44: FileObject->Type is 5");
    CHECK_EQ_HEX(event->FileObject, controlFileObject,
                 "io-semantics 1.G.44: the handle refers to the file object the CREATE saw");
    CHECK_EQ(event->OpenId, controlId, "io-semantics 1.G.44: the handle reaches the open's FsContext");
    CHECK(event->IrpThreadIsCurrent,
          "io-semantics 1.A.9: the CREATE runs in the thread that issued it");
    CHECK_EQ(event->ThreadId, GetCurrentThreadId(),
             "io-semantics 1.A.9: the CREATE runs in the application's thread");
    CHECK_EQ(event->ProcessId, GetCurrentProcessId(),
             "io-semantics 1.A.9: the CREATE runs in the application's process");

    e2e_section("a second open, of a name inside the device");
    BeginStep();
    first = OpenDevice("\\sub", OPEN_EXISTING);
    CHECK(first != INVALID_HANDLE_VALUE, "open %s\\sub (error %lu)", FILE_OBJECTS_WIN32_PATH,
          (unsigned long)GetLastError());
    event = CheckOneCreate("\\\\.\\E2eFileObjects\\sub");
    if (event != NULL) {
        CHECK(FileNameIs(event, subName, 4),
              "io-semantics 1.G.44: FileName is the remainder after the device name, \"\\sub\"");
    }
    firstFileObject = QueryFileObject(first);
    firstId = QueryOpenId(first);
    CHECK(firstFileObject != controlFileObject,
          "io-semantics 1.G.44: each open gets a fresh file object");
    CHECK(firstId != controlId, "io-semantics 1.G.44: FsContext is private to each open");

    e2e_section("a third open, then a duplicate of its handle");
    BeginStep();
    second = OpenDevice("", OPEN_EXISTING);
    CHECK(second != INVALID_HANDLE_VALUE, "open %s again (error %lu)", FILE_OBJECTS_WIN32_PATH,
          (unsigned long)GetLastError());
    CheckOneCreate("a third open");
    secondFileObject = QueryFileObject(second);
    secondId = QueryOpenId(second);
    CHECK(secondFileObject != firstFileObject && secondFileObject != controlFileObject,
          "io-semantics 1.G.44: the third open's file object is new too");
    CHECK(secondId != firstId && secondId != controlId,
          "io-semantics 1.G.44: and so is its FsContext");

    BeginStep();
    duplicate = NULL;
    ok = DuplicateHandle(GetCurrentProcess(), second, GetCurrentProcess(), &duplicate, 0, FALSE,
                         DUPLICATE_SAME_ACCESS);
    CHECK(ok, "DuplicateHandle succeeds (error %lu)", ok ? 0ul : (unsigned long)GetLastError());
    CHECK_EQ(EndStep(), 0, "io-semantics 1.G.44: DuplicateHandle sends no CREATE");
    CHECK_EQ_HEX(QueryFileObject(duplicate), secondFileObject,
                 "io-semantics 1.G.44: the duplicate reaches the same file object");
    CHECK_EQ(QueryOpenId(duplicate), secondId,
             "io-semantics 1.G.44: the duplicate reaches the same FsContext");

    e2e_section("closing");
    BeginStep();
    CloseHandle(second);
    CHECK_EQ(EndStep(), 0,
             "io-semantics 1.G.45: closing one of two handles sends neither CLEANUP nor CLOSE");

    BeginStep();
    CloseHandle(duplicate);
    CheckCleanupThenClose(secondFileObject, secondId, "last handle of the third open");

    BeginStep();
    CloseHandle(first);
    CheckCleanupThenClose(firstFileObject, firstId, "the \\sub open");

    e2e_section("what CreateFile makes of the open's Information");
    SetLastError(LAST_ERROR_SENTINEL);
    handle = OpenDevice("\\opened", OPEN_ALWAYS);
    CHECK(handle != INVALID_HANDLE_VALUE, "open \\opened with OPEN_ALWAYS");
    CHECK_EQ(GetLastError(), ERROR_ALREADY_EXISTS,
             "io-semantics 1.C.28: Information FILE_OPENED reaches CreateFile, which reports "
             "ERROR_ALREADY_EXISTS for OPEN_ALWAYS");
    if (handle != INVALID_HANDLE_VALUE) {
        CloseHandle(handle);
    }
    SetLastError(LAST_ERROR_SENTINEL);
    handle = OpenDevice("\\created", OPEN_ALWAYS);
    CHECK(handle != INVALID_HANDLE_VALUE, "open \\created with OPEN_ALWAYS");
    CHECK_EQ(GetLastError(), 0,
             "io-semantics 1.C.28: Information FILE_CREATED reaches CreateFile, which sets the "
             "last error to 0");
    if (handle != INVALID_HANDLE_VALUE) {
        CloseHandle(handle);
    }

    e2e_section("an open the driver refuses");
    BeginStep();
    SetLastError(LAST_ERROR_SENTINEL);
    handle = OpenDevice("\\denied", OPEN_EXISTING);
    CHECK(handle == INVALID_HANDLE_VALUE, "the driver's STATUS_ACCESS_DENIED fails CreateFile");
    CHECK_EQ(GetLastError(), ERROR_ACCESS_DENIED,
             "io-semantics 2.2 #9: STATUS_ACCESS_DENIED is ERROR_ACCESS_DENIED");
    added = EndStep();
    CHECK_EQ(added, 1, "a failed open gets its CREATE and no CLEANUP or CLOSE");
    if (added >= 1) {
        CHECK_EQ(StepEvent(0)->MajorFunction, IRP_MJ_CREATE, "the refused open's CREATE");
    }
    if (handle != INVALID_HANDLE_VALUE) {
        CloseHandle(handle);
    }

    e2e_section("the whole log");
    FetchLog();
    for (i = 1; i < Log.Count && i < FILE_OBJECTS_MAX_EVENTS; i++) {
        const FILE_OBJECT_EVENT *e = &Log.Events[i];
        ULONG j, cleanups = 0, closes = 0;
        BOOL closedBeforeCleanup = FALSE;

        if (e->MajorFunction != IRP_MJ_CREATE || e->Status != 0) {
            continue;
        }
        for (j = i + 1; j < Log.Count && j < FILE_OBJECTS_MAX_EVENTS; j++) {
            if (Log.Events[j].FileObject != e->FileObject) {
                continue;
            }
            if (Log.Events[j].MajorFunction == IRP_MJ_CLEANUP) {
                cleanups++;
            } else if (Log.Events[j].MajorFunction == IRP_MJ_CLOSE) {
                closes++;
                if (cleanups == 0) {
                    closedBeforeCleanup = TRUE;
                }
                break; /* the address may be reused after CLOSE */
            }
        }
        CHECK(cleanups == 1 && closes == 1 && !closedBeforeCleanup,
              "io-semantics 1.G.45: open #%lu got one CLEANUP, then one CLOSE (%lu, %lu)",
              (unsigned long)e->OpenId, (unsigned long)cleanups, (unsigned long)closes);
    }

    CloseHandle(Control);
    return e2e_finish();
}
