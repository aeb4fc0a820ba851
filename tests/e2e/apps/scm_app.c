/*
 * scm_app.c - an application that installs a driver the Windows way:
 * OpenSCManager, CreateService with the driver's path, StartService,
 * DeviceIoControl, ControlService(SERVICE_CONTROL_STOP), DeleteService;
 * with the SCM's errors (exists, already running, does not exist, not
 * active, marked for delete, stop without DriverUnload, a missing image, a
 * failing DriverEntry). Also the Windows path mapping (C:\ is /, the
 * current directory, full path names), ordinary file I/O, and the `ntk`
 * inspection commands and `ntk sc` run against this very process through
 * its control socket (ntk run --control).
 *
 * Arguments: DRIVER_DIR NTK_TOOL SCRATCH_DIR (host paths).
 */
#include <windows.h>
#include <winioctl.h>
#include <stdlib.h>
#include "e2e.h"
#include "scm_driver.h"

static char DriverDir[1024], Scratch[1024], Tool[1024], Output[65536];

/* "/a/b" -> "C:\a\b" */
static void ToWindows(const char *host, char *out, size_t size)
{
    snprintf(out, size, "C:%s", host);
    for (char *p = out; *p; p++)
        if (*p == '/')
            *p = '\\';
}

/* Runs an ntk command with its output in SCRATCH\out.txt, read back with
 * CreateFile/ReadFile; returns the command's exit status. */
static int RunTool(const char *args)
{
    char command[4096], file[1200];
    snprintf(command, sizeof command, "'%s' %s > '%s/out.txt' 2>&1", Tool, args, Scratch);
    fflush(stdout);
    int status = system(command);
    snprintf(file, sizeof file, "%s\\out.txt", Scratch);
    Output[0] = 0;
    HANDLE h = CreateFileA(file, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h != INVALID_HANDLE_VALUE) {
        DWORD got = 0;
        ReadFile(h, Output, sizeof Output - 1, &got, NULL);
        Output[got] = 0;
        CloseHandle(h);
    }
    /* The C library's system() returns a wait status: the exit code is its second byte. */
    return status == -1 ? -1 : (status >> 8) & 0xFF;
}

