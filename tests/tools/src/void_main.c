/* "void main" exits 0 as with MSVC, whatever is left in the return register. */
#include <stdio.h>

void main(int argc, char **argv)
{
    (void)argv;
    printf("void main ran with %d arguments\n", argc - 1);
}
