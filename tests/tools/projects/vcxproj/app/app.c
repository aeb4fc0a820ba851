/* app.c - a Unicode console app: _tmain is wmain, TCHAR is a 16-bit wchar_t. */
#include <windows.h>
#include <tchar.h>
#include <stdio.h>

#if !defined(UNICODE) || !defined(_UNICODE)
#error "CharacterSet Unicode defines UNICODE and _UNICODE"
#endif

int _tmain(int argc, TCHAR *argv[])
{
    UNREFERENCED_PARAMETER(argv);
    printf("unicode app: %d argument(s), TCHAR is %u bytes\n", argc - 1, (unsigned)sizeof(TCHAR));
    return sizeof(TCHAR) == 2 ? 0 : 1;
}