static void Paths(void)
{
    char cwd[1024], expected[1200], full[1200];
    char *part = NULL;
    e2e_section("paths: the current directory, full path names, C:\\ is /");
    ToWindows(DriverDir, expected, sizeof expected);
    CHECK(SetCurrentDirectoryA(expected), "SetCurrentDirectory(%s)", expected);
    DWORD n = GetCurrentDirectoryA(sizeof cwd, cwd);
    CHECK_EQ(n, strlen(expected), "GetCurrentDirectory returns the length");
    CHECK(strcmp(cwd, expected) == 0, "GetCurrentDirectory is %s (got %s)", expected, cwd);
    CHECK_EQ(GetCurrentDirectoryA(3, cwd), strlen(expected) + 1, "a short buffer gets the size with the NUL");

    n = GetFullPathNameA("x.sys", sizeof full, full, &part);
    snprintf(cwd, sizeof cwd, "%s\\x.sys", expected);
    CHECK(n == strlen(cwd) && strcmp(full, cwd) == 0, "GetFullPathName(x.sys) = %s (got %s)", cwd, full);
    CHECK(part && strcmp(part, "x.sys") == 0, "the file part is x.sys");
    GetFullPathNameA(".\\a\\..\\b", sizeof full, full, NULL);
    snprintf(cwd, sizeof cwd, "%s\\b", expected);
    CHECK(strcmp(full, cwd) == 0, "'.' and '..' resolve against the current directory (%s)", full);
    GetFullPathNameA("/tmp//x/", sizeof full, full, &part);
    CHECK(strcmp(full, "C:\\tmp\\x\\") == 0 && part == NULL, "forward slashes are separators (%s)", full);
    GetFullPathNameA("C:\\a\\.\\b\\..\\c", sizeof full, full, NULL);
    CHECK(strcmp(full, "C:\\a\\c") == 0, "C:\\a\\.\\b\\..\\c is C:\\a\\c (%s)", full);
    GetFullPathNameA("\\a", sizeof full, full, NULL);
    CHECK(strcmp(full, "C:\\a") == 0, "a rooted name takes the current drive (%s)", full);
    GetFullPathNameA("..\\..\\..\\..\\..\\..\\..\\..\\..\\..", sizeof full, full, NULL);
    CHECK(strcmp(full, "C:\\") == 0, "'..' stops at the root (%s)", full);
    GetFullPathNameA("C:\\x\\name. . ", sizeof full, full, NULL);
    CHECK(strcmp(full, "C:\\x\\name") == 0, "trailing dots and spaces of the last name go (%s)", full);

    SetLastError(0);
    CHECK(!SetCurrentDirectoryA("D:\\"), "SetCurrentDirectory(D:\\) fails");
    CHECK_EQ(GetLastError(), ERROR_PATH_NOT_FOUND, "another drive: ERROR_PATH_NOT_FOUND");
    CHECK(!SetCurrentDirectoryA("C:\\no\\such\\folder\\here"), "SetCurrentDirectory of a missing folder fails");
    CHECK_EQ(GetLastError(), ERROR_PATH_NOT_FOUND, "a missing folder on the way: ERROR_PATH_NOT_FOUND");

    n = GetModuleFileNameA(NULL, full, sizeof full);
    CHECK(n > 3 && strncmp(full, "C:\\", 3) == 0 && strstr(full, "e2e_scm_app"), "GetModuleFileName(NULL) is %s", full);
    char small[8];
    CHECK_EQ(GetModuleFileNameA(NULL, small, sizeof small), sizeof small, "a short buffer: nSize returned");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "... with ERROR_INSUFFICIENT_BUFFER");
    CHECK(small[7] == 0, "... and the name truncated with a NUL");
}

