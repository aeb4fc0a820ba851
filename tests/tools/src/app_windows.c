/* The headers a WDK sample's test app starts with must resolve. */
#include <windows.h>
#include <winioctl.h>
#include <strsafe.h>
#include <stdio.h>

int __cdecl main(int argc, char *argv[])
{
    CHAR buffer[32];
    UNREFERENCED_PARAMETER(argv);
    if (FAILED(StringCchPrintfA(buffer, ARRAYSIZE(buffer), "%d", argc)))
        return 1;
    printf("windows headers ok (%s)\n", buffer);
    return 0;
}
