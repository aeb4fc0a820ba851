/* An app that prints a line and returns 3: ntk run must pass the 3 on. */
#include <stdio.h>

#ifndef _CONSOLE
#error "ntk cc --app must predefine _CONSOLE"
#endif

int main(int argc, char **argv)
{
    (void)argv;
    printf("hello from an ntk app (%d arguments)\n", argc - 1);
    return 3;
}
