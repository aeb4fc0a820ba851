/* A wmain app: prints the UTF-16 code units of each argument in hex, so the
 * test can check that the runtime converted UTF-8 arguments to UTF-16
 * (including a surrogate pair). Needs no Windows header. */
#include <stddef.h>
#include <stdio.h>

_Static_assert(sizeof(wchar_t) == 2, "ntk cc must build apps with a 16-bit wchar_t");

int wmain(int argc, wchar_t **argv)
{
    for (int i = 1; i < argc; i++) {
        printf("arg%d:", i);
        for (const wchar_t *p = argv[i]; *p; p++)
            printf(" %04x", (unsigned)*p);
        printf("\n");
    }
    return 0;
}
