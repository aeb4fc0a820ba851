/*
 * invalid_parameter.c - the CRT's report of a violated parameter constraint
 * (see crt_internal.h).
 */
#include <stdio.h>
#include <string.h>

#include "crt_internal.h"

void CrtpInvalidParameter(const char *Function, const char *Problem)
{
    static const char head[] = "ntk: ";
    static const char middle[] = ": invalid parameter: ";
    char line[256];
    size_t length = 0;
    size_t functionLength = strnlen(Function, 64);
    size_t problemLength = strnlen(Problem, 128);

    /* One fwrite to the unbuffered stderr: one write(2), so concurrent
     * reports do not interleave. */
    memcpy(line + length, head, sizeof(head) - 1);
    length += sizeof(head) - 1;
    memcpy(line + length, Function, functionLength);
    length += functionLength;
    memcpy(line + length, middle, sizeof(middle) - 1);
    length += sizeof(middle) - 1;
    memcpy(line + length, Problem, problemLength);
    length += problemLength;
    line[length++] = '\n';
    fwrite(line, 1, length, stderr);
}
