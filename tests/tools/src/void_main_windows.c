/* The WDK samples' spelling of a void main: VOID __cdecl, ULONG argc. */
#include <windows.h>
#include <stdio.h>

VOID __cdecl
main(
    _In_ ULONG argc,
    _In_reads_(argc) PCHAR argv[]
    )
{
    UNREFERENCED_PARAMETER(argv);
    printf("VOID __cdecl main ran with %lu arguments\n", (unsigned long)(argc - 1));
}
