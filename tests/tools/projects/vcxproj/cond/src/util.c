#include <ntddk.h>
ULONG CondUtil(VOID);
ULONG CondUtil(VOID) { return 1; }