static void Files(void)
{
    char dir[1200], name[1300], other[1300];
    DWORD done;
    e2e_section("files: ordinary files on C:");
    ToWindows(Scratch, dir, sizeof dir);
    snprintf(name, sizeof name, "%s\\f.txt", dir);
    DeleteFileA(name);

    HANDLE h = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "CreateFile(CREATE_NEW) of %s", name);
    CHECK_EQ(GetLastError(), 0, "a new file: last error 0");
    CHECK(WriteFile(h, "hello world", 11, &done, NULL) && done == 11, "WriteFile writes 11 bytes");
    DWORD high = 7;
    CHECK_EQ(GetFileSize(h, &high), 11, "GetFileSize is 11");
    CHECK_EQ(high, 0, "... with a high part of 0");
    CHECK_EQ(SetFilePointer(h, 6, NULL, FILE_BEGIN), 6, "SetFilePointer(6, FILE_BEGIN)");
    char buffer[32] = {0};
    CHECK(ReadFile(h, buffer, 5, &done, NULL) && done == 5, "ReadFile reads 5 bytes");
    CHECK_MEM(buffer, "world", 5, "... from the file pointer");
    CHECK(ReadFile(h, buffer, 5, &done, NULL) && done == 0, "ReadFile at the end: TRUE with 0 bytes");
    SetLastError(0);
    CHECK_EQ(SetFilePointer(h, -100, NULL, FILE_CURRENT), INVALID_SET_FILE_POINTER, "seeking before the start fails");
    CHECK_EQ(GetLastError(), ERROR_NEGATIVE_SEEK, "... with ERROR_NEGATIVE_SEEK");
    CHECK_EQ(SetFilePointer(h, -5, NULL, FILE_END), 6, "SetFilePointer(-5, FILE_END)");
    CHECK(SetEndOfFile(h), "SetEndOfFile");
    CHECK_EQ(GetFileSize(h, NULL), 6, "the file is cut at the pointer");
    CHECK(CloseHandle(h), "CloseHandle of a file");

    h = CreateFileA(name, GENERIC_READ, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW of an existing file: ERROR_FILE_EXISTS");
    h = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS of an existing file: ERROR_ALREADY_EXISTS");
    CloseHandle(h);

    snprintf(other, sizeof other, "C:%s/f.txt", Scratch);
    h = CreateFileA(other, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "forward slashes open %s", other);
    CHECK(ReadFile(h, buffer, sizeof buffer, &done, NULL) && done == 6 && !memcmp(buffer, "hello ", 6), "... and read it");
    CloseHandle(h);
    CHECK(SetCurrentDirectoryA(dir), "SetCurrentDirectory(scratch)");
    h = CreateFileA("f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "a relative name opens against the current directory");
    CloseHandle(h);
    h = CreateFileA("F.TXT", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "another case of an existing name opens it (the only match)");
    CloseHandle(h);

    CHECK_EQ(GetFileAttributesA(name), FILE_ATTRIBUTE_NORMAL, "GetFileAttributes of a file");
    CHECK(GetFileAttributesA(dir) & FILE_ATTRIBUTE_DIRECTORY, "GetFileAttributes of a folder");
    CHECK_EQ(GetFileAttributesA("nothing-here.txt"), INVALID_FILE_ATTRIBUTES, "GetFileAttributes of a missing file");
    CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND, "... ERROR_FILE_NOT_FOUND");
    CHECK_EQ(GetFileAttributesA("no-folder\\x.txt"), INVALID_FILE_ATTRIBUTES, "a missing folder on the way");
    CHECK_EQ(GetLastError(), ERROR_PATH_NOT_FOUND, "... ERROR_PATH_NOT_FOUND");
    h = CreateFileA("D:\\x.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "another drive: ERROR_PATH_NOT_FOUND");
    h = CreateFileA(dir, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "a folder without FILE_FLAG_BACKUP_SEMANTICS: ERROR_ACCESS_DENIED");
    h = CreateFileA(name, GENERIC_READ, 0, NULL, TRUNCATE_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "TRUNCATE_EXISTING");
    CHECK_EQ(GetFileSize(h, NULL), 0, "... empties the file");
    CloseHandle(h);

    CHECK(DeleteFileA(name), "DeleteFile");
    CHECK_EQ(GetFileAttributesA(name), INVALID_FILE_ATTRIBUTES, "the file is gone");
    CHECK(!DeleteFileA(name) && GetLastError() == ERROR_FILE_NOT_FOUND, "DeleteFile again: ERROR_FILE_NOT_FOUND");
    CHECK(!DeleteFileA(dir) && GetLastError() == ERROR_ACCESS_DENIED, "DeleteFile of a folder: ERROR_ACCESS_DENIED");
}

static void ExpectError(BOOL ok, DWORD error, const char *what)
{
    DWORD got = GetLastError();
    CHECK(!ok, "%s fails", what);
    CHECK_EQ(got, error, "%s: error", what);
}

static BOOL Install(SC_HANDLE scm, const char *name, const char *image)
{
    SC_HANDLE s = CreateServiceA(scm, name, name, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER, SERVICE_DEMAND_START,
                                 SERVICE_ERROR_NORMAL, image, NULL, NULL, NULL, NULL, NULL);
    if (s)
        CloseServiceHandle(s);
    return s != NULL;
}

static void Services(void)
{
    char dir[1200], image[1300], cmd[2000];
    SERVICE_STATUS st;
    e2e_section("services: a driver installed, started, used, stopped and deleted through the SCM");
    ToWindows(DriverDir, dir, sizeof dir);
    SetCurrentDirectoryA(dir);
    snprintf(image, sizeof image, "%s\\e2e_scm_driver.sys", dir);

    SC_HANDLE scm = OpenSCManagerA(NULL, NULL, SC_MANAGER_ALL_ACCESS);
    CHECK(scm != NULL, "OpenSCManager");
    SC_HANDLE s = OpenServiceA(scm, "E2eScmSvc", SERVICE_ALL_ACCESS);
    ExpectError(s != NULL, ERROR_SERVICE_DOES_NOT_EXIST, "OpenService of an unknown service");
    s = CreateServiceA(scm, "E2eScmSvc", "E2E SCM test driver", SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER,
                       SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, image, NULL, NULL, NULL, NULL, NULL);
    CHECK(s != NULL, "CreateService(%s)", image);
    CHECK(QueryServiceStatus(s, &st), "QueryServiceStatus");
    CHECK_EQ(st.dwServiceType, SERVICE_KERNEL_DRIVER, "type SERVICE_KERNEL_DRIVER");
    CHECK_EQ(st.dwCurrentState, SERVICE_STOPPED, "a new service is stopped");
    CHECK_EQ(st.dwWin32ExitCode, ERROR_SERVICE_NEVER_STARTED, "... never started");
    SC_HANDLE again = CreateServiceA(scm, "e2escmsvc", NULL, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER,
                                     SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, image, NULL, NULL, NULL, NULL, NULL);
    ExpectError(again != NULL, ERROR_SERVICE_EXISTS, "CreateService of an existing name (any case)");
    ExpectError(ControlService(s, SERVICE_CONTROL_STOP, &st), ERROR_SERVICE_NOT_ACTIVE, "stopping a stopped service");

    CHECK(StartServiceA(s, 0, NULL), "StartService runs DriverEntry");
    SERVICE_STATUS_PROCESS sp;
    DWORD needed = 0;
    CHECK(QueryServiceStatusEx(s, SC_STATUS_PROCESS_INFO, (LPBYTE)&sp, sizeof sp, &needed), "QueryServiceStatusEx");
    CHECK_EQ(sp.dwCurrentState, SERVICE_RUNNING, "the service is running");
    CHECK_EQ(sp.dwControlsAccepted, SERVICE_ACCEPT_STOP, "... and accepts STOP (it has DriverUnload)");
    CHECK_EQ(sp.dwProcessId, 0, "... in no process");
    ExpectError(QueryServiceStatusEx(s, SC_STATUS_PROCESS_INFO, (LPBYTE)&sp, 8, &needed), ERROR_INSUFFICIENT_BUFFER,
                "QueryServiceStatusEx with a short buffer");
    CHECK_EQ(needed, sizeof(SERVICE_STATUS_PROCESS), "... needs sizeof(SERVICE_STATUS_PROCESS)");
    ExpectError(StartServiceA(s, 0, NULL), ERROR_SERVICE_ALREADY_RUNNING, "StartService of a running service");

    HANDLE dev = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(dev != INVALID_HANDLE_VALUE, "the driver's device opens");
    unsigned char io[64] = {41};
    DWORD returned = 0;
    CHECK(DeviceIoControl(dev, IOCTL_SCM_DRIVER_ADD_ONE, io, sizeof io, io, sizeof io, &returned, NULL), "DeviceIoControl");
    CHECK_EQ(io[0], 42, "the driver answers");
    CHECK_EQ(returned, 4 + 9 * 2, "... with the service name it was started as");
    CHECK_MEM(io + 4, L"E2eScmSvc", 18, "DriverEntry's registry path ends with the service name");

    BYTE buffer[4096];
    DWORD count = 0, resume = 0;
    CHECK(EnumServicesStatusA(scm, SERVICE_DRIVER, SERVICE_STATE_ALL, (LPENUM_SERVICE_STATUSA)buffer, sizeof buffer,
                              &needed, &count, &resume), "EnumServicesStatus");
    BOOL listed = FALSE;
    for (DWORD i = 0; i < count; i++) {
        ENUM_SERVICE_STATUSA *e = (ENUM_SERVICE_STATUSA *)buffer + i;
        if (!strcmp(e->lpServiceName, "E2eScmSvc") && e->ServiceStatus.dwCurrentState == SERVICE_RUNNING &&
            !strcmp(e->lpDisplayName, "E2E SCM test driver"))
            listed = TRUE;
    }
    CHECK(listed, "... lists the running service with its display name");
    resume = 0;
    ExpectError(EnumServicesStatusA(scm, SERVICE_DRIVER, SERVICE_STATE_ALL, (LPENUM_SERVICE_STATUSA)buffer, 8,
                                    &needed, &count, &resume),
                ERROR_MORE_DATA, "EnumServicesStatus with a short buffer");
    CHECK(needed > sizeof(ENUM_SERVICE_STATUSA) && count == 0, "... says how much it needs");

    e2e_section("inspection: ntk objdir, devstack, drvobj, ioctl send and sc against this process");
    CHECK_EQ(RunTool("objdir '\\Device'"), 0, "ntk objdir \\Device");
    CHECK(strstr(Output, "Name: \\Device") && strstr(Output, "E2eScm") && strstr(Output, "HostFs"),
          "... lists E2eScm and HostFs:\n%s", Output);
    CHECK_EQ(RunTool("objdir '\\?\?'"), 0, "ntk objdir \\?\?");
    CHECK(strstr(Output, "E2eScm -> \\Device\\E2eScm") && strstr(Output, "C: -> \\Device\\HostFs"),
          "... shows the symbolic links and their targets:\n%s", Output);
    CHECK_EQ(RunTool("devstack E2eScm"), 0, "ntk devstack E2eScm");
    CHECK(strstr(Output, "!DevObj") && strstr(Output, "> ") && strstr(Output, "\\Driver\\E2eScmSvc"),
          "... in !devstack's layout:\n%s", Output);
    CHECK_EQ(RunTool("drvobj E2eScmSvc 3"), 0, "ntk drvobj E2eScmSvc 3");
    CHECK(strstr(Output, "Driver object (") && strstr(Output, "is for:\n \\Driver\\E2eScmSvc") &&
              strstr(Output, "Device Object list:") && strstr(Output, "[0e] IRP_MJ_DEVICE_CONTROL") &&
              strstr(Output, "ScmDriver_DeviceControl"),
          "... in !drvobj's layout:\n%s", Output);
    snprintf(cmd, sizeof cmd, "ioctl send '\\\\.\\E2eScm' 0x%x --in 07000000 --out-size 64", IOCTL_SCM_DRIVER_ADD_ONE);
    CHECK_EQ(RunTool(cmd), 0, "ntk ioctl send");
    CHECK(strstr(Output, "Status      : 0x00000000 (STATUS_SUCCESS)") && strstr(Output, "Returned    : 22 bytes") &&
              strstr(Output, "0000  08 00 00 00 45 00"),
          "... prints the status, the count and the bytes:\n%s", Output);
    CHECK_EQ(RunTool("ioctl send NoSuchDevice 0x222000"), 1, "ntk ioctl send to a missing device fails");
    CHECK(strstr(Output, "STATUS_OBJECT_NAME_NOT_FOUND"), "... naming the status:\n%s", Output);
    CHECK_EQ(RunTool("sc query E2eScmSvc"), 0, "ntk sc query");
    CHECK(strstr(Output, "SERVICE_NAME: E2eScmSvc") && strstr(Output, "STATE              : 4  RUNNING") &&
              strstr(Output, "(STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)"),
          "... in sc.exe's layout:\n%s", Output);
    CHECK_EQ(RunTool("sc query NoSuchService"), 1, "ntk sc query of an unknown service");
    CHECK(strstr(Output, "[SC] OpenService FAILED 1060:"), "... as sc.exe says it:\n%s", Output);
    snprintf(cmd, sizeof cmd, "sc create E2eScCli binpath= '%s\\e2e_scm_driver_nounload.sys' type= kernel start= demand", dir);
    CHECK_EQ(RunTool(cmd), 0, "ntk sc create");
    CHECK(strstr(Output, "[SC] CreateService SUCCESS"), "... [SC] CreateService SUCCESS:\n%s", Output);
    CHECK_EQ(RunTool("sc start E2eScCli"), 1, "ntk sc start of a second driver with the same device name fails");
    CHECK(strstr(Output, "[SC] StartService FAILED"), "... [SC] StartService FAILED:\n%s", Output);
    CHECK_EQ(RunTool("sc delete E2eScCli"), 0, "ntk sc delete");
    CHECK(strstr(Output, "[SC] DeleteService SUCCESS"), "... [SC] DeleteService SUCCESS:\n%s", Output);

    CHECK(CloseHandle(dev), "the device handle closes");
    memset(&st, 0xcc, sizeof st);
    CHECK(ControlService(s, SERVICE_CONTROL_STOP, &st), "ControlService(STOP) unloads the driver");
    CHECK_EQ(st.dwCurrentState, SERVICE_STOPPED, "... and reports it stopped");
    dev = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(dev == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "its device is gone");
    CHECK(StartServiceA(s, 0, NULL), "a stopped service starts again");

    /* Stopping a driver whose device is open: the unload waits for the
     * last file object to close (the I/O manager marks the devices unload
     * pending; the SCM shows STOP_PENDING). */
    dev = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(dev != INVALID_HANDLE_VALUE, "its device opens again");
    memset(&st, 0xcc, sizeof st);
    CHECK(ControlService(s, SERVICE_CONTROL_STOP, &st), "ControlService(STOP) with the device open succeeds");
    CHECK_EQ(st.dwCurrentState, SERVICE_STOP_PENDING, "... leaving the service STOP_PENDING");
    CHECK_EQ(st.dwControlsAccepted, SERVICE_ACCEPT_STOP, "... still STOPPABLE, as sc shows it on Windows");
    ExpectError(ControlService(s, SERVICE_CONTROL_STOP, &st), ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
                "stopping it again while the stop is pending");
    ExpectError(ControlService(s, SERVICE_CONTROL_INTERROGATE, &st), ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
                "interrogating it while the stop is pending");
    HANDLE second = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(second == INVALID_HANDLE_VALUE && GetLastError() == ERROR_NO_SUCH_DEVICE,
          "a new open of its device fails: STATUS_NO_SUCH_DEVICE, ERROR_NO_SUCH_DEVICE (unload pending)");
    memset(io, 0, sizeof io);
    io[0] = 9;
    CHECK(DeviceIoControl(dev, IOCTL_SCM_DRIVER_ADD_ONE, io, sizeof io, io, sizeof io, &returned, NULL) &&
              io[0] == 10,
          "the handle already open still reaches the driver");
    CHECK(QueryServiceStatus(s, &st) && st.dwCurrentState == SERVICE_STOP_PENDING, "... still STOP_PENDING");
    CHECK(CloseHandle(dev), "closing the last handle");
    CHECK(QueryServiceStatus(s, &st) && st.dwCurrentState == SERVICE_STOPPED, "... unloads the driver: STOPPED");
    dev = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(dev == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "... and its device is gone");

    /* Deleting a service whose driver waits to unload: it goes when both
     * its last service handle and the driver's last file are closed. */
    CHECK(StartServiceA(s, 0, NULL), "it starts again");
    dev = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(dev != INVALID_HANDLE_VALUE, "its device opens");
    CHECK(ControlService(s, SERVICE_CONTROL_STOP, &st) && st.dwCurrentState == SERVICE_STOP_PENDING,
          "stopping it with the device open: STOP_PENDING");
    CHECK(DeleteService(s), "DeleteService");
    ExpectError(DeleteService(s), ERROR_SERVICE_MARKED_FOR_DELETE, "DeleteService again");
    ExpectError(StartServiceA(s, 0, NULL), ERROR_SERVICE_MARKED_FOR_DELETE, "StartService of a deleted service");
    SC_HANDLE other = OpenServiceA(scm, "E2eScmSvc", SERVICE_ALL_ACCESS);
    ExpectError(other != NULL, ERROR_SERVICE_MARKED_FOR_DELETE, "OpenService while a handle is open");
    other = CreateServiceA(scm, "E2eScmSvc", NULL, SERVICE_ALL_ACCESS, SERVICE_KERNEL_DRIVER, SERVICE_DEMAND_START,
                           SERVICE_ERROR_NORMAL, image, NULL, NULL, NULL, NULL, NULL);
    ExpectError(other != NULL, ERROR_SERVICE_MARKED_FOR_DELETE, "CreateService while a handle is open");
    CHECK(CloseServiceHandle(s), "CloseServiceHandle of the last handle");
    other = OpenServiceA(scm, "E2eScmSvc", SERVICE_ALL_ACCESS);
    ExpectError(other != NULL, ERROR_SERVICE_MARKED_FOR_DELETE, "the service stays while its driver waits to unload");
    CHECK(CloseHandle(dev), "closing the device handle unloads the driver");
    s = OpenServiceA(scm, "E2eScmSvc", SERVICE_ALL_ACCESS);
    ExpectError(s != NULL, ERROR_SERVICE_DOES_NOT_EXIST, "then the service is gone");

    e2e_section("services: ntk sc create, start, query, qc, stop, delete");
    snprintf(cmd, sizeof cmd, "sc create E2eScCli2 binpath= '%s\\e2e_scm_driver.sys' displayname= 'From sc'", dir);
    CHECK_EQ(RunTool(cmd), 0, "ntk sc create");
    CHECK_EQ(RunTool("sc start E2eScCli2"), 0, "ntk sc start");
    CHECK(strstr(Output, "SERVICE_NAME: E2eScCli2") && strstr(Output, "STATE              : 4  RUNNING") &&
              strstr(Output, "        PID                : 0\n"),
          "... prints the running status with PID:\n%s", Output);
    dev = CreateFileA(SCM_DRIVER_WIN32_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    io[0] = 1;
    CHECK(DeviceIoControl(dev, IOCTL_SCM_DRIVER_ADD_ONE, io, sizeof io, io, sizeof io, &returned, NULL) &&
              io[0] == 2 && !memcmp(io + 4, L"E2eScCli2", 18),
          "the driver ntk sc started answers this application");
    CloseHandle(dev);
    CHECK_EQ(RunTool("sc qc E2eScCli2"), 0, "ntk sc qc");
    snprintf(cmd, sizeof cmd, "BINARY_PATH_NAME   : \\??\\%s\\e2e_scm_driver.sys", dir);
    CHECK(strstr(Output, "[SC] QueryServiceConfig SUCCESS") && strstr(Output, "START_TYPE         : 3   DEMAND_START") &&
              strstr(Output, cmd) && strstr(Output, "DISPLAY_NAME       : From sc"),
          "... prints the configuration:\n%s", Output);
    CHECK_EQ(RunTool("sc start E2eScCli2"), 1, "ntk sc start of a running service");
    CHECK(strstr(Output, "[SC] StartService FAILED 1056:\n\nAn instance of the service is already running."),
          "... FAILED 1056:\n%s", Output);
    CHECK_EQ(RunTool("sc stop E2eScCli2"), 0, "ntk sc stop");
    CHECK(strstr(Output, "STATE              : 1  STOPPED"), "... prints the stopped status:\n%s", Output);
    CHECK_EQ(RunTool("sc stop E2eScCli2"), 1, "ntk sc stop of a stopped service");
    CHECK(strstr(Output, "[SC] ControlService FAILED 1062:"), "... FAILED 1062:\n%s", Output);
    CHECK_EQ(RunTool("sc delete E2eScCli2"), 0, "ntk sc delete");
    CHECK_EQ(RunTool("sc query E2eScCli2"), 1, "then the service is gone");

    e2e_section("services: what StartService and ControlService refuse");
    snprintf(image, sizeof image, "%s\\e2e_scm_driver_nounload.sys", dir);
    CHECK(Install(scm, "E2eNoUnload", image), "CreateService of a driver without DriverUnload");
    s = OpenServiceA(scm, "E2eNoUnload", SERVICE_ALL_ACCESS);
    CHECK(StartServiceA(s, 0, NULL), "it starts");
    CHECK(QueryServiceStatus(s, &st) && st.dwControlsAccepted == 0, "it does not accept STOP");
    ExpectError(ControlService(s, SERVICE_CONTROL_STOP, &st), ERROR_INVALID_SERVICE_CONTROL, "stopping it");
    CHECK_EQ(st.dwCurrentState, SERVICE_RUNNING, "... it is still running");
    ExpectError(ControlService(s, SERVICE_CONTROL_PAUSE, &st), ERROR_INVALID_SERVICE_CONTROL, "pausing a driver");
    CHECK(DeleteService(s), "DeleteService of a running driver (it goes when it stops: at exit)");
    CloseServiceHandle(s);

    snprintf(image, sizeof image, "%s\\no-such-driver.sys", dir);
    CHECK(Install(scm, "E2eMissing", image), "CreateService of a missing image");
    s = OpenServiceA(scm, "E2eMissing", SERVICE_ALL_ACCESS);
    ExpectError(StartServiceA(s, 0, NULL), ERROR_FILE_NOT_FOUND, "StartService of a missing image");
    CHECK(QueryServiceStatus(s, &st) && st.dwCurrentState == SERVICE_STOPPED && st.dwWin32ExitCode == ERROR_FILE_NOT_FOUND,
          "... leaves it stopped with the error as its exit code");
    DeleteService(s);
    CloseServiceHandle(s);

    CHECK(Install(scm, "E2eOtherDrive", "D:\\drivers\\x.sys"), "CreateService of an image on D:");
    s = OpenServiceA(scm, "E2eOtherDrive", SERVICE_ALL_ACCESS);
    ExpectError(StartServiceA(s, 0, NULL), ERROR_PATH_NOT_FOUND, "StartService of an image on another drive");
    DeleteService(s);
    CloseServiceHandle(s);

    snprintf(image, sizeof image, "%s\\e2e_entry_fails.sys", dir);
    CHECK(Install(scm, "E2eEntryFails", image), "CreateService of a driver whose DriverEntry fails");
    s = OpenServiceA(scm, "E2eEntryFails", SERVICE_ALL_ACCESS);
    ExpectError(StartServiceA(s, 0, NULL), ERROR_GEN_FAILURE, "StartService: STATUS_UNSUCCESSFUL as a Win32 error");
    DeleteService(s);
    CloseServiceHandle(s);

    ExpectError(CloseServiceHandle(NULL), ERROR_INVALID_HANDLE, "CloseServiceHandle(NULL)");
    SC_HANDLE remote = OpenSCManagerA(NULL, "NoSuchDatabase", SC_MANAGER_CONNECT);
    ExpectError(remote != NULL, ERROR_DATABASE_DOES_NOT_EXIST, "OpenSCManager of an unknown database");
    CHECK(CloseServiceHandle(scm), "CloseServiceHandle of the SCM");
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        printf("usage: e2e_scm_app DRIVER_DIR NTK_TOOL SCRATCH_DIR\n");
        return 2;
    }
    snprintf(DriverDir, sizeof DriverDir, "%s", argv[1]);
    snprintf(Tool, sizeof Tool, "%s", argv[2]);
    snprintf(Scratch, sizeof Scratch, "%s", argv[3]);
    Paths();
    Files();
    Services();
    return e2e_finish();
}
