#include <ntddk.h>
ULONG CondMore(VOID);
ULONG CondMore(VOID) { return 2; }
