/* srcapp.c - a console app from a sources file (UNICODE from C_DEFINES). */
#include <windows.h>
#include <stdio.h>

#ifndef UNICODE
#error "C_DEFINES defines UNICODE"
#endif

int main(void)
{
    printf("srcapp\n");
    return 0;
}
